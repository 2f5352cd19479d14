/**
 * `NextAuth(options)`: one function object for every way a Next.js app mounts auth.
 *
 * - Pages router: `export default NextAuth(options)` (called as `(req, res)`), or next-auth v3's
 *   `export default (req, res) => NextAuth(req, res, options)`.
 * - App router: `const handler = NextAuth(options); export { handler as GET, handler as POST }`.
 * - Auth.js v5 style: `export const { handlers, auth, signIn, signOut } = NextAuth(options)`.
 *
 * The options are resolved on the first request, not at import, so `next build` needs no secret.
 */
import type { AdapterRequirement } from "@gatehouse/core";
import { createAuthFunction, type AuthFunction, type RouteHandler } from "./lib/auth-function.js";
import { isNodeRequest, type NodeRequest, type NodeResponse } from "./lib/node-http.js";
import { handleNode, handleWeb } from "./lib/route-handler.js";
import { createSignIn, createSignOut, type ServerSignIn, type ServerSignOut } from "./lib/server-actions.js";
import { bindFeatureApis, type NextFeatureApis } from "./lib/feature-api.js";
import type { AuthOptions } from "./types.js";

export type { AuthFunction, NextAuthRequest, RouteHandler } from "./lib/auth-function.js";
export type { ServerSignIn, ServerSignOut, SignInData } from "./lib/server-actions.js";
export type { NextBoundApi, NextFeatureApis } from "./lib/feature-api.js";

/**
 * What the options' features need of `adapter`, checked by the compiler (the Email provider:
 * users and verification tokens; database sessions: users and sessions). With `database` the
 * adapter is first-party and has everything.
 */
export type OptionsRequirement<C> = C extends { database: unknown } ? unknown : AdapterRequirement<C>;

/**
 * What `NextAuth(options)` returns: the handler itself (pages router `(req, res)`, app router
 * `(request)`), `handlers`, `auth`, the server-side `signIn` and `signOut`, and every feature's
 * server-side operations (`sessions.list()`, `sessions.revoke("others")`, `accounts.unlink(…)`).
 */
export type NextAuthResult = NextAuthHandler & NextFeatureApis;

/** The parts of {@link NextAuthResult} every configuration has. */
export interface NextAuthHandler {
  (request: Request, context?: unknown): Promise<Response>;
  (req: NodeRequest, res: NodeResponse): Promise<void>;
  handlers: { GET: RouteHandler; POST: RouteHandler };
  auth: AuthFunction;
  signIn: ServerSignIn;
  signOut: ServerSignOut;
}

/**
 * The signed-in user's sessions and revoking them, on the server (database sessions only).
 * @example
 * ```ts
 * const sessions = await sessions.list() // null when signed out
 * await sessions.revoke("others")        // or { id }, or "all" to sign out everywhere
 * ```
 */
export type ServerSessions = NextFeatureApis["sessions"];

/**
 * Creates the auth handler for a Next.js app.
 * @param options next-auth v4 options (v3 shapes accepted); NEXTAUTH_SECRET/AUTH_SECRET and
 *   NEXTAUTH_URL/AUTH_URL fill in `secret` and `url`.
 * @returns The handler (v4's `export default NextAuth(options)` for the pages router, also a
 *   route handler), with `handlers.GET`/`handlers.POST` for the app router, `auth()` (the session
 *   in server code, or a middleware), the server actions `signIn`/`signOut`, and every feature's
 *   server operations (`sessions.list()`, `accounts.unlink()`, …). The instance is built on first
 *   use; invalid options then fail with a `ConfigError` naming the option to change.
 * @example
 * ```ts
 * // auth.ts
 * export const { handlers, auth, signIn, signOut } = NextAuth({ providers: [Credentials({ … })] })
 * // app/api/auth/[...nextauth]/route.ts
 * export const { GET, POST } = handlers
 * ```
 */
function NextAuth<C extends AuthOptions>(options: C & OptionsRequirement<C>): NextAuthResult;
/** next-auth v3 (and v4's advanced form): `export default (req, res) => NextAuth(req, res, options)`. */
function NextAuth(req: NodeRequest, res: NodeResponse, options: AuthOptions): Promise<void>;
/** next-auth v4's app-router advanced form: `(req, context) => NextAuth(req, context, options)`. */
function NextAuth(req: Request, context: unknown, options: AuthOptions): Promise<Response>;
function NextAuth(...args: unknown[]): NextAuthResult | Promise<void> | Promise<Response> {
  if (args.length >= 3 && isNodeRequest(args[0])) {
    return handleNode(args[2] as AuthOptions, args[0], args[1] as NodeResponse);
  }
  if (args.length >= 3 && args[0] instanceof Request) return handleWeb(args[2] as AuthOptions, args[0]);
  const options = args[0] as AuthOptions;
  const handler = ((req: Request | NodeRequest, second?: unknown) => {
    if (req instanceof Request) return handleWeb(options, req);
    return handleNode(options, req, second as NodeResponse);
  }) as NextAuthHandler;
  const route: RouteHandler = (request) => handleWeb(options, request);
  handler.handlers = { GET: route, POST: route };
  handler.auth = createAuthFunction(options);
  handler.signIn = createSignIn(options);
  handler.signOut = createSignOut(options);
  return Object.assign(handler, bindFeatureApis(options));
}

export default NextAuth;
