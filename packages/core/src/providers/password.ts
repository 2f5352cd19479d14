import type { PasswordConfig, PasswordProvider } from "../provider-types.js";

export type { PasswordConfig, PasswordMailKind, PasswordMailParams, PasswordProvider } from "../provider-types.js";

/**
 * Password accounts, built in: sign-up, email verification, sign-in, forgotten and changed
 * passwords (routes `signup/password`, `callback/password`, `verify-email/password`,
 * `password/forgot`, `password/reset`, `password/change`). Hashes are argon2id; bcrypt and scrypt
 * hashes imported from an app's own code sign in and are rehashed. Needs a database (`adapter` or
 * `database`) and, in production, a mail server.
 *
 * @param options - the mail server, verification and reset lifetimes, length limits, hash
 *   parameters and an optional breached-password check (see {@link PasswordConfig}).
 * @returns the provider, for `providers`.
 * @example
 * ```ts
 * import Password from "gatehouse/providers/password";
 * NextAuth({ database: process.env.DATABASE_URL, providers: [Password({ server: process.env.EMAIL_SERVER, from: "Example <no-reply@example.com>" })] })
 * ```
 */
export default function Password(options: PasswordConfig = {}): PasswordProvider {
  return { id: "password", name: "Password", type: "password", ...options };
}
