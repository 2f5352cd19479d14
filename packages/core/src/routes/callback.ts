/**
 * `GET|POST callback/:provider`: where a provider hands the user back — the credentials form
 * post, or an OAuth/OIDC redirect (GET with a query, or a `form_post` POST from the IdP).
 */
import { fail, prefersJson } from "../lib/http/fail.js";
import { emailConfirm, emailVerify } from "../lib/email/email-callback.js";
import { oauthCallback } from "../lib/oauth/oauth-callback.js";
import { credentialsSignIn } from "../lib/sign-in/credentials-sign-in.js";
import type { Route } from "./route.js";

export const callbackRoute: Route = {
  provider: "required",
  // Credentials posts carry a CSRF token; OAuth callbacks are protected by state, PKCE and nonce
  // instead, and a form_post arrives cross-site by design.
  csrf: (state, providerId) => {
    const type = state.config.providerById.get(providerId ?? "")?.type;
    return type === "credentials" || type === "email";
  },
  async GET(state, { providerId }) {
    const provider = state.config.providerById.get(providerId as string);
    if (provider === undefined) return fail(state, { status: 404, code: "UnknownProvider", json: false });
    if (provider.type === "credentials") {
      return fail(state, { status: 405, code: "MethodNotAllowed", json: false, headers: { Allow: "POST" } });
    }
    if (provider.type === "email") return emailConfirm(state, provider);
    // A HEAD must never redeem an authorization code.
    if (state.request.method === "HEAD") {
      return fail(state, { status: 405, code: "MethodNotAllowed", json: false, headers: { Allow: "GET" } });
    }
    return oauthCallback(state, provider, state.url.searchParams);
  },
  async POST(state, { providerId, body }) {
    const provider = state.config.providerById.get(providerId as string);
    const json = prefersJson(state, body);
    if (provider === undefined) return fail(state, { status: 404, code: "UnknownProvider", json });
    if (provider.type === "credentials") return credentialsSignIn(state, provider, body, json);
    if (provider.type === "email") return emailVerify(state, provider, body, json);
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(body)) if (typeof value === "string") params.set(key, value);
    return oauthCallback(state, provider, params);
  },
};
