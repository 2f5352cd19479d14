/** What every OAuth step needs for one provider: its metadata, client, authentication and fetch. */
import * as oauth from "oauth4webapi";
import type { RequestState } from "../../lib/http/request-state.js";
import { CLOCK_TOLERANCE } from "../../lib/token.js";
import { idpFetch } from "./idp-fetch.js";
import { OAUTH_STATE } from "./oauth-state.js";
import type { ResolvedOAuthProvider } from "../../provider-types.js";
import { requestOptions } from "./server-metadata.js";

/** The provider's authorization server metadata (cached). */
export function metadataFor(state: RequestState, provider: ResolvedOAuthProvider): Promise<oauth.AuthorizationServer> {
  return state.runtime.slot(OAUTH_STATE).metadata.get(provider, fetchFor(state, provider), state.nowMs);
}

/** The IdP fetch for this provider. */
export function fetchFor(state: RequestState, provider: ResolvedOAuthProvider): typeof fetch {
  return idpFetch(state.runtime.fetch, provider.timeout);
}

/** oauth4webapi's client metadata. */
export function clientFor(provider: ResolvedOAuthProvider): oauth.Client {
  return {
    client_id: provider.clientId,
    ...(provider.idTokenAlg === undefined ? {} : { id_token_signed_response_alg: provider.idTokenAlg }),
    [oauth.clockTolerance]: CLOCK_TOLERANCE,
  };
}

/** How the client authenticates at the token endpoint. */
export function clientAuthFor(provider: ResolvedOAuthProvider): oauth.ClientAuth {
  switch (provider.clientAuth) {
    case "client_secret_post":
      return oauth.ClientSecretPost(provider.clientSecret ?? "");
    case "private_key_jwt":
      return oauth.PrivateKeyJwt(provider.privateKey as { key: CryptoKey; kid?: string });
    case "none":
      return oauth.None();
    default:
      return oauth.ClientSecretBasic(provider.clientSecret ?? "");
  }
}

/** Options for oauth4webapi requests to `url`: our fetch, and plain http only on loopback. */
export function httpOptions(
  state: RequestState,
  provider: ResolvedOAuthProvider,
  url: string | undefined,
): Record<symbol, unknown> {
  return requestOptions(fetchFor(state, provider), url);
}
