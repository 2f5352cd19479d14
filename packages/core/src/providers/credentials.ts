import type { AuthorizeRequest, CredentialInput, CredentialsProvider } from "../provider-types.js";
import type { Awaitable, User } from "../types.js";

/** Options of {@link Credentials}. */
export interface CredentialsOptions<C extends Record<string, CredentialInput> = Record<string, CredentialInput>> {
  /** @default "credentials" */
  id?: string;
  /** Shown on the sign-in button. @default "Credentials" */
  name?: string;
  /** The form fields, rendered on the built-in sign-in page. @default {} */
  credentials?: C;
  /**
   * Checks the submitted fields. Return the user to sign in, `null` (or `false`) to refuse with
   * `CredentialsSignin`, or throw `CredentialsSignin` with a message the user may see.
   */
  authorize: (
    credentials: Record<keyof C & string, string> | undefined,
    request: AuthorizeRequest,
  ) => Awaitable<User | null | false>;
  /** The field that names the account, for rate limiting. @default the first non-password field */
  identifierField?: keyof C & string;
}

/**
 * Sign-in with a form you check yourself (a password, an LDAP bind, …). Works with JWT and database sessions.
 * Failed attempts count towards the credentials rate limits (per identifier, per identifier and
 * address, per address).
 *
 * @param options - The form fields and `authorize`, which decides; optionally the id, button
 *   name and the field that names the account.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * Credentials({
 *   credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
 *   authorize: async ({ email, password }) => (await checkPassword(email, password)) ? { id: "1", email } : null,
 * })
 * ```
 */
export default function Credentials<C extends Record<string, CredentialInput>>(
  options: CredentialsOptions<C>,
): CredentialsProvider {
  return {
    id: "credentials",
    name: "Credentials",
    type: "credentials",
    credentials: {},
    ...options,
    authorize: options.authorize,
  };
}
