/**
 * Passwordless sign-in with a link sent by email (next-auth's `email` provider). Needs a
 * database (`adapter` or `database`). In development with no `server`, links are printed on
 * the server console and shown at `{basePath}/dev-mailbox`; in production `server` is required.
 *
 * @example
 * ```ts
 * Email({ server: process.env.EMAIL_SERVER, from: "Acme <no-reply@acme.example>" })
 * ```
 */
import type { Awaitable, Theme } from "../types.js";

/** What `sendVerificationRequest` receives. */
export interface SendVerificationRequestParams {
  /** The (normalized) address to send to. */
  identifier: string;
  /** The sign-in link. */
  url: string;
  expires: Date;
  provider: { id: string; name: string; server: EmailServer | undefined; from: string; maxAge: number };
  /** The raw token in the link (stored only as a keyed hash). */
  token: string;
  theme: Theme;
  request: Request;
}

/** A nodemailer transport: a connection URL (smtp://…) or options object. */
export type EmailServer = string | Record<string, unknown>;

/** Options of {@link Email}. */
export interface EmailConfig {
  /** @default "email" */
  id?: string;
  /** @default "Email" */
  name?: string;
  /** The SMTP server (URL or nodemailer transport options). Required in production unless `sendVerificationRequest` is given. */
  server?: EmailServer | undefined;
  /** The sender. @default "Gatehouse <no-reply@localhost>" */
  from?: string | undefined;
  /** Seconds a link stays valid. @default 900 (15 minutes; next-auth: 24 hours) */
  maxAge?: number;
  /** Sends the email yourself (an API such as Postmark or SES). */
  sendVerificationRequest?: (params: SendVerificationRequestParams) => Awaitable<void>;
  /** Makes the token (at least 256 bits of randomness by default). */
  generateVerificationToken?: () => Awaitable<string>;
  /** Normalizes the address after Gatehouse's strict validation; its result is validated again. */
  normalizeIdentifier?: (identifier: string) => string;
  [option: string]: unknown;
}

/** The email provider object. */
export interface EmailProvider extends EmailConfig {
  id: string;
  name: string;
  type: "email";
}

/**
 * Passwordless sign-in with a magic link sent by email.
 *
 * @param options - the SMTP `server` and `from`, or your own `sendVerificationRequest`; any
 *   other option overrides the defaults.
 * @returns The provider, for `providers` (email sign-in needs a database adapter).
 * @example
 * ```ts
 * import Email from "gatehouse/providers/email";
 * Email({ server: process.env.EMAIL_SERVER, from: process.env.EMAIL_FROM });
 * ```
 */
export default function Email(options: EmailConfig = {}): EmailProvider {
  return { id: "email", name: "Email", type: "email", ...options };
}
