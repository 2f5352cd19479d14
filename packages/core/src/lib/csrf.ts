/**
 * CSRF protection by double submit: the cookie holds `token|HMAC(token)`, the form or JSON body
 * repeats `token`. The HMAC (key from HKDF over the secret, per cookie name) stops a cookie set
 * by a sibling subdomain from being accepted; both comparisons are constant-time.
 */
import { base64urlDecode, base64urlEncode, hkdfSha256, hmacSha256, randomBytes, timingSafeEqual } from "#crypto";
import { utf8 } from "./encoding.js";
import type { SetCookie } from "./cookies/set-cookie.js";
import type { CookieOption } from "../types.js";
import type { RequestState } from "./http/request-state.js";

const INFO = utf8.encode("Gatehouse CSRF token key");
const TOKEN_BYTES = 32;

/** HMAC keys for the CSRF cookie, one per secret (the first signs). */
export class CsrfKeys {
  readonly #secrets: readonly string[];
  readonly #keys = new Map<string, Promise<Uint8Array[]>>();

  constructor(secrets: readonly string[]) {
    this.#secrets = secrets;
  }

  /** The keys for one cookie name. */
  for(cookieName: string): Promise<Uint8Array[]> {
    let keys = this.#keys.get(cookieName);
    if (keys === undefined) {
      const salt = utf8.encode(cookieName);
      keys = Promise.all(this.#secrets.map((secret) => hkdfSha256(utf8.encode(secret), salt, INFO, 32)));
      this.#keys.set(cookieName, keys);
    }
    return keys;
  }
}

/** The token from a valid CSRF cookie, or `null`. */
export async function readCsrfCookie(
  keys: CsrfKeys,
  cookie: CookieOption,
  value: string | undefined,
): Promise<string | null> {
  if (value === undefined || value.length > 200) return null;
  const bar = value.indexOf("|");
  if (bar <= 0) return null;
  const token = value.slice(0, bar);
  const mac = base64urlDecode(value.slice(bar + 1));
  if (mac === null || base64urlDecode(token)?.length !== TOKEN_BYTES) return null;
  const data = utf8.encode(token);
  for (const key of await keys.for(cookie.name)) {
    if (timingSafeEqual(await hmacSha256(key, data), mac)) return token;
  }
  return null;
}

/** A fresh token and the cookie that holds it. */
export async function issueCsrf(keys: CsrfKeys, cookie: CookieOption): Promise<{ token: string; cookie: SetCookie }> {
  const token = base64urlEncode(randomBytes(TOKEN_BYTES));
  const [key] = await keys.for(cookie.name);
  const mac = base64urlEncode(await hmacSha256(key as Uint8Array, utf8.encode(token)));
  return { token, cookie: { name: cookie.name, value: `${token}|${mac}`, options: cookie.options } };
}

/** `true` when `submitted` matches the token of a valid CSRF cookie. */
export async function verifyCsrf(
  keys: CsrfKeys,
  cookie: CookieOption,
  cookieValue: string | undefined,
  submitted: unknown,
): Promise<boolean> {
  if (typeof submitted !== "string" || submitted.length === 0 || submitted.length > 100) return false;
  const token = await readCsrfCookie(keys, cookie, cookieValue);
  return token !== null && timingSafeEqual(utf8.encode(token), utf8.encode(submitted));
}

/** The request's valid CSRF token, or a fresh one with the cookie that holds it. */
export async function ensureCsrf(state: RequestState): Promise<{ token: string; cookies: SetCookie[] }> {
  const cookie = state.cookieNames.csrfToken;
  const existing = await readCsrfCookie(state.runtime.csrfKeys, cookie, state.cookies.get(cookie.name));
  if (existing !== null) return { token: existing, cookies: [] };
  const fresh = await issueCsrf(state.runtime.csrfKeys, cookie);
  return { token: fresh.token, cookies: [fresh.cookie] };
}
