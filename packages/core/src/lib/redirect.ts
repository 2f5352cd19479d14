/**
 * Redirect targets are checked on the parsed URL, the way a browser will read them: the WHATWG
 * parser resolves `//host`, `/\host`, userinfo, tabs and newlines exactly as navigation would,
 * and only a result on the base URL's own origin passes. Control characters and surrounding
 * whitespace are refused outright rather than repaired.
 */

const MAX_TARGET_LENGTH = 4096;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001F\u007F]/;

/**
 * The absolute URL for `target` if it stays on `origin`, else `null`. Refuses protocol-relative
 * (`//evil.com`, `/\evil.com`) targets, userinfo, control characters, surrounding whitespace,
 * schemes other than http(s) and targets over 4096 characters — an open redirect check
 * (RFC 6749 §10.15).
 *
 * @param target - A relative path (`/dashboard`) or an absolute URL; anything else is refused.
 * @param origin - The base URL's origin, e.g. `https://example.com`.
 * @returns The absolute URL, or `null` when `target` would leave `origin`.
 *
 * @example
 * ```ts
 * safeRedirect("/dashboard?tab=1", "https://example.com"); // "https://example.com/dashboard?tab=1"
 * safeRedirect("//evil.com", "https://example.com"); // null
 * ```
 */
export function safeRedirect(target: unknown, origin: string): string | null {
  if (typeof target !== "string" || target.length === 0 || target.length > MAX_TARGET_LENGTH) return null;
  if (UNSAFE.test(target) || target.trim() !== target) return null;
  if (target.startsWith("/")) {
    if (target.startsWith("//") || target.startsWith("/\\")) return null;
  } else if (!/^https?:\/\//i.test(target)) {
    return null;
  }
  let url: URL;
  try {
    url = new URL(target, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin || url.username !== "" || url.password !== "") return null;
  return url.href;
}

/**
 * next-auth's default `redirect` callback: the target if it is on the base URL's origin, else the
 * base URL. `baseUrl` is an origin, as Gatehouse passes it.
 */
export function defaultRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  return safeRedirect(url, baseUrl) ?? baseUrl;
}
