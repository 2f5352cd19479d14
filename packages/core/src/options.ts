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
  Theme,
} from "./types.js";

/**
 * Everything you can configure. Every option has a default in `DEFAULTS`
 * (`lib/config/defaults.ts`); only `providers` is required, and `secret` in production.
 */
export interface AuthConfig<T extends AuthTypes = AuthTypes> {
  providers: ProviderInput[];
  /** Encrypts tokens and signs CSRF tokens. An array rotates: the first encrypts, all decrypt. */
  secret?: string | string[] | undefined;
  /** The app's public URL (next-auth's `NEXTAUTH_URL`). A path in it becomes `basePath`. */
  url?: string | URL | undefined;
  /** Where the auth routes live. @default "/api/auth" */
  basePath?: string | undefined;
  /** Take the URL from `Host`/`X-Forwarded-*` headers (only behind a proxy that sets them). @default false */
  trustHost?: boolean | undefined;
  /** Relaxes what only matters in production (a missing secret or URL). @default "production" */
  environment?: "development" | "production" | "test" | undefined;
  session?: SessionOptions | undefined;
  jwt?: JWTOptions | undefined;
  pages?: PagesOptions | undefined;
  callbacks?: Partial<CallbacksOptions<T>> | undefined;
  events?: Partial<EventCallbacks<T>> | undefined;
  theme?: Theme | undefined;
  debug?: boolean | undefined;
  logger?: Partial<LoggerInstance> | undefined;
  /** @default true when the URL is https */
  useSecureCookies?: boolean | undefined;
  cookies?: Partial<CookiesOptions> | undefined;
  /** Gatehouse: the cookie-name family. @default "next-auth" */
  cookiePrefix?: string | undefined;
  /** A database adapter (users, accounts, sessions, email tokens). Sessions then default to "database". */
  adapter?: Adapter | undefined;
  /** Gatehouse: sign-in rate limits, or `false` to turn them off. */
  rateLimit?: RateLimitOptions | false | undefined;
  /** Gatehouse: where rate-limit counters and revoked token ids live. @default in memory */
  store?: EphemeralStore | undefined;
  /** Gatehouse: the `fetch` every request to an identity provider goes through. @default globalThis.fetch */
  fetch?: typeof fetch | undefined;
  /** Gatehouse: the clock, in milliseconds. @default Date.now */
  now?: (() => number) | undefined;
}
