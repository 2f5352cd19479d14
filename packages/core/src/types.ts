/**
 * Public types of @gatehouse/core: users, sessions, tokens, callbacks and option parts. Names and shapes follow next-auth v4 so existing options
 * objects type-check unchanged; what Gatehouse adds is marked "Gatehouse:".
 */

/** A value or a promise of it. */
export type Awaitable<T> = T | PromiseLike<T>;

/** The user as a provider or `authorize()` returns it. */
export interface User {
  id: string;
  name?: string | null;
  email?: string | null;
  image?: string | null;
  [key: string]: unknown;
}

/** The session object returned by `GET /session`, `useSession()` and `getServerSession()`. */
export interface Session {
  user?: {
    /**
     * The user's id — only where a `session` callback puts it (`session.user.id = token.sub`, or
     * `user.id` with database sessions): next-auth v4's default session has none.
     */
    id?: string;
    name?: string | null;
    email?: string | null;
    image?: string | null;
    [key: string]: unknown;
  };
  /** When the session expires, as an ISO 8601 string. */
  expires: string;
  /**
   * Gatehouse: when the user last really authenticated in this session (signing in, or a
   * step-up), as an ISO 8601 string; what `auth.require({ maxAge })` judges.
   */
  authenticatedAt?: string;
  /** Gatehouse: how they authenticated then (`pwd`, `email`, `oauth`, `otp`, `mfa`). */
  amr?: string[];
  [key: string]: unknown;
}

/** The decoded session token (JWT strategy). */
export interface JWT {
  name?: string | null;
  email?: string | null;
  picture?: string | null;
  sub?: string;
  iat?: number;
  exp?: number;
  jti?: string;
  [claim: string]: unknown;
}

/** The kinds of provider. */
export type ProviderType = "oauth" | "oidc" | "email" | "credentials" | "password" | "webauthn";

/** What a sign-in was made with (next-auth v4 `Account`). */
export interface Account {
  providerAccountId: string;
  userId?: string;
  provider: string;
  type: ProviderType;
  access_token?: string;
  token_type?: string;
  id_token?: string;
  refresh_token?: string;
  scope?: string;
  expires_at?: number;
  session_state?: string;
  [key: string]: unknown;
}

/** The profile an OAuth provider returned. */
export interface Profile {
  sub?: string;
  name?: string;
  email?: string;
  image?: string;
  [claim: string]: unknown;
}

/**
 * The session, user and token types callbacks see. The Next.js package passes its own
 * (augmentable) interfaces here; core uses the defaults.
 */
export interface AuthTypes {
  session: Session;
  user: User;
  jwt: JWT;
}

/** Cookie attributes (RFC 6265bis). */
export interface CookieSerializeOptions {
  /** `Domain`: share the cookie with subdomains. @default none (this host only) */
  domain?: string | undefined;
  /** `Expires`, as a date. */
  expires?: Date | undefined;
  /** `HttpOnly`: hidden from page scripts. Gatehouse's cookies all set it. */
  httpOnly?: boolean | undefined;
  /** `Max-Age`, in seconds (rounded down). */
  maxAge?: number | undefined;
  /** `Path`. @default "/" */
  path?: string | undefined;
  /** `SameSite`. Gatehouse's cookies use `"lax"`. */
  sameSite?: "lax" | "strict" | "none" | undefined;
  /** `Secure`: HTTPS only. Gatehouse sets it when the base URL is https (or `useSecureCookies`). */
  secure?: boolean | undefined;
}

/** One cookie's name and attributes. */
export interface CookieOption {
  name: string;
  options: CookieSerializeOptions;
}

/** Every cookie Gatehouse sets. */
export interface CookiesOptions {
  /** The session (the JWT, or the database session's token). @default `next-auth.session-token` */
  sessionToken: CookieOption;
  /** Where to go after signing in. @default `next-auth.callback-url` */
  callbackUrl: CookieOption;
  /** The CSRF double-submit token (`__Host-` over HTTPS). @default `next-auth.csrf-token` */
  csrfToken: CookieOption;
  /** An OAuth sign-in's PKCE verifier (RFC 7636), for 15 minutes. @default `next-auth.pkce.code_verifier` */
  pkceCodeVerifier: CookieOption;
  /** An OAuth sign-in's `state` (RFC 6749 §10.12), for 15 minutes. @default `next-auth.state` */
  state: CookieOption;
  /** An OpenID sign-in's `nonce` (OIDC Core §3.1.2.1), for 15 minutes. @default `next-auth.nonce` */
  nonce: CookieOption;
  /** Gatehouse: the passkey challenge in progress (five minutes). */
  webauthnChallenge: CookieOption;
  /**
   * Binds an email sign-in link to the browser that asked for it (a MAC of the link's token,
   * never the token): that browser signs in when it opens the link, any other gets a
   * confirmation page. Gatehouse only; next-auth has no such cookie.
   * @default `next-auth.email-link` (`__Secure-` prefixed over HTTPS)
   */
  emailLink: CookieOption;
}

/** next-auth v4 callbacks, called with one object argument. */
export interface CallbacksOptions<T extends AuthTypes = AuthTypes> {
  /** Allow (`true`), refuse (`false`) or redirect (a URL) a sign-in. */
  signIn: (params: {
    user: T["user"];
    account: Account | null;
    profile?: Profile;
    email?: { verificationRequest?: boolean };
    credentials?: Record<string, string>;
  }) => Awaitable<boolean | string>;
  /** Where to go after sign-in or sign-out; the result is checked against the base URL's origin. */
  redirect: (params: { url: string; baseUrl: string }) => Awaitable<string>;
  /** Shapes the session sent to the client. */
  session: (params: {
    session: T["session"];
    /** The session token (JWT strategy); empty with database sessions. */
    token: T["jwt"];
    /**
     * The stored user (database strategy). Typed as always present, as in next-auth, so
     * `session.user.id = user.id` type-checks; with JWT sessions it is `undefined`.
     */
    user: T["user"];
    /**
     * Gatehouse, database sessions with a `refresh: true` provider: the account the session
     * signed in with, its access token already refreshed if it was due.
     */
    account?: Account;
    newSession?: unknown;
    trigger?: "update";
  }) => Awaitable<T["session"]>;
  /** Shapes the session token; return `null` to end the session. */
  jwt: (params: {
    token: T["jwt"];
    user?: T["user"];
    account?: Account | null;
    profile?: Profile;
    trigger?: "signIn" | "signUp" | "update";
    isNewUser?: boolean;
    session?: unknown;
  }) => Awaitable<T["jwt"] | null>;
}

/** next-auth v4 events: called after the fact; a failing event is logged, never fatal. */
export interface EventCallbacks<T extends AuthTypes = AuthTypes> {
  signIn: (message: {
    user: T["user"];
    account: Account | null;
    profile?: Profile;
    isNewUser?: boolean;
  }) => Awaitable<void>;
  signOut: (message: { token: T["jwt"] | null; session?: unknown }) => Awaitable<void>;
  createUser: (message: { user: T["user"] }) => Awaitable<void>;
  updateUser: (message: { user: T["user"] }) => Awaitable<void>;
  linkAccount: (message: { user: T["user"]; account: Account; profile?: Profile }) => Awaitable<void>;
  /** `token` with JWT sessions, `user` with database sessions. */
  session: (message: { session: T["session"]; token?: T["jwt"]; user?: T["user"] }) => Awaitable<void>;
}

/** next-auth v4 logger. Metadata never contains secrets or tokens. */
export interface LoggerInstance {
  warn: (code: string, message?: string) => void;
  error: (code: string, metadata: unknown) => void;
  debug: (code: string, metadata?: unknown) => void;
}

/** Look of the built-in pages. */
export interface Theme {
  /** @default "auto" */
  colorScheme?: "auto" | "dark" | "light" | undefined;
  /** An image URL (https or a path) shown above the card. */
  logo?: string | undefined;
  /** A CSS color for buttons and links (`#rgb`, `#rrggbb`, `rgb()`, `hsl()` or a name). */
  brandColor?: string | undefined;
  /** Text color on brand-colored buttons. */
  buttonText?: string | undefined;
}

/** Custom pages that replace the built-in ones. */
export interface PagesOptions {
  /** Your sign-in page; gets `callbackUrl` and, after a failed sign-in, `error`. @default the built-in page */
  signIn?: string | undefined;
  /** Your sign-out confirmation page. @default the built-in page */
  signOut?: string | undefined;
  /** Your error page; gets `error` (an error code). @default the built-in page */
  error?: string | undefined;
  /** Shown after an email sign-in link is sent. @default the built-in page */
  verifyRequest?: string | undefined;
  /** Where a user's first sign-in lands (with `callbackUrl`). @default the callbackUrl */
  newUser?: string | undefined;
}

/** One rate limit: at most `max` counted events per `windowSeconds` (a fixed window from the first). */
export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/**
 * Gatehouse: two-factor authentication with an authenticator app (TOTP, RFC 6238: HMAC-SHA1,
 * 6 digits, 30-second steps, one step of clock drift either way, each code used once) and 10
 * single-use backup codes. A user turns it on from their account page (`twoFactor.enable()`,
 * then `twoFactor.verify(code)`); afterwards every sign-in through a provider listed in
 * `requireFor` stops at the second-factor page, and no session exists until the code is right.
 */
export interface TwoFactorOptions {
  /**
   * Which first factors ask for the second: provider types (`"credentials"`, `"password"`,
   * `"email"`, `"oauth"`, `"oidc"`) or provider ids. A passkey (`"webauthn"`) is already two
   * factors (the device and its unlock) and is not asked, unless listed here.
   * @default ["credentials", "password", "email", "oauth", "oidc"] (every one but passkeys)
   */
  requireFor?: readonly string[] | undefined;
  /** The name authenticator apps show beside the account. @default the app's host */
  issuer?: string | undefined;
  /** Seconds a sign-in waits for its second factor. @default 300 */
  pendingMaxAge?: number | undefined;
  /**
   * Seconds a browser that ticked "trust this device" skips the second factor (a signed cookie,
   * revoked when two-factor is turned off or the user forgets their devices); `false` hides the
   * choice.
   * @default 2592000 (30 days)
   */
  trustDeviceMaxAge?: number | false | undefined;
}

/**
 * Gatehouse: sign-in rate limits. Credentials sign-ins count **failed attempts only**: a sign-in
 * that succeeds never adds to a counter (and clears its account's counters), so an office, a
 * university or a mobile carrier behind one address, or an app's own test suite, can sign in as
 * often as it likes. An attempt is refused with 429 and `Retry-After`, before `authorize` runs,
 * once a limit is already reached. Email-link requests count every request, since the request
 * itself (a mail sent) is what is abused. `false` turns one limit off.
 *
 * The client address comes from the integration (the socket) or, behind proxies, from
 * `X-Forwarded-For` with `trustedProxyHops`; IPv6 addresses count per /64. Without a known
 * address the per-address and per-pair limits do not apply (a warning says so once).
 */
export interface RateLimitOptions {
  /**
   * Failed credentials sign-ins for one account (the provider's identifier field, e.g. the
   * email), from anywhere: caps guessing one password from many addresses.
   * @default { max: 10, windowSeconds: 900 }
   */
  perIdentifier?: RateLimit | false | undefined;
  /**
   * Failed credentials sign-ins for one account from one client address. Lower than
   * `perIdentifier`, so one address cannot use up an account's whole allowance.
   * @default { max: 5, windowSeconds: 900 }
   */
  perPair?: RateLimit | false | undefined;
  /**
   * Failed credentials sign-ins from one client address across all accounts (credential
   * stuffing). Sized for a large office behind one NAT, whose typos stay far below it.
   * @default { max: 200, windowSeconds: 900 }
   */
  perAddress?: RateLimit | false | undefined;
  /**
   * Email sign-in links requested for one email address (mail bombing). Every request counts.
   * @default { max: 5, windowSeconds: 900 }
   */
  emailPerIdentifier?: RateLimit | false | undefined;
  /**
   * Email sign-in links requested from one client address, for any email address. Every request
   * counts; sized so that a large office behind one NAT never reaches it.
   * @default { max: 500, windowSeconds: 900 }
   */
  emailPerAddress?: RateLimit | false | undefined;
}

/** Session options. */
export interface SessionOptions {
  /** @default "jwt" (and "database" once an adapter is configured) */
  strategy?: "jwt" | "database" | undefined;
  /** Seconds until an idle session expires. @default 2592000 (30 days) */
  maxAge?: number | undefined;
  /** Seconds between re-issues of the session cookie (sliding expiry). @default 86400 (24 hours) */
  updateAge?: number | undefined;
  /** Database strategy: makes the session token (at least 256 bits from the CSPRNG by default). */
  generateSessionToken?: (() => string) | undefined;
  /** Gatehouse, database strategy: seconds after which a session ends however active it is. */
  absoluteMaxAge?: number | undefined;
  /** Gatehouse: the most bytes the session cookies may take in total. @default 7168 */
  maxCookieBytes?: number | undefined;
}

/** Parameters of `jwt.encode`. */
export interface JWTEncodeParams {
  /** The claims to seal. @default {} */
  token?: JWT | undefined;
  /** A secret, or several: the first encrypts. */
  secret: string | string[];
  /** Seconds until expiry. @default 2592000 */
  maxAge?: number | undefined;
  /** The purpose (Gatehouse passes the cookie name). @default "" */
  salt?: string | undefined;
}

/** Parameters of `jwt.decode`. */
export interface JWTDecodeParams {
  /** The sealed token; missing reads as `null`. */
  token: string | undefined | null;
  /** A secret, or several (any may decrypt, so secrets can rotate). */
  secret: string | string[];
  /** @default "" */
  salt?: string | undefined;
}

/** JWT options. */
export interface JWTOptions {
  /** @deprecated use the top-level `secret`. */
  secret?: string | undefined;
  /** Seconds; defaults to `session.maxAge`. */
  maxAge?: number | undefined;
  /** Replaces the session token's encoding (next-auth's `jwt.encode`). @default JWE dir + A256GCM */
  encode?: ((params: JWTEncodeParams) => Awaitable<string>) | undefined;
  /** Replaces its decoding; must accept what `encode` makes. @default JWE dir + A256GCM */
  decode?: ((params: JWTDecodeParams) => Awaitable<JWT | null>) | undefined;
}

/** What an integration knows about a request beyond the `Request` itself. */
export interface RequestContext {
  /**
   * The address of the peer connected to this server: the socket's remote address (the pages
   * router's `req.socket.remoteAddress`), or the client's address as the platform reports it.
   * Behind proxies it is the nearest proxy's; `trustedProxyHops` then reads `X-Forwarded-For`.
   */
  clientAddress?: string | undefined;
  /**
   * The request was made by the app's own server code (a server action calling `signIn`), not
   * by a browser: there is no CSRF token to check. Never derive this from request data.
   */
  trusted?: boolean | undefined;
}

/**
 * Short-lived shared state: rate-limit counters, revoked session-token ids and session epochs.
 * Memory by default; a shared implementation (Redis) lets several app instances agree.
 *
 * Keys under `gatehouse:revoked:` and `gatehouse:epoch:` are security state: a store must never
 * evict them to make room for anything else (counters are created by anonymous traffic; these
 * only by signed-in users). A store that is full refuses a new counter (rejects with
 * `StoreFullError`) rather than forgetting a live one.
 *
 * Every method may reject; Gatehouse then fails closed (no sign-in, no session) with a clean
 * error.
 */
export interface EphemeralStore {
  /**
   * Counts one event under `key` in a fixed window of `windowMs` that starts at the first hit.
   * @returns the count including this hit, and when the window ends (ms since the epoch).
   * @throws {StoreFullError} when `key` has no live counter and there is no room for one.
   */
  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }>;
  /**
   * Reads the counter under `key` without changing it, atomically (count and window end of the
   * same window).
   * @returns the count so far and when the window ends, or `null` when there is no live counter.
   * @throws {StoreFullError} when there is no live counter and a `hit` could not start one now, so
   *   that a caller can refuse before doing work it could not count.
   */
  peek(key: string): Promise<{ count: number; resetAt: number } | null>;
  /** The value stored under `key`, or `null` when absent or expired. */
  get(key: string): Promise<string | null>;
  /**
   * Stores `value` under `key` for `ttlMs`.
   * @throws {StoreFullError} when there is no room and the store will not evict to make it.
   */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Removes `key` (a counter or a value). */
  delete(key: string): Promise<void>;
}
