/**
 * Sending mail through an SMTP server with nodemailer (loaded only when a mail is sent, so
 * nothing Node-only is imported on other paths). One transport per server per auth instance.
 */
import type { EmailServer } from "../../provider-types.js";
import type { RequestState } from "../http/request-state.js";
import { RuntimeSlot } from "../runtime.js";

/** A mail to send. */
export interface Mail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
}

type Transport = { sendMail(message: Record<string, unknown>): Promise<unknown> };

const TRANSPORTS = new RuntimeSlot("mail transports", () => new Map<string, Promise<Transport>>());

/** Sends `mail` through `server`. */
export async function sendMail(state: RequestState, server: EmailServer, mail: Mail): Promise<void> {
  const transports = state.runtime.slot(TRANSPORTS);
  const key = typeof server === "string" ? server : JSON.stringify(server);
  let transport = transports.get(key);
  if (transport === undefined) {
    transport = import("nodemailer").then((module) => module.default.createTransport(server as never) as Transport);
    transports.set(key, transport);
    transport.catch(() => {
      transports.delete(key);
    });
  }
  await (await transport).sendMail({ ...mail });
}
