/**
 * Development only: mail that had no server to go to (no `server` and no sender configured) is
 * kept here, newest last, printed on the console, and shown at `{basePath}/dev-mailbox`.
 */
import type { RequestState } from "../http/request-state.js";
import { RuntimeSlot } from "../runtime.js";

/** One message the dev mailbox kept. */
export interface DevMessage {
  to: string;
  /** What the message is for ("Sign-in link", …). */
  subject: string;
  url: string;
  at: Date;
}

/** Messages kept at most; older ones go. */
const KEEP = 50;

export const DEV_MAILBOX = new RuntimeSlot("dev-mailbox", () => ({ messages: [] as DevMessage[], count: 0 }));

/** Keeps `message` and prints it on the server console. */
export function deliverToDevMailbox(state: RequestState, message: Omit<DevMessage, "at">): void {
  const mailbox = state.runtime.slot(DEV_MAILBOX);
  mailbox.messages.push({ ...message, at: new Date(state.nowMs) });
  if (mailbox.messages.length > KEEP) mailbox.messages.shift();
  // A code of its own per message: the logger prints each warning code once.
  mailbox.count += 1;
  state.runtime.logger.warn(
    `DEV_MAILBOX_${mailbox.count}`,
    `Development mailbox: ${message.subject.toLowerCase()} for ${message.to}: ${message.url} (also at ${state.authUrl}/dev-mailbox)`,
  );
}
