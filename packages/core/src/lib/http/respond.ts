/** Response builders shared by the routes. */
import { serializeCookie, type SetCookie } from "../cookies/set-cookie.js";

const COOKIES = Symbol("gatehouse cookies");

/** Adds `cookies` to `response` as `Set-Cookie` lines, and keeps them for {@link cookiesOf}. */
export function withCookies(response: Response, cookies: readonly SetCookie[]): Response {
  for (const cookie of cookies) response.headers.append("Set-Cookie", serializeCookie(cookie));
  Object.defineProperty(response, COOKIES, {
    value: [...((response as { [COOKIES]?: SetCookie[] })[COOKIES] ?? []), ...cookies],
  });
  return response;
}

/**
 * The cookies a response of ours sets, as objects: what server-side callers (the Next.js
 * package's server actions) write through their framework's cookie API, with no `Set-Cookie`
 * string to parse back.
 */
export function cookiesOf(response: Response): readonly SetCookie[] {
  return (response as { [COOKIES]?: SetCookie[] })[COOKIES] ?? [];
}

/** Headers on every response that carries session state. */
export const NO_STORE = "private, no-cache, no-store";

/** A JSON response with `Cache-Control: private, no-cache, no-store`. */
export function jsonResponse(
  body: unknown,
  status = 200,
  cookies: readonly SetCookie[] = [],
  extra?: Record<string, string>,
): Response {
  const headers = new Headers(extra);
  headers.set("Content-Type", "application/json");
  headers.set("Cache-Control", NO_STORE);
  return withCookies(new Response(JSON.stringify(body), { status, headers }), cookies);
}

/** A 302 to `location` (already validated). */
export function redirectResponse(location: string, cookies: readonly SetCookie[] = [], status = 302): Response {
  const headers = new Headers({ Location: location, "Cache-Control": NO_STORE });
  return withCookies(new Response(null, { status, headers }), cookies);
}

/**
 * next-auth's contract for POSTs: a form post is redirected; a post with `json=true` gets
 * `{ url }` instead, with the same status semantics.
 */
export function redirectOrJson(
  json: boolean,
  url: string,
  cookies: readonly SetCookie[] = [],
  status = 200,
  extra?: Record<string, unknown>,
): Response {
  return json ? jsonResponse({ url, ...extra }, status, cookies) : redirectResponse(url, cookies);
}
