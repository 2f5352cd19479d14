/** The OAuth/OIDC sign-in flow: `POST signin/:id` goes to the provider, `callback/:id` comes back. */
import { fail } from "../../lib/http/fail.js";
import type { ResolvedOAuthProvider } from "../../provider-types.js";
import type { ProviderFlow } from "../feature.js";
import { mergeOAuthOptions } from "./merge-oauth-options.js";
import { resolveOAuthProvider } from "./resolve-oauth-provider.js";
import { oauthCallback } from "./oauth-callback.js";
import { startOAuthSignIn } from "./start-oauth-sign-in.js";

export const oauthFlow: ProviderFlow<ResolvedOAuthProvider> = {
  merge: mergeOAuthOptions,
  resolve: ({ id, name, options }) => resolveOAuthProvider(id, name, options),
  signIn: startOAuthSignIn,
  callbackGet(state, provider) {
    // A HEAD must never redeem an authorization code.
    if (state.request.method === "HEAD") {
      return Promise.resolve(
        fail(state, { status: 405, code: "MethodNotAllowed", json: false, headers: { Allow: "GET" } }),
      );
    }
    return oauthCallback(state, provider, state.url.searchParams);
  },
  callbackPost(state, provider, body) {
    // `response_mode=form_post`: the IdP posts the callback parameters.
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(body)) if (typeof value === "string") params.set(key, value);
    return oauthCallback(state, provider, params);
  },
  // Protected by state, PKCE and nonce; a form_post arrives cross-site by design.
  callbackCsrf: false,
};
