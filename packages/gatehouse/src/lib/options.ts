/**
 * next-auth options (v4, and v3's older shapes) → @gatehouse/core's `AuthConfig`, with the
 * environment filled in. Runs once per options object, when the first request arrives. Which
 * callback style the app uses is decided here, once: next-auth v3 called callbacks with
 * positional arguments (`redirect(url, baseUrl)`), v4 with one object.
 */
import { ConfigError, type AuthConfig, type CallbacksOptions as CoreCallbacks } from "@gatehouse/core";
import type { AuthOptions, GatehouseTypes } from "../types.js";
import { databaseAdapter } from "./database.js";
import { databaseUrl } from "./v3-database.js";
import type { AuthEnv } from "./env.js";
import { developmentSecret } from "./development-secret.js";
type Callbacks = Partial<CoreCallbacks<GatehouseTypes>>;
type AnyFunction = (...args: unknown[]) => unknown;

/** Whether the options are written for next-auth v3. */
function isV3(options: AuthOptions): boolean {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- reading v3 options is the point
  return options.site !== undefined || typeof options.session?.jwt === "boolean";
}

/** v3 callbacks take positional arguments; adapt them to v4's single object. */
function adaptCallbacks(callbacks: AuthOptions["callbacks"], v3: boolean): Callbacks | undefined {
  if (callbacks === undefined) return undefined;
  const positional = (fn: unknown): fn is AnyFunction => typeof fn === "function" && (v3 || fn.length >= 2);
  const out: Callbacks = { ...callbacks };
  const { signIn, redirect, session, jwt } = callbacks as Record<string, unknown>;
  if (positional(signIn))
    out.signIn = ({ user, account, profile }) => signIn(user, account, profile) as boolean | string;
  if (positional(redirect)) out.redirect = ({ url, baseUrl }) => redirect(url, baseUrl) as string;
  if (positional(session)) {
    // v3 passed the stored user (database sessions) or the token (JWT) as the second argument.
    out.session = ({ session: current, token, user }) =>
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- `user` is undefined with JWT sessions
      session(current, user ?? token) as GatehouseTypes["session"];
  }
  if (positional(jwt)) {
    out.jwt = ({ token, user, account, profile, isNewUser }) =>
      jwt(token, user, account, profile, isNewUser) as GatehouseTypes["jwt"] | null;
  }
  return out;
}

/** The core configuration for `options` in this environment. */
export function toCoreConfig(options: AuthOptions, env: AuthEnv): AuthConfig<GatehouseTypes> {
  if (typeof options !== "object" || (options as unknown) === null) {
    throw new ConfigError("InvalidOption", "NextAuth() needs an options object, e.g. NextAuth({ providers: [...] }).");
  }
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- v3's `site` is translated here
  const { site, database, adapter, session, callbacks, ...rest } = options;
  const v3 = isV3(options);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- v3's `session.jwt` is translated here
  const { jwt: v3Jwt, ...sessionOptions } = session ?? {};
  const resolvedAdapter =
    adapter ??
    (database === undefined || database === ""
      ? undefined
      : databaseAdapter(databaseUrl(database), rest.now === undefined ? {} : { now: rest.now }));
  if (v3Jwt === false && resolvedAdapter === undefined) {
    throw new ConfigError(
      "InvalidOption",
      "`session: { jwt: false }` asks for database sessions: set `database` (e.g. DATABASE_URL) or `adapter`.",
    );
  }
  const adapted = adaptCallbacks(callbacks, v3);
  const environment = rest.environment ?? env.environment;
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- v3/v4's `jwt.secret` still counts
  const given = rest.secret ?? env.secret ?? rest.jwt?.secret;
  return {
    ...rest,
    session: v3Jwt === undefined ? sessionOptions : { ...sessionOptions, strategy: v3Jwt ? "jwt" : "database" },
    ...(resolvedAdapter === undefined ? {} : { adapter: resolvedAdapter }),
    ...(adapted === undefined ? {} : { callbacks: adapted }),
    url: rest.url ?? env.url ?? site,
    secret: given ?? (environment === "production" ? undefined : developmentSecret(options)),
    trustHost: rest.trustHost ?? env.trustHost,
    trustedProxyHops: rest.trustedProxyHops ?? env.trustedProxyHops,
    environment,
  };
}
