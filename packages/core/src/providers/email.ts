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
import type { EmailConfig, EmailProvider } from "../provider-types.js";

export type { EmailConfig, EmailProvider, EmailServer, SendVerificationRequestParams } from "../provider-types.js";

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
