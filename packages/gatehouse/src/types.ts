/**
 * The types apps see, shaped like next-auth v4's. Add your own fields once, for every subpath:
 *
 * ```ts
 * declare module "gatehouse" {            // or "next-auth" when aliased
 *   interface Session { user: { role: string } & DefaultSession["user"] }
 *   interface User { role: string }
 *   interface JWT { role?: string }       // also reachable as "gatehouse/jwt"
 * }
 * ```
 */
import type * as core from "@gatehouse/core";
import type { JWT } from "./jwt/types.js";
import type { V3DatabaseOptions } from "./lib/v3-database.js";

export type { V3DatabaseOptions } from "./lib/v3-database.js";

export type {
  Account,
  Awaitable,
  CookieOption,
  CookiesOptions,
  CredentialInput,
  LoggerInstance,
  PagesOptions,
  Profile,
  Provider,
  ProviderType,
  RateLimitOptions,
  SessionInfo,
  SessionRevocation,
  Theme,
} from "@gatehouse/core";
export type { DefaultJWT, JWT } from "./jwt/types.js";

/** The user fields next-auth knows about. */
export interface DefaultUser {
  id: string;
  name?: string | null;
  email?: string | null;
  image?: string | null;
}

/** The user as providers and `authorize()` return it. Augment to add fields. */
export interface User extends DefaultUser {
  [key: string]: unknown;
}

/**
 * The session fields next-auth v4 knows about. `user.id` is typed for the `session` callback that
 * adds it (`session.user.id = token.sub`); the default session, as next-auth's, has none.
 */
export interface DefaultSession {
  user?: {
    id?: string;
    name?: string | null;
    email?: string | null;
    image?: string | null;
    [key: string]: unknown;
  };
  expires: string;
  /** Gatehouse: when the user last really authenticated (sign-in or step-up), ISO 8601. */
  authenticatedAt?: string;
  /** Gatehouse: how (`pwd`, `email`, `oauth`, `otp`, `mfa`). */
  amr?: string[];
}

/** The session `useSession()`, `auth()` and `getServerSession()` return. Augment to add fields. */
export interface Session extends DefaultSession {
  [key: string]: unknown;
}

/** The types every callback and helper of this package is written against. */
export interface GatehouseTypes {
  session: Session;
  user: User;
  jwt: JWT;
}

/** next-auth v4 callbacks, typed with this package's (augmentable) interfaces. */
export type CallbacksOptions = core.CallbacksOptions<GatehouseTypes>;
/** next-auth v4 events. */
export type EventCallbacks = core.EventCallbacks<GatehouseTypes>;

/** Session options (v3's `jwt: true` still accepted). */
export interface SessionOptions extends core.SessionOptions {
  /** @deprecated next-auth v3: use `strategy: "jwt"`. */
  jwt?: boolean | undefined;
}

/**
 * Everything `NextAuth(options)` accepts: next-auth v4's options, v3's `site` and `database`,
 * and Gatehouse's own (see `AuthConfig` in @gatehouse/core). Environment variables fill in
 * `secret` (NEXTAUTH_SECRET / AUTH_SECRET) and `url` (NEXTAUTH_URL / AUTH_URL).
 */
export interface AuthOptions extends Omit<core.AuthConfig<GatehouseTypes>, "session"> {
  /** How sessions are kept (`strategy`, `maxAge`, `updateAge`, …; v3's `jwt: true` too). */
  session?: SessionOptions | undefined;
  /** @deprecated next-auth v3: the app's URL. NEXTAUTH_URL / AUTH_URL take precedence. */
  site?: string | undefined;
  /**
   * A database connection URL — `sqlite:./auth.db` (or `file:`), `postgres://…`, `mysql://…`,
   * `redis://…` — which picks, configures and migrates the first-party adapter on first use.
   * Sessions then default to the database strategy. Ignored when `adapter` is given.
   * next-auth v3's TypeORM forms work too: `sqlite://localhost/:memory:?synchronize=true`,
   * `mysql://…?synchronize=true` and `{ type, host, port, username, password, database }`.
   */
  database?: string | V3DatabaseOptions | undefined;
}

/** next-auth v4's name for {@link AuthOptions}. */
export type NextAuthOptions = AuthOptions;
