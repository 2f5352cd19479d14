/**
 * A value too large for one cookie is split over `name.0`, `name.1`, … (next-auth's scheme), each
 * `Set-Cookie` line below 4096 bytes. Reading joins the pieces; a gap, a stray piece, or both a
 * whole cookie and pieces mean the set is broken: it reads as absent and is expired.
 */
import { SessionTooLargeError } from "../../errors.js";
import type { CookieSerializeOptions } from "../../types.js";
import { expiredCookie, serializeAttributes, type SetCookie } from "./set-cookie.js";

/** Browsers keep at most this many bytes per cookie line. */
export const COOKIE_LINE_LIMIT = 4096;

/** A chunked cookie as read from a request. */
export interface ChunkedRead {
  /** The joined value, or `null` when absent or broken. */
  value: string | null;
  /** Every cookie name of this set present in the request (to expire stale pieces). */
  names: string[];
  /** True when pieces were present but did not form a whole. */
  broken: boolean;
}

/**
 * Reads the cookie `name`, whole or split over `name.0`, `name.1`, …. A gap in the pieces, a
 * piece with a bad index, or a whole cookie beside pieces makes the set broken.
 *
 * @param cookies - The request's cookies (see `parseCookies`).
 * @param name - The cookie's name, e.g. `next-auth.session-token`.
 * @returns The joined value (`null` when absent or broken), every name of the set present (to
 *   expire stale pieces), and whether it was broken.
 *
 * @example
 * ```ts
 * const { value } = readChunked(parseCookies(request.headers.get("cookie")), "next-auth.session-token");
 * ```
 */
export function readChunked(cookies: ReadonlyMap<string, string>, name: string): ChunkedRead {
  const whole = cookies.get(name);
  const prefix = `${name}.`;
  let pieces: string[] | undefined;
  const names: string[] = [];
  let broken = false;
  for (const [key, value] of cookies) {
    if (!key.startsWith(prefix)) continue;
    const suffix = key.slice(prefix.length);
    names.push(key);
    if (!/^(0|[1-9][0-9]{0,2})$/.test(suffix)) {
      broken = true;
      continue;
    }
    pieces ??= [];
    pieces[Number(suffix)] = value;
  }
  if (whole !== undefined) names.unshift(name);
  if (pieces === undefined) return { value: broken ? null : (whole ?? null), names, broken };
  if (whole !== undefined) broken = true;
  for (let i = 0; i < pieces.length; i++) if (pieces[i] === undefined) broken = true;
  return { value: broken ? null : pieces.join(""), names, broken };
}

/**
 * The `Set-Cookie`s that store `value` under `name`, in as few pieces as fit, plus expiries for
 * every name in `previous` that is no longer used.
 * @throws {SessionTooLargeError} when the pieces together exceed `budget` bytes.
 */
export function writeChunked(
  name: string,
  value: string,
  options: CookieSerializeOptions,
  previous: readonly string[],
  budget: number,
): SetCookie[] {
  const attributes = serializeAttributes(options).length;
  const out: SetCookie[] = [];
  const written = new Set<string>();
  if (name.length + 1 + value.length + attributes < COOKIE_LINE_LIMIT) {
    if (name.length + 1 + value.length > budget) throw new SessionTooLargeError(name.length + 1 + value.length, budget);
    out.push({ name, value, options });
    written.add(name);
  } else {
    // Room for the longest piece name we could write (`name.999`).
    const room = COOKIE_LINE_LIMIT - 1 - (name.length + 4) - 1 - attributes;
    const count = Math.ceil(value.length / room);
    const total = value.length + count * (name.length + 3);
    if (total > budget) throw new SessionTooLargeError(total, budget);
    for (let i = 0; i < count; i++) {
      const piece = `${name}.${i}`;
      out.push({ name: piece, value: value.slice(i * room, (i + 1) * room), options });
      written.add(piece);
    }
  }
  for (const stale of previous) if (!written.has(stale)) out.push(expiredCookie(stale, options));
  return out;
}

/** Expires every cookie in `names`. */
export function expireAll(names: readonly string[], options: CookieSerializeOptions): SetCookie[] {
  return names.map((name) => expiredCookie(name, options));
}
