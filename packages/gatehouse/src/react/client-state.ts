/**
 * The browser client's state, shared by `gatehouse/react`'s functions and the features' bound
 * client functions: where the auth routes are, the session listeners, the one session request in
 * flight, and the channel that tells the other tabs.
 */
import { DEFAULT_BASE_PATH } from "@gatehouse/core/defaults";
import { internalAuthUrl } from "../lib/env.js";
import type { Session } from "../types.js";

/** What the server-side calls use of a Node response: where a new CSRF cookie goes. */
interface CookieSink {
  getHeader(name: string): unknown;
  setHeader(name: string, value: string[]): unknown;
}

/**
 * Parameters of {@link getSession}, {@link getCsrfToken} and `getProviders` on the server: the
 * request (its cookie is forwarded) — a `getServerSideProps` context works as it is.
 */
export interface GetSessionParams {
  /** On the server: the incoming request, whose cookie is forwarded. */
  req?: { headers: Record<string, string | string[] | undefined> | Headers } | undefined;
  /** On the server (`getCsrfToken(context)`): the response a CSRF cookie the server made goes onto. */
  res?: CookieSink | object | undefined;
  /** On the server: a `getServerSideProps` / `getInitialProps` context, for its `req` and `res`. */
  ctx?: { req?: GetSessionParams["req"]; res?: GetSessionParams["res"] } | undefined;
  /** next-auth v4 accepted it; unused. */
  event?: string;
  /** next-auth v4 accepted it; unused. */
  triggerEvent?: boolean;
  /** Tell the other tabs to read the session again. @default false */
  broadcast?: boolean;
}

// Module state: where the routes are (set by SessionProvider), the listeners of the mounted
// providers, and the one session request in flight.
export let base: string = DEFAULT_BASE_PATH;
let inflight: Promise<Session | null> | undefined;
export const listeners = new Set<(session: Session | null) => void>();
let channel: BroadcastChannel | undefined;

export function tabs(): BroadcastChannel | undefined {
  if (channel === undefined && typeof BroadcastChannel !== "undefined")
    channel = new BroadcastChannel("gatehouse.session");
  return channel;
}

export function broadcast(): void {
  // The other tabs only need to know the session changed; they fetch it themselves.
  tabs()?.postMessage("session");
}

export function navigate(url: string): void {
  window.location.href = url;
  if (url.includes("#")) window.location.reload();
}

export async function post(
  path: string,
  body: Record<string, string>,
): Promise<{ res: Response; data: Record<string, unknown> }> {
  const res = await fetch(`${base}/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...body, csrfToken: (await getCsrfToken()) ?? "", json: "true" }),
  });
  return { res, data: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

/**
 * Where the server reaches its own auth routes: the configured URL only (NEXTAUTH_URL_INTERNAL,
 * then NEXTAUTH_URL / AUTH_URL; a path in it is the base path), never the request's `Host`,
 * which the client chooses.
 */
function serverAuthUrl(): string | undefined {
  const configured = internalAuthUrl();
  if (configured === undefined) return undefined;
  try {
    const url = new URL(configured);
    const path = url.pathname.replace(/\/+$/, "");
    return `${url.origin}${path === "" ? base : path}`;
  } catch {
    return undefined;
  }
}

/**
 * The current session, or `null`. Concurrent calls share one request. On the server (v4's
 * `getSession({ req })`), pass the request so its cookie is forwarded; the server asks only the
 * configured URL (`NEXTAUTH_URL_INTERNAL`, `NEXTAUTH_URL` or `AUTH_URL`), never the request's
 * `Host`, and without one resolves `null`.
 * @param params - On the server, `req` (or `ctx.req`); `broadcast: true` tells the other tabs.
 * @returns The session, or `null` when signed out or the request failed.
 * @example
 * ```ts
 * const session = await getSession(); // in the browser
 * const session = await getSession({ req }); // in getServerSideProps or an API route
 * ```
 */
export function getSession(params?: GetSessionParams): Promise<Session | null> {
  if (typeof window === "undefined") {
    // On the server, only with the request and a configured URL: without one there is no
    // origin to trust, and the session is unknown.
    const authUrl = serverAuthUrl();
    const req = params?.req ?? params?.ctx?.req;
    if (authUrl === undefined || req === undefined) return Promise.resolve(null);
    const cookie = req.headers instanceof Headers ? req.headers.get("cookie") : req.headers.cookie;
    return fetch(`${authUrl}/session`, { headers: { cookie: String(cookie ?? "") } })
      .then((res) => res.json() as Promise<Session>)
      .then((data) => (Object.keys(data).length > 0 ? data : null))
      .catch(() => null);
  }
  inflight ??= fetch(`${base}/session`)
    .then((res) => (res.ok ? (res.json() as Promise<Session>) : null))
    .then((data) => (data !== null && Object.keys(data).length > 0 ? data : null))
    .catch(() => null)
    .finally(() => (inflight = undefined));
  const pending = inflight;
  if (params?.broadcast === true) void pending.then(broadcast);
  return pending;
}

export async function refresh(): Promise<Session | null> {
  const session = await getSession();
  for (const listener of listeners) listener(session);
  return session;
}

/**
 * An auth route fetched from the server side (v4's `getCsrfToken(context)`, `getProviders()` in
 * `getServerSideProps`): at the configured URL, with the request's cookie; `null` without a URL.
 */
export function serverFetch(path: string, params?: GetSessionParams): Promise<Response> | null {
  const authUrl = serverAuthUrl();
  if (authUrl === undefined) return null;
  const req = params?.req ?? params?.ctx?.req;
  const cookie =
    req === undefined ? "" : req.headers instanceof Headers ? req.headers.get("cookie") : req.headers.cookie;
  return fetch(`${authUrl}/${path}`, { headers: { cookie: String(cookie ?? "") } });
}

/**
 * The CSRF token for a hand-made form post (`GET {basePath}/csrf`; the double-submit cookie
 * comes with it). On the server, as next-auth v4's `getCsrfToken(context)`: pass the
 * `getServerSideProps` context; the cookie the token belongs to is set on its response.
 * @param params - On the server, the request and response (or the context); nothing in the browser.
 * @returns The token, or `undefined` when it cannot be had.
 * @example
 * ```tsx
 * const csrfToken = await getCsrfToken(); // in the browser; getCsrfToken(context) in getServerSideProps
 * <form method="post" action="/api/auth/signout"><input type="hidden" name="csrfToken" value={csrfToken} /></form>
 * ```
 */
export async function getCsrfToken(params?: GetSessionParams): Promise<string | undefined> {
  const pending = typeof window === "undefined" ? serverFetch("csrf", params) : fetch(`${base}/csrf`);
  const res = await pending?.catch(() => null);
  if (res === null || res === undefined || !res.ok) return undefined;
  const sink = (params?.res ?? params?.ctx?.res) as Partial<CookieSink> | undefined;
  const made = res.headers.getSetCookie();
  if (typeof window === "undefined" && made.length > 0 && typeof sink?.setHeader === "function") {
    const existing = sink.getHeader?.("set-cookie");
    const current =
      typeof existing === "string" ? [existing] : Array.isArray(existing) ? existing.map((line) => String(line)) : [];
    sink.setHeader("Set-Cookie", [...current, ...made]);
  }
  return ((await res.json()) as { csrfToken?: string }).csrfToken;
}

/** Sets where the auth routes live (`SessionProvider`'s `basePath`). */
export function setBase(path: string): void {
  base = path.replace(/\/$/, "");
}
