/**
 * Binds an emailed link to the browser that asked for it, so that browser is done as soon as it
 * opens the link (a magic link signs in, a verification link verifies) while every other opener
 * (another device, a mail scanner) gets the one-click confirmation.
 *
 * `POST signin/email` (and a password sign-up) sets a short-lived HttpOnly cookie holding
 * HMAC(key, [identifier, token]) under a key derived from the secret — never the token itself. Only a browser holding the MAC
 * of the very token in the URL counts as the asking browser: the MAC cannot be made without the
 * secret, and one made for another token (say, an attacker's own link) does not fit. The cookie
 * keeps the last few links a browser asked for, so asking twice does not break the first link.
 */
import { base64urlEncode, hkdfSha256, hmacSha256, timingSafeEqual } from "#crypto";
import type { SetCookie } from "../cookies/set-cookie.js";
import { utf8 } from "../encoding.js";
import type { RequestState } from "../http/request-state.js";
import { RuntimeSlot, type AuthRuntime } from "../runtime.js";

const INFO = utf8.encode("Gatehouse email link binding key");
/** Links one browser can have outstanding at once (each costs 44 bytes of cookie). */
const MAX_BINDINGS = 3;
const MAC = /^[A-Za-z0-9_-]{43}$/;

const KEYS = new RuntimeSlot("email link binding keys", (runtime: AuthRuntime) =>
  Promise.all(runtime.config.secrets.map((secret) => hkdfSha256(utf8.encode(secret), new Uint8Array(0), INFO, 32))),
);

function mac(key: Uint8Array, identifier: string, token: string): Promise<Uint8Array> {
  return hmacSha256(key, utf8.encode(JSON.stringify([identifier, token])));
}

/** The well-formed bindings in the request's cookie (anything else in it is ignored). */
function bindingsOf(state: RequestState): string[] {
  const value = state.cookies.get(state.cookieNames.emailLink.name);
  if (value === undefined || value.length > 200) return [];
  return value
    .split(".")
    .filter((entry) => MAC.test(entry))
    .slice(0, MAX_BINDINGS);
}

/** The cookie that binds a new link (`identifier`, `token`) to the requesting browser. */
export async function bindLink(
  state: RequestState,
  identifier: string,
  token: string,
  maxAge: number,
): Promise<SetCookie> {
  const [key] = await state.runtime.slot(KEYS);
  const binding = base64urlEncode(await mac(key as Uint8Array, identifier, token));
  const kept = bindingsOf(state).filter((entry) => entry !== binding);
  const cookie = state.cookieNames.emailLink;
  const value = [binding, ...kept].slice(0, MAX_BINDINGS).join(".");
  return { name: cookie.name, value, options: { ...cookie.options, maxAge } };
}

/**
 * Whether the request comes from the browser that asked for this link. The binding stays after
 * the link is used (it expires with the link), so opening a used link there again goes straight
 * to the error page rather than to a confirmation that could only fail.
 */
export async function askedHere(state: RequestState, identifier: string, token: string): Promise<boolean> {
  const bindings = bindingsOf(state);
  if (bindings.length === 0) return false;
  const expected = await Promise.all(
    (await state.runtime.slot(KEYS)).map(async (key) =>
      utf8.encode(base64urlEncode(await mac(key, identifier, token))),
    ),
  );
  return bindings.some((entry) => {
    const presented = utf8.encode(entry);
    return expected.some((candidate) => timingSafeEqual(candidate, presented));
  });
}
