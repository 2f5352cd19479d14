/**
 * `gatehouse/next`: `getServerSession`, as in next-auth v4 — the same session `GET /session`
 * returns, read on the server, with the cookie refreshed where the response allows it — and,
 * as next-auth v4's `next-auth/next` has, `NextAuth` as the default export.
 */
import { instanceFor } from "./lib/instance.js";
import { isNodeRequest, type NodeRequest, type NodeResponse } from "./lib/node-http.js";
import { sessionFromNext, sessionFromNode, sessionFromRequest } from "./lib/session-lookup.js";
import { bindFeatureApis } from "./lib/feature-api.js";
import type { SessionInfo, SessionRevocation } from "@gatehouse/core";
import type { AuthOptions, Session } from "./types.js";

export { default } from "./next-auth.js";

/**
 * What {@link getServerSession} takes — next-auth v4's one signature, a union of tuples, so that
 * `getServerSession(...args, authOptions)` type-checks where `args` is `[req, res]` or `[]`
 * (the `auth()` helper of next-auth's own example app).
 */
export type GetServerSessionParams<O extends AuthOptions = AuthOptions> =
  [req: NodeRequest | Request, res: NodeResponse | undefined, options: O] | [options: O] | [];

/** No options (`getServerSession()`): next-auth v4 then reads the session with no providers and the environment's secret. */
const NO_OPTIONS: AuthOptions = Object.freeze({ providers: [] });

/**
 * The current session, or `null`.
 * - App router (server components, route handlers, server actions): `getServerSession(authOptions)`.
 * - Pages router (`getServerSideProps`, API routes): `getServerSession(req, res, authOptions)`.
 * - With no arguments, as in next-auth v4: the session under the default options and NEXTAUTH_SECRET.
 * @param args - `(authOptions)`, `(req, res, authOptions)` or nothing: the auth options (the same
 *   object the route handler uses, so one instance serves both); in the pages router first the
 *   request (Node's, or a web `Request`) and the response, which gets the refreshed session cookie.
 * @returns The session, as `GET {basePath}/session` returns it, or `null` when signed out.
 * @throws {TypeError} when the options are missing or `req` is not a request.
 * @throws {ConfigError} when the options or environment are invalid (the message names what to set).
 * @example
 * ```ts
 * const session = await getServerSession(authOptions)
 * if (!session) redirect("/api/auth/signin")
 * // next-auth's example app: one helper for every router
 * export const auth = (...args: [GetServerSidePropsContext["req"], GetServerSidePropsContext["res"]] | []) =>
 *   getServerSession(...args, authOptions)
 * ```
 */
export async function getServerSession<O extends AuthOptions = AuthOptions>(
  ...args: GetServerSessionParams<O>
): Promise<Session | null> {
  if (args.length === 0) return sessionFromNext(NO_OPTIONS);
  if (args.length === 1) return sessionFromNext(args[0]);
  const [req, res, options] = args as unknown as [unknown, NodeResponse | undefined, AuthOptions | undefined];
  if (options === undefined || typeof options !== "object") {
    throw new TypeError(
      "getServerSession: pass your auth options — getServerSession(authOptions) or getServerSession(req, res, authOptions).",
    );
  }
  const auth = instanceFor(options);
  if (req instanceof Request) return (await sessionFromRequest(auth, req)).session;
  if (isNodeRequest(req)) return sessionFromNode(auth, req, res);
  throw new TypeError("getServerSession: `req` must be the request of an API route or getServerSideProps.");
}

/** next-auth 4.19's name for {@link getServerSession}. */
export const unstable_getServerSession = getServerSession;

/**
 * The signed-in user's sessions (database sessions), newest first, or `null` when signed out;
 * for account pages in the app router.
 * @param options - The auth options.
 * @returns Each session's id (for {@link revokeSessions}), whether it is the current one, and its
 *   dates and user agent.
 * @throws {ConfigError} when the session strategy is not `"database"` or the adapter lacks
 *   `listSessions`.
 * @example `const sessions = await getSessions(authOptions)`
 */
export function getSessions(options: AuthOptions): Promise<SessionInfo[] | null> {
  return bindFeatureApis(options).sessions.list();
}

/**
 * Ends sessions of the signed-in user: one (`{ id }` from {@link getSessions}), every other
 * (`"others"`), or all (`"all"`, sign out everywhere). Resolves with how many ended; ending the
 * current session also expires its cookie.
 * @param options - The auth options.
 * @param target - `{ id }`, `"others"` or `"all"`.
 * @returns How many sessions ended (`0` when signed out).
 * @throws {ConfigError} when the session strategy is not `"database"` or the adapter lacks
 *   `deleteUserSessions`.
 * @example `await revokeSessions(authOptions, "others")` in a server action
 */
export function revokeSessions(options: AuthOptions, target: SessionRevocation): Promise<number> {
  return bindFeatureApis(options).sessions.revoke(target);
}
