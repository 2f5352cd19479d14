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
import {
  ConfigError,
  type AdapterRequirement,
  type AuthHandler,
  type SessionInfo,
  type SessionRevocation,
} from "@gatehouse/core";
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { readEnv } from "./lib/env.js";
import { configErrorResponse, signInError } from "./lib/errors.js";
import { instanceFor } from "./lib/instance.js";
import { isOutsideRequestScope, parseSetCookies, requestFromNext, writeNextCookies } from "./lib/next-request.js";
import { isNodeRequest, sendWebResponse, toWebRequest, type NodeRequest, type NodeResponse } from "./lib/node-http.js";
import { sessionFromNext, sessionFromNode, sessionFromRequest } from "./lib/session-lookup.js";
import { listSessionsFromNext, revokeSessionsFromNext } from "./lib/session-management.js";
import type { AuthOptions, Session } from "./types.js";

/**
 * What the options' features need of `adapter`, checked by the compiler (the Email provider:
 * users and verification tokens; database sessions: users and sessions). With `database` the
 * adapter is first-party and has everything.
 */
export type OptionsRequirement<C> = C extends { database: unknown } ? unknown : AdapterRequirement<C>;

/** A request as middleware and `auth()`-wrapped handlers see it. */
export type NextAuthRequest = NextRequest & { auth: Session | null };

/** An app-router route handler. */
export type RouteHandler = (request: Request, context?: unknown) => Promise<Response>;

/** `auth()`: the session in any server context, or a wrapper for middleware and route handlers. */
export interface AuthFunction {
  /** Server components, route handlers, server actions. */
  (): Promise<Session | null>;
  /** Pages router API routes and `getServerSideProps`. */
  (req: NodeRequest, res: NodeResponse): Promise<Session | null>;
  /** `getServerSideProps`' context. */
  (context: { req: NodeRequest; res: NodeResponse }): Promise<Session | null>;
  /** Wraps middleware (or a route handler): `req.auth` is the session. */
  (
    handler: (
      request: NextAuthRequest,
      context: unknown,
    ) => Response | undefined | void | Promise<Response | undefined | void>,
  ): (request: NextRequest, context?: unknown) => Promise<Response>;
  /** As middleware itself: refreshes the session cookie, then continues. */
  (request: NextRequest, context?: unknown): Promise<Response>;
  /**
   * The check every protected page, route handler and server action should make, in one line:
   * the session, or a redirect to sign in (with `redirectTo` as the callbackUrl). Middleware
   * alone is an optimistic check; this one reads the session for real.
   * @example `const session = await auth.require({ redirectTo: "/dashboard" })`
   */
  require(options?: { redirectTo?: string }): Promise<Session>;
}

/** Fields for a server-side sign-in, as an object or a form's `FormData`. */
export type SignInData =
  | FormData
  | (Record<string, unknown> & {
      /** Where to go afterwards. @default the page the request came from, else "/" */
      redirectTo?: string;
      /** `false` returns the URL instead of redirecting. @default true */
      redirect?: boolean;
    });

/** Server-side `signIn` (server actions, route handlers). */
export type ServerSignIn = (
  provider?: string,
  data?: SignInData,
  authorizationParams?: Record<string, string> | string,
) => Promise<string | undefined>;

/** Server-side `signOut`. */
export type ServerSignOut = (options?: { redirectTo?: string; redirect?: boolean }) => Promise<string | undefined>;

/** What `NextAuth(options)` returns. */
export interface NextAuthResult {
  (request: Request, context?: unknown): Promise<Response>;
  (req: NodeRequest, res: NodeResponse): Promise<void>;
  handlers: { GET: RouteHandler; POST: RouteHandler };
  auth: AuthFunction;
  signIn: ServerSignIn;
  signOut: ServerSignOut;
  /** Session management (database sessions) in server components, actions and route handlers. */
  sessions: ServerSessions;
}

/**
 * The signed-in user's sessions and revoking them, on the server (database sessions only).
 * @example
 * ```ts
 * const sessions = await sessions.list() // null when signed out
 * await sessions.revoke("others")        // or { id }, or "all" to sign out everywhere
 * ```
 */
export interface ServerSessions {
  list(): Promise<SessionInfo[] | null>;
  /** Resolves with the number of sessions ended. */
  revoke(target: SessionRevocation): Promise<number>;
}

const reported = new WeakSet<object>();

function report(error: unknown): void {
  if (typeof error === "object" && error !== null) {
    if (reported.has(error)) return;
    reported.add(error);
  }
  const code = error instanceof ConfigError ? error.code : "Error";
  console.error(`[gatehouse][error][${code}] ${error instanceof Error ? error.message : String(error)}`);
}

async function handleWeb(options: AuthOptions, request: Request): Promise<Response> {
  let auth: AuthHandler;
  try {
    auth = instanceFor(options);
  } catch (error) {
    report(error);
    return configErrorResponse(error, request, readEnv().environment !== "production");
  }
  return auth(request);
}

async function handleNode(options: AuthOptions, req: NodeRequest, res: NodeResponse): Promise<void> {
  const request = await toWebRequest(req);
  let auth: AuthHandler;
  try {
    auth = instanceFor(options);
  } catch (error) {
    report(error);
    await sendWebResponse(res, configErrorResponse(error, request, readEnv().environment !== "production"));
    return;
  }
  await sendWebResponse(res, await auth(request, { clientAddress: req.socket?.remoteAddress }));
}

function withSetCookies(response: Response, lines: readonly string[]): Response {
  if (lines.length === 0) return response;
  let out = response;
  try {
    for (const line of lines) out.headers.append("Set-Cookie", line);
  } catch {
    // Response.redirect() and friends have immutable headers: copy once, then append.
    out = new Response(response.body, response);
    for (const line of lines) out.headers.append("Set-Cookie", line);
  }
  return out;
}

function createAuthFunction(options: AuthOptions): AuthFunction {
  async function middleware(
    request: NextRequest,
    context: unknown,
    handler?: (request: NextAuthRequest, context: unknown) => unknown,
  ): Promise<Response> {
    const { session, setCookies } = await sessionFromRequest(instanceFor(options), request);
    (request as NextAuthRequest).auth = session;
    const result = handler === undefined ? undefined : await handler(request as NextAuthRequest, context);
    if (result instanceof Response) return withSetCookies(result, setCookies);
    // Loaded here, not at the top: Next's CommonJS optimizer drops a top-level
    // `require("next/server")` whose `NextResponse.next()` it fails to rewrite (the CJS build).
    const { NextResponse } = await import("next/server");
    return withSetCookies(NextResponse.next(), setCookies);
  }

  function auth(...args: unknown[]): unknown {
    const [first, second] = args;
    if (args.length === 0) return sessionFromNext(options);
    if (typeof first === "function") {
      const handler = first as (request: NextAuthRequest, context: unknown) => unknown;
      return (request: NextRequest, context?: unknown) => middleware(request, context, handler);
    }
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Next passes a NextRequest
    if (first instanceof Request) return middleware(first as NextRequest, second);
    if (isNodeRequest(first)) return sessionFromNode(instanceFor(options), first, second as NodeResponse | undefined);
    if (typeof first === "object" && first !== null && "req" in first) {
      const { req, res } = first as { req: NodeRequest; res: NodeResponse };
      return sessionFromNode(instanceFor(options), req, res);
    }
    throw new TypeError(
      "auth() takes no arguments, (req, res), a getServerSideProps context, or a middleware function.",
    );
  }
  auth.require = async (settings: { redirectTo?: string } = {}): Promise<Session> => {
    const session = await sessionFromNext(options);
    if (session !== null) return session;
    const instance = instanceFor(options);
    const page = instance.config.pages.signIn ?? `${instance.config.basePath}/signin`;
    const target = new URL(page, "http://localhost");
    if (settings.redirectTo !== undefined) target.searchParams.set("callbackUrl", settings.redirectTo);
    redirect(/^https?:/.test(page) ? target.href : `${target.pathname}${target.search}`);
  };
  return auth as AuthFunction;
}

/** Builds the internal POST a server-side sign-in or sign-out makes to core. */
async function serverPost(
  auth: AuthHandler,
  action: string,
  fields: Record<string, string>,
  query = "",
): Promise<{ response: Response; data: { url?: string; error?: string; message?: string }; inRequest: boolean }> {
  let incoming: Request | null = null;
  try {
    incoming = await requestFromNext();
  } catch (error) {
    if (!isOutsideRequestScope(error)) throw error;
  }
  const origin = auth.config.url?.origin ?? (incoming === null ? "http://localhost" : new URL(incoming.url).origin);
  const headers = new Headers(incoming?.headers);
  headers.set("content-type", "application/x-www-form-urlencoded");
  headers.delete("content-length");
  const request = new Request(`${origin}${auth.config.basePath}/${action}${query}`, {
    method: "POST",
    headers,
    body: new URLSearchParams({ ...fields, json: "true" }),
  });
  const response = await auth(request, { trusted: true });
  const data = (await response.json()) as { url?: string; error?: string; message?: string };
  return { response, data, inRequest: incoming !== null };
}

function toFields(data: SignInData | undefined): {
  fields: Record<string, string>;
  redirectTo?: string;
  redirect: boolean;
} {
  const fields: Record<string, string> = {};
  let redirectTo: string | undefined;
  let redirectFlag = true;
  const entries: [string, unknown][] = data instanceof FormData ? [...data.entries()] : Object.entries(data ?? {});
  for (const [key, value] of entries) {
    if (key === "redirect") redirectFlag = value !== false && value !== "false";
    else if (key === "redirectTo" || key === "callbackUrl") redirectTo = String(value);
    else if (typeof value === "string") fields[key] = value;
    else if (typeof value === "number" || typeof value === "boolean") fields[key] = String(value);
  }
  return { fields, ...(redirectTo === undefined ? {} : { redirectTo }), redirect: redirectFlag };
}

let warnedNoCookies = false;

function createSignIn(options: AuthOptions): ServerSignIn {
  return async (provider, data, authorizationParams) => {
    const auth = instanceFor(options);
    const { fields, redirectTo, redirect: shouldRedirect } = toFields(data);
    if (provider === undefined || provider === "") {
      const url = new URL(`${auth.config.url?.origin ?? ""}${auth.config.basePath}/signin`, "http://localhost");
      if (redirectTo !== undefined) url.searchParams.set("callbackUrl", redirectTo);
      const target = auth.config.url === null ? `${url.pathname}${url.search}` : url.href;
      if (shouldRedirect) redirect(target);
      return target;
    }
    const query = authorizationParams === undefined ? "" : `?${new URLSearchParams(authorizationParams).toString()}`;
    const {
      response,
      data: result,
      inRequest,
    } = await serverPost(
      auth,
      `signin/${encodeURIComponent(provider)}`,
      { ...fields, ...(redirectTo === undefined ? {} : { callbackUrl: redirectTo }) },
      query,
    );
    const code =
      result.error ?? (result.url === undefined ? "Callback" : new URL(result.url).searchParams.get("error"));
    if (!response.ok || code !== null) throw signInError(code ?? "Callback", result.message);
    const cookies = parseSetCookies(response.headers.getSetCookie());
    if (inRequest) await writeNextCookies(cookies);
    else if (cookies.length > 0 && !warnedNoCookies) {
      warnedNoCookies = true;
      console.warn(
        "[gatehouse][warn][SIGNIN_OUTSIDE_APP_ROUTER] signIn() ran outside an app-router request, so it checked the credentials but could not set the session cookie. In the pages router, sign in from the browser with signIn() from gatehouse/react.",
      );
    }
    const url = result.url ?? "/";
    if (shouldRedirect && inRequest) redirect(url);
    return url;
  };
}

function createSignOut(options: AuthOptions): ServerSignOut {
  return async (settings = {}) => {
    const auth = instanceFor(options);
    const { response, data } = await serverPost(
      auth,
      "signout",
      settings.redirectTo === undefined ? {} : { callbackUrl: settings.redirectTo },
    );
    await writeNextCookies(parseSetCookies(response.headers.getSetCookie()));
    const url = data.url ?? "/";
    if (settings.redirect !== false) redirect(url);
    return url;
  };
}

/**
 * Creates the auth handler for a Next.js app.
 * @param options next-auth v4 options (v3 shapes accepted); NEXTAUTH_SECRET/AUTH_SECRET and
 *   NEXTAUTH_URL/AUTH_URL fill in `secret` and `url`.
 * @example
 * ```ts
 * // auth.ts
 * export const { handlers, auth, signIn, signOut } = NextAuth({ providers: [Credentials({ … })] })
 * // app/api/auth/[...nextauth]/route.ts
 * export const { GET, POST } = handlers
 * ```
 */
function NextAuth<C extends AuthOptions>(options: C & OptionsRequirement<C>): NextAuthResult;
/** next-auth v3: `export default (req, res) => NextAuth(req, res, options)`. */
function NextAuth(req: NodeRequest, res: NodeResponse, options: AuthOptions): Promise<void>;
function NextAuth(...args: unknown[]): NextAuthResult | Promise<void> {
  if (args.length >= 3 && isNodeRequest(args[0])) {
    return handleNode(args[2] as AuthOptions, args[0], args[1] as NodeResponse);
  }
  const options = args[0] as AuthOptions;
  const handler = ((req: Request | NodeRequest, second?: unknown) => {
    if (req instanceof Request) return handleWeb(options, req);
    return handleNode(options, req, second as NodeResponse);
  }) as NextAuthResult;
  const route: RouteHandler = (request) => handleWeb(options, request);
  handler.handlers = { GET: route, POST: route };
  handler.auth = createAuthFunction(options);
  handler.signIn = createSignIn(options);
  handler.signOut = createSignOut(options);
  handler.sessions = {
    list: () => listSessionsFromNext(options),
    revoke: (target) => revokeSessionsFromNext(options, target),
  };
  return handler;
}

export default NextAuth;
