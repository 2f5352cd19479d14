/**
 * OAuth 2.0, OpenID Connect and OAuth 1.0a sign-in (providers of type "oauth" and "oidc"), on
 * oauth4webapi: discovery, PKCE S256 + state + nonce bound to the provider, RFC 9207 `iss`, full
 * ID-token validation, userinfo, account linking, token refresh and RP-initiated logout.
 */
import type { ResolvedConfig } from "../../lib/config/resolved-config.js";
import { defineFeature } from "../feature.js";
import { OAUTH_ERRORS } from "./errors.js";
import { oauthFlow } from "./flow.js";
import { oauthSessionExtension } from "./session-extension.js";

function oauthProviders(config: ResolvedConfig) {
  return config.providers.filter((provider) => provider.type === "oauth" || provider.type === "oidc");
}

export const oauthFeature = defineFeature({
  name: "oauth",
  enabled: (config) => oauthProviders(config).length > 0,
  flows: { oauth: oauthFlow, oidc: oauthFlow },
  adapterNeeds: (config) =>
    config.session.strategy === "database" &&
    oauthProviders(config).some(
      (provider) => (provider.type === "oauth" || provider.type === "oidc") && provider.refresh,
    )
      ? [{ group: "accounts", why: "token refresh with database sessions" }]
      : [],
  errors: OAUTH_ERRORS,
  session: oauthSessionExtension,
});
