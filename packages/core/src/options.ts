/**
 * `AuthConfig`: everything `createAuth()` accepts. Names and shapes follow next-auth v4 so
 * existing options objects type-check unchanged; what Gatehouse adds is marked "Gatehouse:".
 * Every option has its default in `DEFAULTS` (`lib/config/defaults.ts`).
 */
import type { Adapter } from "./adapter.js";
import type { ProviderInput } from "./provider-types.js";
import type {
  AuthTypes,
  CallbacksOptions,
  CookiesOptions,
  EphemeralStore,
  EventCallbacks,
  JWTOptions,
  LoggerInstance,
  PagesOptions,
  RateLimitOptions,
  SessionOptions,
  TwoFactorOptions,
  Theme,
} from "./types.js";

/**
 * Everything you can configure. Every option has a default in `DEFAULTS`
 * (`lib/config/defaults.ts`); only `providers` is required, and `secret` in production.
 */
export interface AuthConfig<T extends AuthTypes = AuthTypes> {
  /** How users sign in: OAuth/OIDC, email links, credentials (see `@gatehouse/core/providers/*`). */
  providers: ProviderInput[];
  /** Encrypts tokens and signs CSRF tokens. An array rotates: the first encrypts, all decrypt. */
  secret?: string | string[] | undefined;
  /** The app's public URL (next-auth's `NEXTAUTH_URL`). A path in it becomes `basePath`. */
  url?: string | URL | undefined;
  /** Where the auth routes live. @default "/api/auth" */
  basePath?: string | undefined;
  /**
   * Take the URL from `Host`/`X-Forwarded-Host`/`X-Forwarded-Proto` (only behind a proxy that sets
   * them). It does not make `X-Forwarded-For` the client's address: that is `trustedProxyHops`.
   * @default false
   */
  trustHost?: boolean | undefined;
  /**
   * Gatehouse: how many proxies in front of the app append the address they received from to
   * `X-Forwarded-For` (a load balancer and a CDN: 2). The client's address, which the rate limits
   * count by, is then the entry that many places from the right, the rightmost one a client did
   * not write; `0` reads no header and takes the integration's socket address. Set it only when
   * the app cannot be reached except through those proxies. In Next.js: `AUTH_TRUSTED_PROXY_HOPS`,
   * and 1 on Vercel (which overwrites the header with the client's address).
   * @default 0
   */
  trustedProxyHops?: number | undefined;
  /** Relaxes what only matters in production (a missing secret or URL). @default "production" */
  environment?: "development" | "production" | "test" | undefined;
  /** How sessions are kept (`strategy`, `maxAge`, `updateAge`, …). @default JWT (database with an adapter), 30 days */
  session?: SessionOptions | undefined;
  /** The JWT session token's lifetime and, if you must, its own encoding. */
  jwt?: JWTOptions | undefined;
  /** Your own pages instead of the built-in ones. */
  pages?: PagesOptions | undefined;
  /**
   * Hooks that decide: `signIn` (may refuse), `redirect` (@default same origin only), `jwt` and
   * `session` (shape what the token and the session hold).
   */
  callbacks?: Partial<CallbacksOptions<T>> | undefined;
  /** Notifications after the fact (sign-in, sign-out, new user, …); awaited, and a throw is logged, not fatal. */
  events?: Partial<EventCallbacks<T>> | undefined;
  /** The built-in pages' look. @default { colorScheme: "auto", brandColor: "#4f46e5", buttonText: "#ffffff" } */
  theme?: Theme | undefined;
  /** Log `debug` messages too. @default false */
  debug?: boolean | undefined;
  /** Where log lines go, by level (next-auth v4's shape; metadata is redacted first). @default the console */
  logger?: Partial<LoggerInstance> | undefined;
  /** @default true when the URL is https */
  useSecureCookies?: boolean | undefined;
  /** Replaces whole cookie entries (name and attributes), as in next-auth. Rarely needed. */
  cookies?: Partial<CookiesOptions> | undefined;
  /** Gatehouse: the cookie-name family. @default "next-auth" */
  cookiePrefix?: string | undefined;
  /** A database adapter (users, accounts, sessions, email tokens). Sessions then default to "database". */
  adapter?: Adapter | undefined;
  /** Gatehouse: sign-in rate limits (failed attempts only), or `false` to turn them off. */
  rateLimit?: RateLimitOptions | false | undefined;
  /**
   * Gatehouse: two-factor authentication (TOTP authenticator apps, with backup codes). Given,
   * users can turn it on from their account page, and a user who has it on is asked for a code
   * after the first factor, before any session exists. Needs an adapter with the `twoFactor`
   * method group (every first-party adapter has it).
   * @default undefined (off)
   */
  twoFactor?: TwoFactorOptions | undefined;
  /**
   * Gatehouse: where rate-limit counters, revoked token ids and session epochs live. It must
   * implement `peek` as well as `hit`, `get`, `set` and `delete`.
   * @default new MemoryStore() — this process's memory, in bounded pools (see `MemoryStoreOptions`)
   */
  store?: EphemeralStore | undefined;
  /** Gatehouse: the `fetch` every request to an identity provider goes through. @default globalThis.fetch */
  fetch?: typeof fetch | undefined;
  /** Gatehouse: the clock, in milliseconds. @default Date.now */
  now?: (() => number) | undefined;
}
