import type { CookieSerializeOptions } from "../../types.js";

/** A cookie to set (or expire) on the response. */
export interface SetCookie {
  name: string;
  value: string;
  options: CookieSerializeOptions;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The attribute part of a `Set-Cookie` header (everything after `name=value`). */
export function serializeAttributes(options: CookieSerializeOptions): string {
  let out = "";
  if (options.domain !== undefined) out += `; Domain=${options.domain}`;
  out += `; Path=${options.path ?? "/"}`;
  if (options.expires !== undefined) out += `; Expires=${options.expires.toUTCString()}`;
  if (options.maxAge !== undefined) out += `; Max-Age=${Math.floor(options.maxAge)}`;
  if (options.httpOnly === true) out += "; HttpOnly";
  if (options.secure === true) out += "; Secure";
  if (options.sameSite !== undefined)
    out += `; SameSite=${options.sameSite[0]?.toUpperCase() ?? ""}${options.sameSite.slice(1)}`;
  return out;
}

/**
 * Serialises a `Set-Cookie` header value (RFC 6265 §4.1). Values outside the cookie-octet set are
 * percent-encoded; names must be tokens (our names always are). `Path` defaults to `/`.
 *
 * @param cookie - Name, value and attributes.
 * @returns The header value, e.g. `name=value; Path=/; HttpOnly; SameSite=Lax`.
 * @throws TypeError when the name is not an RFC 6265 token.
 *
 * @example
 * ```ts
 * headers.append("set-cookie", serializeCookie({ name: "theme", value: "dark", options: { maxAge: 3600 } }));
 * // "theme=dark; Path=/; Max-Age=3600"
 * ```
 */
export function serializeCookie(cookie: SetCookie): string {
  if (!TOKEN.test(cookie.name)) throw new TypeError(`Invalid cookie name: ${cookie.name}`);
  return `${cookie.name}=${encodeValue(cookie.value)}${serializeAttributes(cookie.options)}`;
}

/** A cookie that expires `name` now. */
export function expiredCookie(name: string, options: CookieSerializeOptions): SetCookie {
  const { expires: _expires, maxAge: _maxAge, ...rest } = options;
  return { name, value: "", options: { ...rest, maxAge: 0, expires: new Date(0) } };
}

function encodeValue(value: string): string {
  return /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/.test(value) ? value : encodeURIComponent(value);
}
