/**
 * Every failure Gatehouse raises is an {@link AuthError} with a `code` from one closed union,
 * so callers can `switch` on it. Configuration errors are thrown when the auth instance is
 * created; request-time failures become a clean error response and are logged once.
 */

/** Problems in the options object, found once when the auth instance is created. */
export type ConfigErrorCode =
  | "MissingSecret"
  | "InvalidSecret"
  | "MissingUrl"
  | "InvalidUrl"
  | "InvalidBasePath"
  | "InvalidProvider"
  | "UnknownProviderType"
  | "MissingAuthorize"
  | "DuplicateProviderId"
  | "InvalidOption";

/** Failures while handling one request. */
export type RequestErrorCode =
  | "CredentialsSignin"
  | "AccessDenied"
  | "CallbackError"
  | "SessionTooLarge"
  | "StoreError"
  | "AdapterError"
  | "RateLimited";

/** The closed set of error codes. */
export type AuthErrorCode = ConfigErrorCode | RequestErrorCode;

/** Options accepted by every {@link AuthError}. */
export interface AuthErrorOptions {
  /** The underlying error, kept for logs; never sent to a browser. */
  cause?: unknown;
}

/**
 * Base class of every error Gatehouse throws.
 *
 * @example
 * ```ts
 * try { createAuth(config) } catch (error) {
 *   if (error instanceof AuthError && error.code === "MissingSecret") …
 * }
 * ```
 */
export class AuthError extends Error {
  /** Machine-readable reason; stable across versions. */
  readonly code: AuthErrorCode;
  /**
   * next-auth / Auth.js compatible error type, e.g. `"CredentialsSignin"` (seed 004 checks
   * `error.type === 'CredentialsSignin'`).
   */
  readonly type: string;
  /** Whether `message` is written for end users and may be shown in a browser. */
  readonly expose: boolean;

  constructor(code: AuthErrorCode, message: string, options: AuthErrorOptions & { expose?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.type = code;
    this.expose = options.expose ?? false;
  }
}

/** A problem in the options; the message names the option to change. */
export class ConfigError extends AuthError {
  constructor(code: ConfigErrorCode, message: string, options: AuthErrorOptions = {}) {
    super(code, message, options);
  }
}

/**
 * Throw this from a credentials provider's `authorize()` to refuse a sign-in with a message the
 * user may see ("Your account is locked"). Any other error thrown from `authorize()` is treated
 * as a server fault: logged, and the user sees a generic message.
 *
 * @example
 * ```ts
 * authorize: async (credentials) => {
 *   const user = await findUser(credentials.email)
 *   if (user?.locked) throw new CredentialsSignin("This account is locked. Contact support.")
 *   return user && (await verify(user, credentials.password)) ? user : null
 * }
 * ```
 */
export class CredentialsSignin extends AuthError {
  constructor(message = "Sign in failed. Check the details you provided are correct.", options: AuthErrorOptions = {}) {
    super("CredentialsSignin", message, { ...options, expose: true });
  }
}

/** Raised when a session would not fit in cookies a server accepts. */
export class SessionTooLargeError extends AuthError {
  /** Bytes the session cookie would have taken. */
  readonly size: number;
  constructor(size: number, budget: number) {
    super(
      "SessionTooLarge",
      `The session cookie would take ${size} bytes, over the ${budget}-byte budget that keeps requests under what servers accept. ` +
        "Put less in the token in your `jwt` callback (ids rather than whole objects), or use `session: { strategy: 'database' }`. " +
        "The budget itself is `session.maxCookieBytes`.",
    );
    this.size = size;
  }
}
