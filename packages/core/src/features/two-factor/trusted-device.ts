/**
 * "Trust this device": a sealed cookie naming the user and when it was issued, lasting
 * `twoFactor.trustDeviceMaxAge`. It lets that user skip the second factor in this browser. It is
 * revocable: it counts only if issued after the enrolment was confirmed and after the user's
 * last "forget my devices" (`trustedAfter`), so turning two-factor off, or forgetting devices,
 * ends every such cookie at once.
 */
import type { AdapterTwoFactor } from "../../adapter.js";
import type { SetCookie } from "../../lib/cookies/set-cookie.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { openToken, sealToken } from "../../lib/token.js";
import { twoFactorCookieName } from "./pending-sign-in.js";

function deviceCookieName(state: RequestState): string {
  return twoFactorCookieName(state, "-device");
}

/** The cookie that makes this browser trusted for `userId`, or none when the option is off. */
export async function trustDevice(state: RequestState, userId: string): Promise<SetCookie[]> {
  const maxAge = state.config.twoFactor?.trustDeviceMaxAge ?? false;
  if (maxAge === false) return [];
  const name = deviceCookieName(state);
  const nowSeconds = Math.floor(state.nowMs / 1000);
  const value = await sealToken(state.runtime.keyring, name, { sub: userId, at: state.nowMs }, nowSeconds, maxAge);
  return [{ name, value, options: { ...state.cookieNames.sessionToken.options, maxAge } }];
}

/** Whether the request carries a device cookie that still vouches for this user. */
export async function isTrustedDevice(state: RequestState, record: AdapterTwoFactor): Promise<boolean> {
  if (state.config.twoFactor?.trustDeviceMaxAge === false) return false;
  const name = deviceCookieName(state);
  const opened = await openToken(state.runtime.keyring, state.cookies.get(name), {
    salt: name,
    legacy: false,
    nowSeconds: Math.floor(state.nowMs / 1000),
    maxLength: 1024,
  });
  const claims = opened?.payload;
  if (claims === undefined || claims.sub !== record.userId || typeof claims.at !== "number") return false;
  if (record.enabledAt === null || claims.at < record.enabledAt.getTime()) return false;
  return record.trustedAfter === null || claims.at > record.trustedAfter.getTime();
}
