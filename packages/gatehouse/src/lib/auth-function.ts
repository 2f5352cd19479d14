/**
 * `auth()`: the session in every server context — server components, route handlers, server
 * actions, `getServerSideProps` and API routes — and a wrapper for middleware (`proxy.ts`) that
 * puts the session on `req.auth`. `auth.require()` is the one-line check for protected pages.
 */
import type { NextRequest } from "next/server";
import { ConfigError, authenticatedWithin, stepUpUrl, systemClock } from "@gatehouse/core";
import type { AuthOptions, Session } from "../types.js";
import { instanceFor } from "./instance.js";
import { nextRedirect } from "./next-navigation.js";
import { isNodeRequest, type NodeRequest, type NodeResponse } from "./node-http.js";
import { sessionFromNext, sessionFromNode, sessionFromRequest } from "./session-lookup.js";

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
   * alone is an optimistic check; this one reads the session for real. With `maxAge` (seconds)
   * it is a step-up: a session that last really authenticated longer ago is sent to
   * re-authenticate (the two-factor code when the user has it on, else sign-in), then back.
   * @example `const session = await auth.require({ redirectTo: "/billing", maxAge: 300 })`
   */
  require(options?: { redirectTo?: string; maxAge?: number }): Promise<Session>;
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

/** Builds `auth` for `options`. */
export function createAuthFunction(options: AuthOptions): AuthFunction {
  async function middleware(
    request: NextRequest,
    context: unknown,
    handler?: (request: NextAuthRequest, context: unknown) => unknown,
  ): Promise<Response> {
    const { session, setCookies } = await sessionFromRequest(instanceFor(options), request);
    (request as NextAuthRequest).auth = session;
    const result = handler === undefined ? undefined : await handler(request as NextAuthRequest, context);
    if (result instanceof Response) return withSetCookies(result, setCookies);
    // Loaded on first use and fully specified, as `next/headers` is (lib/next-request.ts): Node's
    // ESM loader finds no bare `next/server` when a pages-router server loads this package.
    const { NextResponse } = await import("next/server.js");
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
  auth.require = async (settings: { redirectTo?: string; maxAge?: number } = {}): Promise<Session> => {
    const session = await sessionFromNext(options);
    const instance = instanceFor(options);
    if (session !== null && settings.maxAge === undefined) return session;
    if (settings.maxAge !== undefined && instance.config.twoFactor === null) {
      throw new ConfigError(
        "InvalidOption",
        "`auth.require({ maxAge })` (step-up) needs the `twoFactor` option: add `twoFactor: {}` to NextAuth's options.",
      );
    }
    if (session !== null && settings.maxAge !== undefined) {
      if (authenticatedWithin(session, settings.maxAge, (options.now ?? systemClock)())) return session;
      return nextRedirect(stepUpUrl(instance.config, settings.redirectTo));
    }
    const page = instance.config.pages.signIn ?? `${instance.config.basePath}/signin`;
    const target = new URL(page, "http://localhost");
    if (settings.redirectTo !== undefined) target.searchParams.set("callbackUrl", settings.redirectTo);
    return nextRedirect(/^https?:/.test(page) ? target.href : `${target.pathname}${target.search}`);
  };
  return auth as AuthFunction;
}
