/**
 * The state, PKCE verifier and nonce of a flow in progress, each in its own encrypted cookie
 * (sealed with the key for that cookie's name), bound to the provider that started the flow and
 * valid for 15 minutes. The callback reads them once and clears them, whatever happens.
 *
 * - `state` ties the callback to the browser that started the flow (RFC 6749 §10.12,
 *   https://www.rfc-editor.org/rfc/rfc6749#section-10.12).
 * - PKCE: the verifier whose S256 challenge went to the authorization endpoint (RFC 7636 §4.1–4.2,
 *   https://www.rfc-editor.org/rfc/rfc7636#section-4), sent with the code to the token endpoint.
 * - `nonce` must come back in the ID token (OIDC Core §3.1.2.1 and §3.1.3.7 item 11,
 *   https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation).
 */
import { DEFAULTS } from "../../lib/config/defaults.js";
import type { CookieOption } from "../../types.js";
import type { SetCookie } from "../../lib/cookies/set-cookie.js";
import { expiredCookie } from "../../lib/cookies/set-cookie.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { openToken, sealToken } from "../../lib/token.js";
import type { ResolvedOAuthProvider } from "../../provider-types.js";

/** Seconds a check cookie lives. */
export const CHECK_MAX_AGE = DEFAULTS.oauth.checkMaxAge;

/** The kinds of check cookie. `state` also carries OAuth 1.0a's request token. */
export type CheckName = "state" | "pkce" | "nonce";

function cookieFor(state: RequestState, check: CheckName): CookieOption {
  const names = state.cookieNames;
  return check === "state" ? names.state : check === "pkce" ? names.pkceCodeVerifier : names.nonce;
}

/**
 * Options for a cookie the provider's callback must bring back. Providers that answer with a
 * cross-site form post (`response_mode=form_post`, Apple) need it to travel on that POST:
 * `SameSite=None` (HTTPS only; on plain http the IdP is same-site in development anyway).
 */
export function callbackCookieOptions(
  state: RequestState,
  provider: ResolvedOAuthProvider,
  options: CookieOption["options"],
): CookieOption["options"] {
  return provider.formPost && state.secure ? { ...options, sameSite: "none", secure: true } : options;
}

/** A cookie holding `value` for `provider` (see {@link callbackCookieOptions}). */
export async function checkCookie(
  state: RequestState,
  provider: ResolvedOAuthProvider,
  check: CheckName,
  value: string,
  extra: Record<string, string> = {},
): Promise<SetCookie> {
  const cookie = cookieFor(state, check);
  const nowSeconds = Math.floor(state.nowMs / 1000);
  const sealed = await sealToken(
    state.runtime.keyring,
    cookie.name,
    { value, provider: provider.id, ...extra },
    nowSeconds,
    CHECK_MAX_AGE,
  );
  return {
    name: cookie.name,
    value: sealed,
    options: callbackCookieOptions(state, provider, { ...cookie.options, maxAge: CHECK_MAX_AGE }),
  };
}

/** The check's value, if its cookie is present, unexpired and was made for `provider`. */
export async function readCheck(
  state: RequestState,
  provider: ResolvedOAuthProvider,
  check: CheckName,
): Promise<{ value: string; extra: Record<string, unknown> } | null> {
  const cookie = cookieFor(state, check);
  const opened = await openToken(state.runtime.keyring, state.cookies.get(cookie.name), {
    salt: cookie.name,
    legacy: false,
    nowSeconds: Math.floor(state.nowMs / 1000),
    maxLength: 4096,
  });
  if (opened === null) return null;
  const { value, provider: bound, ...extra } = opened.payload;
  if (typeof value !== "string" || bound !== provider.id) return null;
  return { value, extra };
}

/** Expires every check cookie the request carries. */
export function clearChecks(state: RequestState): SetCookie[] {
  const out: SetCookie[] = [];
  for (const check of ["state", "pkce", "nonce"] as const) {
    const cookie = cookieFor(state, check);
    if (state.cookies.has(cookie.name)) out.push(expiredCookie(cookie.name, cookie.options));
  }
  return out;
}
