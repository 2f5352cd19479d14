/**
 * A real SMTP server (smtp-server) on loopback that keeps what the demo sends, parsed by
 * mailparser, so a test can open the sign-in link from the email itself.
 */
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 3325);

export interface MailSink {
  /** The next message to `to` (waits for it). */
  next(to: string, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

export async function startMailSink(port = SMTP_PORT): Promise<MailSink> {
  const inbox: ParsedMail[] = [];
  const waiting = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          inbox.push(mail);
          for (const wake of waiting) wake();
          callback();
        })
        .catch((error: unknown) => {
          callback(error instanceof Error ? error : new Error(String(error)));
        });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const addressedTo = (mail: ParsedMail, to: string) =>
    (Array.isArray(mail.to) ? mail.to : mail.to === undefined ? [] : [mail.to]).some((list) =>
      list.value.some((address) => address.address === to),
    );
  return {
    async next(to, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = inbox.findIndex((mail) => addressedTo(mail, to));
        if (index !== -1) return inbox.splice(index, 1)[0] as ParsedMail;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`No email to ${to} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiting.delete(wake);
            resolve();
          };
          waiting.add(wake);
          setTimeout(wake, Math.min(left, 500));
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
