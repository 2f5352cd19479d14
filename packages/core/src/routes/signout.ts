/**
 * `GET signout`: the confirmation page (or `pages.signOut`). `POST signout`: end the session —
 * the token's id is revoked until it would expire, and every auth cookie but the CSRF one is
 * cleared.
 */
import { emitEvent } from "../lib/callbacks.js";
import { expiredCookie, type SetCookie } from "../lib/cookies/set-cookie.js";
import { prefersJson } from "../lib/http/fail.js";
import { customPage, resolveRedirect, safeCallbackParam } from "../lib/http/navigation.js";
import type { RequestState } from "../lib/http/request-state.js";
import { redirectOrJson, redirectResponse } from "../lib/http/respond.js";
import { accountHint, accountHintCookie, endDatabaseSession } from "../lib/session/database-session.js";
import { clearSessionCookies, readStoredToken } from "../lib/session/jwt-session.js";
import { endSessionUrl } from "../lib/oauth/end-session.js";
import { revoke } from "../lib/sign-in/complete-sign-in.js";
import { signOutPage } from "../pages/signout-page.js";
import type { JWT } from "../types.js";
import { ensureCsrf } from "./csrf.js";
import type { Route } from "./route.js";

function clearAuthCookies(state: RequestState, sessionCookies: SetCookie[]): SetCookie[] {
  const names = state.cookieNames;
  const out = [...sessionCookies];
  for (const cookie of [names.callbackUrl, names.state, names.pkceCodeVerifier, names.nonce]) {
    if (state.cookies.has(cookie.name)) out.push(expiredCookie(cookie.name, cookie.options));
  }
  return out;
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
    return signOutPage({ config: state.config, authUrl: state.authUrl, csrfToken: token, callbackUrl, cookies });
  },
  async POST(state, { body }) {
    if (state.config.session.strategy === "database") {
      const { session, cookies } = await endDatabaseSession(state);
      await emitEvent(state.config, "signOut", { token: null, session });
      const local = await resolveRedirect(state, body.callbackUrl);
      const provider = accountHint(state)?.provider ?? null;
      const url = (provider === null ? null : await endSessionUrl(state, { oauth: { provider } }, local)) ?? local;
      return redirectOrJson(
        prefersJson(state, body),
        url,
        clearAuthCookies(state, [...cookies, ...accountHintCookie(state, null)]),
      );
    }
    let token: JWT | null = null;
    let sessionCookies: SetCookie[];
    try {
      const stored = await readStoredToken(state);
      token = stored.token;
      sessionCookies = clearSessionCookies(state, stored.read);
    } catch (error) {
      state.config.logger.error("SIGNOUT_READ_ERROR", error);
      sessionCookies = [expiredCookie(state.cookieNames.sessionToken.name, state.cookieNames.sessionToken.options)];
    }
    if (typeof token?.jti === "string") await revoke(state, token.jti, token.exp);
    await emitEvent(state.config, "signOut", { token });
    const local = await resolveRedirect(state, body.callbackUrl);
    const url = (await endSessionUrl(state, token, local)) ?? local;
    return redirectOrJson(prefersJson(state, body), url, clearAuthCookies(state, sessionCookies));
  },
};
