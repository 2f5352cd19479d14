/** Response builders shared by the routes. */
import { serializeCookie, type SetCookie } from "../cookies/set-cookie.js";

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
  for (const cookie of cookies) headers.append("Set-Cookie", serializeCookie(cookie));
  return new Response(JSON.stringify(body), { status, headers });
}

/** A 302 to `location` (already validated). */
export function redirectResponse(location: string, cookies: readonly SetCookie[] = [], status = 302): Response {
  const headers = new Headers({ Location: location, "Cache-Control": NO_STORE });
  for (const cookie of cookies) headers.append("Set-Cookie", serializeCookie(cookie));
  return new Response(null, { status, headers });
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
