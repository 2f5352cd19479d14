/**
 * `gatehouse/middleware`: next-auth v4's `withAuth`, for `middleware.ts` and Next 16's
 * `proxy.ts`. Edge-safe. It reads the session token from the cookie — a check that keeps
 * signed-out users away from pages — and refuses a signed-out token the way {@link getToken}
 * does: through the stores of the auth instances in the same JavaScript realm (Next 16's
 * `proxy.ts`, and middleware on the Node.js runtime, run beside the route handlers), and the
 * `store` option. Middleware on the Edge runtime is a realm of its own: there it sees sign-outs
 * only through a `store` that works on Edge. Pages and API routes must still check the session
 * themselves (`await auth()` / `getServerSession()`), because middleware can be skipped
 * (matchers, prefetches, rewrites).
 *
 * ```ts
 * // middleware.ts (or proxy.ts)
 * export { default } from "gatehouse/middleware"
 * export const config = { matcher: ["/dashboard/:path*"] }
 * ```
 */
import { DEFAULT_BASE_PATH, systemClock } from "@gatehouse/core/defaults";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { readEnv } from "./lib/env.js";
import { loggerFor } from "./lib/log.js";
import { getToken } from "./jwt/get-token.js";
import type { GetTokenParams, JWT } from "./jwt/types.js";
import type { Awaitable, CookieOption } from "./types.js";

/** The request your middleware receives, with the decoded token. */
export interface NextRequestWithAuth extends NextRequest {
  nextauth: { token: JWT | null };
}

/** Your middleware, run only for authorized requests. */
export type NextMiddlewareWithAuth = (
  request: NextRequestWithAuth,
  event: NextFetchEvent,
) => Awaitable<Response | NextResponse | undefined | null | void>;

/** Options of {@link withAuth} (next-auth v4's). */
export interface NextAuthMiddlewareOptions {
  /** @default `/api/auth/signin` and `/api/auth/error` (under NEXTAUTH_URL's path, if it has one) */
  pages?: { signIn?: string; error?: string };
  /** The session cookie's name, if the auth options change it. @default `next-auth.session-token` */
  cookies?: { sessionToken?: Pick<CookieOption, "name"> };
  /** A custom decoder, if the auth options have one (`jwt.decode`). */
  jwt?: { decode?: GetTokenParams["decode"] };
  /** Decides which requests may go on. */
  callbacks?: {
    /** Whether the request may go on. @default `({ token }) => !!token` */
    authorized?: (params: { token: JWT | null; req: NextRequest }) => Awaitable<boolean>;
  };
  /** @default NEXTAUTH_SECRET or AUTH_SECRET */
  secret?: string;
  /**
   * Gatehouse: a store to check for sign-outs (see `getToken`'s `store`): the app's shared store
   * where the middleware runs apart from the auth instances — on Edge, one that works there.
   * @default none: only the stores of the auth instances in the same realm
   */
  store?: GetTokenParams["store"];
  /**
   * Gatehouse: step-up for the routes matched. A token whose last real authentication
   * (`authenticatedAt`) is older than `maxAge` seconds is sent to re-authenticate, then back:
   * `{basePath}/two-factor` by default (the code form for users with two-factor on, sign-in for
   * everyone else; it needs the `twoFactor` option), or `url`.
   */
  stepUp?: { maxAge: number; url?: string };
}

function authBasePath(url: string | undefined): string {
  if (url === undefined) return DEFAULT_BASE_PATH;
  try {
    const path = new URL(url).pathname.replace(/\/+$/, "");
    return path === "" ? DEFAULT_BASE_PATH : path;
  } catch {
    return DEFAULT_BASE_PATH;
  }
}

async function handle(
  request: NextRequest,
  event: NextFetchEvent | undefined,
  options: NextAuthMiddlewareOptions,
  middleware: NextMiddlewareWithAuth | undefined,
): Promise<Response | undefined | null | void> {
  const env = readEnv();
  const basePath = authBasePath(env.url);
  const signInPage = options.pages?.signIn ?? `${basePath}/signin`;
  const errorPage = options.pages?.error ?? `${basePath}/error`;
  const { pathname, search, origin } = request.nextUrl;

  // Never guard the pages a signed-out user must reach, or Next's own assets.
  if (
    pathname === signInPage ||
    pathname === errorPage ||
    pathname.startsWith(`${basePath}/`) ||
    pathname.startsWith("/_next/")
  ) {
    return undefined;
  }

  const secret = options.secret ?? env.secret;
  if (secret === undefined && env.environment === "production") {
    loggerFor().error("MissingSecret", "withAuth: no secret. Set NEXTAUTH_SECRET (or AUTH_SECRET), or pass `secret`.");
    const url = new URL(errorPage, origin);
    url.searchParams.set("error", "Configuration");
    return NextResponse.redirect(url);
  }

  const token = await getToken({
    req: request,
    ...(secret === undefined ? {} : { secret }),
    ...(options.jwt?.decode === undefined ? {} : { decode: options.jwt.decode }),
    ...(options.cookies?.sessionToken?.name === undefined ? {} : { cookieName: options.cookies.sessionToken.name }),
    ...(options.store === undefined ? {} : { store: options.store }),
  });
  const authorized = options.callbacks?.authorized ?? (({ token: t }) => t !== null);
  if (await authorized({ token, req: request })) {
    const stepUp = options.stepUp;
    const at = typeof token?.authenticatedAt === "number" ? token.authenticatedAt * 1000 : Number.NaN;
    if (stepUp !== undefined && !(systemClock() - at <= stepUp.maxAge * 1000)) {
      const target = new URL(stepUp.url ?? `${basePath}/two-factor`, origin);
      target.searchParams.set("callbackUrl", `${request.nextUrl.basePath}${pathname}${search}`);
      return NextResponse.redirect(target);
    }
    (request as NextRequestWithAuth).nextauth = { token };
    return middleware === undefined ? undefined : middleware(request as NextRequestWithAuth, event as NextFetchEvent);
  }

  const signIn = new URL(signInPage, origin);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.basePath}${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

type Middleware = (request: NextRequest, event?: NextFetchEvent) => Promise<Response | undefined | null | void>;

/**
 * Protects the routes your middleware matches.
 * - `withAuth(request)`: use as the middleware itself (`export { default } from "gatehouse/middleware"`).
 * - `withAuth(middleware, options?)`: run `middleware` for authorized requests (`req.nextauth.token`).
 * - `withAuth(options)`: a middleware with these options.
 *
 * A request is authorized when `callbacks.authorized` says so (@default a token is present);
 * otherwise it is redirected to the sign-in page with `callbackUrl`. The sign-in and error
 * pages, the auth routes and `/_next/` are never guarded. In production without a secret it
 * redirects to the error page with `error=Configuration` (and logs `MissingSecret`).
 * @param request - The request, when `withAuth` is the middleware itself.
 * @param event - The fetch event Next passes with it.
 * @returns The redirect, `undefined` to let the request through, or your middleware's answer;
 *   in the other two forms, the middleware function.
 * @example
 * ```ts
 * // middleware.ts
 * export default withAuth((req) => console.log(req.nextauth.token?.email), {
 *   callbacks: { authorized: ({ token }) => token?.role === "admin" },
 * });
 * export const config = { matcher: ["/admin/:path*"] };
 * ```
 */
export function withAuth(request: NextRequest, event?: NextFetchEvent): Promise<Response | undefined | null | void>;
export function withAuth(middleware: NextMiddlewareWithAuth, options?: NextAuthMiddlewareOptions): Middleware;
export function withAuth(options: NextAuthMiddlewareOptions): Middleware;
export function withAuth(...args: unknown[]): Middleware | Promise<Response | undefined | null | void> {
  const [first, second] = args;
  if (first instanceof Request)
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Next passes a NextRequest
    return handle(first as NextRequest, second as NextFetchEvent | undefined, {}, undefined);
  if (typeof first === "function") {
    const middleware = first as NextMiddlewareWithAuth;
    const options = (second ?? {}) as NextAuthMiddlewareOptions;
    return (request, event) => handle(request, event, options, middleware);
  }
  const options = (first ?? {}) as NextAuthMiddlewareOptions;
  return (request, event) => handle(request, event, options, undefined);
}

export default withAuth;
