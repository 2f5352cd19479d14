/**
 * `GET signout`: the confirmation page (or `pages.signOut`). `POST signout`: end the session
 * through the strategy (a JWT's id is revoked until `now + maxAge`; a database row is deleted),
 * clear every auth cookie but the CSRF one, and go where the app (or the identity provider's
 * logout) sends the browser. When the revocation cannot be recorded, the cookies are cleared all
 * the same but the answer is a 503: a copy of the token would still work.
 */
import { emitEvent } from "../../lib/callbacks.js";
import { expiredCookie, type SetCookie } from "../../lib/cookies/set-cookie.js";
import { ensureCsrf } from "../../lib/csrf.js";
import { prefersJson, serverFailure } from "../../lib/http/fail.js";
import { customPage, resolveRedirect, safeCallbackParam } from "../../lib/http/navigation.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { RevocationStoreError } from "../../lib/session/revocation.js";
import { redirectOrJson, redirectResponse } from "../../lib/http/respond.js";
import { signOutPage } from "../../pages/signout-page.js";
import type { Route } from "../feature.js";

function clearAuthCookies(state: RequestState, sessionCookies: SetCookie[]): SetCookie[] {
  const names = state.cookieNames;
  const out = [...sessionCookies];
  for (const cookie of [names.callbackUrl, names.state, names.pkceCodeVerifier, names.nonce, names.webauthnChallenge]) {
    if (state.cookies.has(cookie.name)) out.push(expiredCookie(cookie.name, cookie.options));
  }
  for (const extension of state.runtime.extensions) out.push(...(extension.signOutCookies?.(state) ?? []));
  return out;
}

/** Where to go after sign-out: an extension's (an IdP logout), else the local destination. */
async function destination(state: RequestState, provider: string | null, local: string): Promise<string> {
  if (provider === null) return local;
  for (const extension of state.runtime.extensions) {
    const url = await extension.signOutUrl?.(state, provider, local);
    if (typeof url === "string") return url;
  }
  return local;
}

/**
 * Signs the request's browser out: the session ends (and its `signOut` event runs), every auth
 * cookie but the CSRF one is cleared, and the destination is worked out.
 * @throws {RevocationStoreError} carrying every cookie to clear, when the JWT's revocation could
 *   not be stored (no event runs).
 */
export async function signOut(
  state: RequestState,
  callbackUrl: unknown,
): Promise<{ url: string; cookies: SetCookie[] }> {
  let ended;
  try {
    ended = await state.runtime.strategy.end(state);
  } catch (error) {
    if (!(error instanceof RevocationStoreError)) throw error;
    throw new RevocationStoreError(clearAuthCookies(state, [...error.cookies]), error.cause);
  }
  await emitEvent(state.runtime, "signOut", ended.event);
  const local = await resolveRedirect(state, callbackUrl);
  return { url: await destination(state, ended.provider, local), cookies: clearAuthCookies(state, ended.cookies) };
}

export const signoutRoute: Route = {
  provider: "none",
  async GET(state) {
    const callbackUrl = safeCallbackParam(state, state.url.searchParams.get("callbackUrl"));
    const custom = customPage(state, "signOut");
    if (custom !== undefined) {
      if (callbackUrl !== undefined) custom.searchParams.set("callbackUrl", callbackUrl);
      return redirectResponse(custom.href);
    }
    const { token, cookies } = await ensureCsrf(state);
    return state.runtime.pages.page(
      state,
      signOutPage({ authUrl: state.authUrl, csrfToken: token, callbackUrl, cookies }),
    );
  },
  async POST(state, { body }) {
    try {
      const { url, cookies } = await signOut(state, body.callbackUrl);
      return redirectOrJson(prefersJson(state, body), url, cookies);
    } catch (error) {
      if (!(error instanceof RevocationStoreError)) throw error;
      return serverFailure(state, error, prefersJson(state, body), error.cookies);
    }
  },
};
