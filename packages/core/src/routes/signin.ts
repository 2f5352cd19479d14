/**
 * `GET signin`: the sign-in page (or a redirect to `pages.signIn`). `POST signin/:provider`:
 * start a sign-in with that provider.
 */
import { emailSignIn } from "../lib/email/email-sign-in.js";
import { startOAuthSignIn } from "../lib/oauth/start-oauth-sign-in.js";
import { credentialsSignIn } from "../lib/sign-in/credentials-sign-in.js";
import { prefersJson, fail } from "../lib/http/fail.js";
import { customPage, safeCallbackParam, signInPageUrl } from "../lib/http/navigation.js";
import { redirectResponse } from "../lib/http/respond.js";
import { signInPage } from "../pages/signin-page.js";
import { SIGNIN_ERRORS } from "../pages/messages.js";
import { ensureCsrf } from "./csrf.js";
import type { Route } from "./route.js";

export const signinRoute: Route = {
  provider: "optional",
  async GET(state, { providerId }) {
    if (providerId !== undefined) {
      return fail(state, { status: 405, code: "MethodNotAllowed", json: false, headers: { Allow: "POST" } });
    }
    const callbackUrl = safeCallbackParam(state, state.url.searchParams.get("callbackUrl"));
    const error = state.url.searchParams.get("error") ?? undefined;
    if (customPage(state, "signIn") !== undefined) {
      return redirectResponse(signInPageUrl(state, { callbackUrl, error }));
    }
    const { token, cookies } = await ensureCsrf(state);
    return signInPage({
      config: state.config,
      authUrl: state.authUrl,
      host: new URL(state.origin).host,
      csrfToken: token,
      callbackUrl,
      error: error === undefined ? undefined : error in SIGNIN_ERRORS ? error : "Default",
      cookies,
    });
  },
  async POST(state, { providerId, body }) {
    const provider = providerId === undefined ? undefined : state.config.providerById.get(providerId);
    const json = prefersJson(state, body);
    if (provider === undefined) return fail(state, { status: 404, code: "UnknownProvider", json });
    if (provider.type === "credentials") return credentialsSignIn(state, provider, body, json);
    if (provider.type === "email") return emailSignIn(state, provider, body, json);
    return startOAuthSignIn(state, provider, body, json);
  },
};
