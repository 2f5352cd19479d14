/**
 * A real SMTP server (smtp-server) on a loopback port that keeps what it receives, parsed with
 * mailparser, so the email tests see exactly what a mail client would.
 */
import { createServer } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestSmtp {
  /** `smtp://127.0.0.1:<port>`, for the email provider's `server`: one connection per mail. */
  plainUrl: string;
  /**
   * The same server through a pooled transport: smtp-server holds every new connection for
   * 100 ms (its early-talker check), so tests that send many mails reuse one.
   */
  url: string;
  /** Every message received, oldest first. */
  messages: ParsedMail[];
  /** Messages to `address`. */
  inbox: (address: string) => ParsedMail[];
  close: () => Promise<void>;
}

/** Starts the server; recipients for which `refuse` answers true get a 550 at RCPT TO. */
export async function startSmtp(refuse: (address: string) => boolean = () => false): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    // Plain SMTP on loopback: no TLS to negotiate, no login.
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    disableReverseLookup: true,
    // Pooled connections are closed at once when the suite ends.
    closeTimeout: 50,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!refuse(address.address)) {
        callback();
        return;
      }
      const error = Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 });
      callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          callback();
        },
        (error: unknown) => {
          callback(error instanceof Error ? error : new Error(String(error)));
        },
      );
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      resolve((server.server.address() as { port: number }).port);
    });
  });
  const recipients = (mail: ParsedMail): string[] =>
    (Array.isArray(mail.to) ? mail.to : mail.to === undefined ? [] : [mail.to]).flatMap((to) =>
      to.value.map((entry) => entry.address ?? ""),
    );
  return {
    plainUrl: `smtp://127.0.0.1:${port}`,
    url: `smtp://127.0.0.1:${port}/?pool=true`,
    messages,
    inbox: (address) => messages.filter((mail) => recipients(mail).includes(address)),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A loopback port nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => {
        resolve(port);
      });
    });
  });
}
