/**
 * Every failure Gatehouse raises is an {@link AuthError} with a `code` from one closed union,
 * so callers can `switch` on it. Configuration errors are thrown when the auth instance is
 * created; request-time failures become a clean error response and are logged once.
 *
 * What a browser can see is a second closed union, {@link ErrorCode}: the `?error=` values of
 * the sign-in and error pages (next-auth v4's, so custom pages written for next-auth keep
 * working) and the `error` of JSON answers. Each feature declares the codes it sends, with the
 * text the built-in pages show for them.
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
  /** The store has no room for a new rate-limit counter (or a new security entry): refused, not evicted. */
  | "StoreFull"
  | "AdapterError"
  | "RateLimited"
  /** An identity provider's answer failed a check (state, PKCE, ID token, userinfo). */
  | "OAuthCallbackCheck"
  /** An identity provider could not be reached, timed out, or sent too much. */
  | "IdpRequestFailed";

/** The closed set of error codes. */
export type AuthErrorCode = ConfigErrorCode | RequestErrorCode;

/**
 * Every code a browser can be shown: `?error=` on the sign-in and error pages (custom pages
 * receive the same values) and `error` in JSON answers.
 */
export type ErrorCode =
  // next-auth v4's sign-in page codes
  | "OAuthSignin"
  | "OAuthCallback"
  | "OAuthCreateAccount"
  | "EmailCreateAccount"
  | "Callback"
  | "OAuthAccountNotLinked"
  | "EmailSignin"
  | "CredentialsSignin"
  | "SessionRequired"
  // next-auth v4's error page codes
  | "Configuration"
  | "AccessDenied"
  | "Verification"
  | "MissingCSRF"
  | "Default"
  // Gatehouse
  | "RateLimited"
  | "BadRequest"
  | "NotFound"
  | "MethodNotAllowed"
  | "CrossSiteRequest"
  | "UnknownProvider"
  | "SessionManagementUnavailable"
  | "UnknownSession"
  | "UnknownAccount"
  /** A passkey sign-in was refused (unknown passkey, failed check, replayed counter, no challenge). */
  | "PasskeySignin"
  /** A passkey could not be registered. */
  | "PasskeyRegistration"
  | "UnknownPasskey"
  /** The session would not fit in the cookies a server accepts (see {@link SessionTooLargeError}). */
  | "SessionTooLarge"
  /** Password accounts: the right password, but the address is not verified yet (a new link was sent). */
  | "EmailNotVerified"
  /** Password accounts: a new password that breaks the length rule or is known to be breached. */
  | "InvalidPassword"
  /** A two-factor code (or backup code) that is wrong, already used, or out of its time window. */
  | "TwoFactorInvalidCode"
  /** The sign-in waiting for its second factor expired, was already finished, or is from another browser. */
  | "TwoFactorExpired"
  /** Two-factor authentication is not set up (or already is) for this user. */
  | "TwoFactorNotEnabled"
  | "TwoFactorAlreadyEnabled";

/**
 * What the built-in pages say for one {@link ErrorCode}: a line beside the sign-in form
 * (`signIn`), a page of its own (`page`), or both. A code with only `signIn` sends
 * `GET error?error=…` to the sign-in page, as next-auth v4 does.
 */
export interface ErrorText {
  readonly signIn?: string;
  readonly page?: { readonly status: number; readonly heading: string; readonly message: string };
}

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

  /**
   * @param code the reason, from {@link AuthErrorCode}.
   * @param message what happened and, for the developer, what to change.
   * @param options `cause`, and `expose` when the message may be shown to users.
   */
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
  /**
   * @param code the reason, from {@link ConfigErrorCode}.
   * @param message names the option to change and how.
   */
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
  /** @param message shown to the user. @default "Sign in failed. Check the details you provided are correct." */
  constructor(message = "Sign in failed. Check the details you provided are correct.", options: AuthErrorOptions = {}) {
    super("CredentialsSignin", message, { ...options, expose: true });
  }
}

/** Raised when a session would not fit in cookies a server accepts. */
export class SessionTooLargeError extends AuthError {
  /** Bytes the session cookie would have taken. */
  readonly size: number;
  /**
   * @param size bytes the cookies would take.
   * @param budget `session.maxCookieBytes`.
   */
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

/**
 * Thrown by an {@link EphemeralStore} that has no room for a new entry and will not make room by
 * forgetting a live one (the default {@link MemoryStore} when a pool is full). Gatehouse answers
 * the attempt with 429 and `Retry-After` and logs `RATE_LIMIT_STORE_FULL`.
 */
export class StoreFullError extends AuthError {
  /** Milliseconds until the store expects room again (its earliest entry expires). */
  readonly retryAfterMs: number;
  /**
   * @param message which pool is full and which option raises it.
   * @param retryAfterMs milliseconds until room is expected.
   */
  constructor(message: string, retryAfterMs: number) {
    super("StoreFull", message);
    this.retryAfterMs = retryAfterMs;
  }
}
