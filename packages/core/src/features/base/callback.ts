/**
 * `GET|POST callback/:provider`: where a provider hands the user back — the credentials form
 * post, the email link, or an OAuth/OIDC redirect (GET with a query, or a `form_post` POST from
 * the IdP) — each to the flow of the provider's type.
 */
import { fail, prefersJson } from "../../lib/http/fail.js";
import type { Route } from "../feature.js";
import { brokenProviderResponse } from "./broken-provider.js";

export const callbackRoute: Route = {
  provider: "required",
  // Credentials and email posts carry a CSRF token; OAuth callbacks are protected by state, PKCE
  // and nonce instead, and a form_post arrives cross-site by design.
  csrf: (state, { providerId, flows }) => {
    const type = state.config.providerById.get(providerId ?? "")?.type;
    return type === undefined ? false : (flows.get(type)?.callbackCsrf ?? false);
  },
  async GET(state, { providerId, flows }) {
    const provider = state.config.providerById.get(providerId as string);
    const flow = provider === undefined ? undefined : flows.get(provider.type);
    if (provider === undefined || flow === undefined)
      return (
        brokenProviderResponse(state, providerId, false) ??
        fail(state, { status: 404, code: "UnknownProvider", json: false })
      );
    if (flow.callbackGet === undefined) {
      return fail(state, { status: 405, code: "MethodNotAllowed", json: false, headers: { Allow: "POST" } });
    }
    return flow.callbackGet(state, provider);
  },
  async POST(state, { providerId, body, flows }) {
    const provider = state.config.providerById.get(providerId as string);
    const json = prefersJson(state, body);
    const flow = provider === undefined ? undefined : flows.get(provider.type);
    if (provider === undefined || flow === undefined)
      return (
        brokenProviderResponse(state, providerId, json) ?? fail(state, { status: 404, code: "UnknownProvider", json })
      );
    if (flow.callbackPost === undefined) {
      return fail(state, { status: 405, code: "MethodNotAllowed", json, headers: { Allow: "GET" } });
    }
    return flow.callbackPost(state, provider, body, json);
  },
};
