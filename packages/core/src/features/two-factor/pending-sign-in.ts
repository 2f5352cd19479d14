/**
 * The sign-in waiting for its second factor: everything needed to issue the session later,
 * sealed (encrypted and authenticated, `dir`/`A256GCM` with its own HKDF key) in an HttpOnly
 * cookie that lives `twoFactor.pendingMaxAge` seconds. It is bound to the browser's CSRF cookie
 * (a copied pending cookie is useless without it) and used once: finishing records its id as
 * spent until it would have expired. It is no session: nothing reads it but this feature.
 */
import type { Account, User } from "../../types.js";
import { readChunked, writeChunked } from "../../lib/cookies/chunked-cookie.js";
import { expireAll } from "../../lib/cookies/chunked-cookie.js";
import type { SetCookie } from "../../lib/cookies/set-cookie.js";
import { readCsrfCookie } from "../../lib/csrf.js";
import { isPlainObject } from "../../lib/encoding.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { isAmr } from "../../lib/session/authentication.js";
import type { SessionStart } from "../../lib/session/strategy.js";
import { openToken, sealToken } from "../../lib/token.js";

/** A pending sign-in, as sealed. */
export interface PendingSignIn {
  start: SessionStart;
  landing: string;
  /** The methods of the first factor. */
  amr: string[];
  /** The id that marks it spent. */
  jti: string;
  /** When it expires, in seconds since the epoch. */
  exp: number;
}

/**
 * A two-factor cookie's name, in the session cookie's family: `next-auth.session-token` gives
 * `next-auth.two-factor` (and `next-auth.two-factor-device`); a custom name gets a suffix.
 */
export function twoFactorCookieName(state: RequestState, suffix = ""): string {
  const session = state.cookieNames.sessionToken.name;
  const base = session.endsWith("session-token")
    ? `${session.slice(0, -"session-token".length)}two-factor`
    : `${session}-2fa`;
  return `${base}${suffix}`;
}

/** The pending cookie's name. */
export function pendingCookieName(state: RequestState): string {
  return twoFactorCookieName(state);
}

function spentKey(jti: string): string {
  return `gatehouse:revoked:2fa:${jti}`;
}

/** The cookies that hold a new pending sign-in, bound to the CSRF token `csrfToken`. */
export async function writePending(
  state: RequestState,
  start: SessionStart,
  landing: string,
  amr: readonly string[],
  csrfToken: string,
): Promise<SetCookie[]> {
  const maxAge = state.config.twoFactor?.pendingMaxAge ?? 300;
  const claims = {
    sub: start.user.id,
    user: start.user,
    account: start.account,
    ...(start.profile === undefined ? {} : { profile: start.profile }),
    isNewUser: start.isNewUser,
    landing,
    amr: [...amr],
    csrf: csrfToken,
  };
  const name = pendingCookieName(state);
  const value = await sealToken(state.runtime.keyring, name, claims, Math.floor(state.nowMs / 1000), maxAge);
  const options = { ...state.cookieNames.sessionToken.options, maxAge };
  const previous = readChunked(state.cookies, name).names;
  return writeChunked(name, value, options, previous, state.config.session.maxCookieBytes);
}

/** The request's pending sign-in, if its cookie opens, is current, unspent and bound to this browser. */
export async function readPending(state: RequestState): Promise<PendingSignIn | null> {
  const name = pendingCookieName(state);
  const read = readChunked(state.cookies, name);
  if (read.value === null) return null;
  const opened = await openToken(state.runtime.keyring, read.value, {
    salt: name,
    legacy: false,
    nowSeconds: Math.floor(state.nowMs / 1000),
    maxLength: state.config.maxTokenLength,
  });
  if (opened === null) return null;
  const claims = opened.payload;
  const { user, account, profile } = claims;
  if (!isPlainObject(user) || typeof user.id !== "string" || user.id !== claims.sub) return null;
  if (!isPlainObject(account) || typeof claims.landing !== "string" || !isAmr(claims.amr)) return null;
  const csrf = state.cookieNames.csrfToken;
  const token = await readCsrfCookie(state.runtime.csrfKeys, csrf, state.cookies.get(csrf.name));
  if (token === null || token !== claims.csrf) return null;
  if ((await state.runtime.store.get(spentKey(claims.jti))) !== null) return null;
  return {
    start: {
      user: user as User,
      account: account as Account,
      ...(isPlainObject(profile) ? { profile } : {}),
      isNewUser: claims.isNewUser === true,
    },
    landing: claims.landing,
    amr: claims.amr,
    jti: claims.jti,
    exp: claims.exp,
  };
}

/** Marks a pending sign-in spent (it finished) until it would have expired. */
export async function spendPending(state: RequestState, pending: PendingSignIn): Promise<void> {
  const ttl = Math.max(1, pending.exp - Math.floor(state.nowMs / 1000) + 60) * 1000;
  await state.runtime.store.set(spentKey(pending.jti), "1", ttl);
}

/** Expires the pending cookie (every piece the request carries). */
export function clearPending(state: RequestState): SetCookie[] {
  const names = readChunked(state.cookies, pendingCookieName(state)).names;
  return expireAll(names, state.cookieNames.sessionToken.options);
}
