/**
 * The ID token's signature, checked with oauth4webapi against the issuer's published keys
 * (OIDC Core §3.1.3.7 item 6), which we download and cache ourselves (see {@link ProviderKeys})
 * so that a key rotation at the IdP never fails a sign-in: a token whose key the cached set lacks
 * gets one newer set before it is refused.
 */
import * as oauth from "oauth4webapi";
import { AuthError } from "../../errors.js";
import { epochSeconds } from "../../lib/clock.js";
import { isPlainObject } from "../../lib/encoding.js";
import type { RequestState } from "../../lib/http/request-state.js";
import type { ResolvedOAuthProvider } from "../../provider-types.js";
import { idTokenHeader } from "./id-token-claims.js";
import { OAUTH_STATE } from "./oauth-state.js";
import { fetchFor, httpOptions } from "./provider-context.js";
import type { JwksDownload } from "./provider-keys.js";
import { isLoopback } from "./server-metadata.js";

function refused(message: string, options?: { cause?: unknown }): AuthError {
  return new AuthError("OAuthCallbackCheck", message, options);
}

/** GET `jwks_uri` (https, or plain http on loopback only), through the IdP fetch. */
function downloader(state: RequestState, provider: ResolvedOAuthProvider, jwksUri: string): JwksDownload {
  return async () => {
    const url = new URL(jwksUri);
    if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.href))) {
      throw refused(`the jwks_uri ${url.href} is not https`);
    }
    const response = await fetchFor(state, provider)(url.href, {
      headers: { accept: "application/json, application/jwk-set+json" },
    });
    if (response.status !== 200) throw refused(`${url.href} answered ${response.status}`);
    const body = (await response.json().catch(() => null)) as unknown;
    if (!isPlainObject(body) || !Array.isArray(body.keys) || !body.keys.every(isPlainObject)) {
      throw refused(`${url.href} is not a JSON Web Key Set`);
    }
    return body as unknown as oauth.JWKS;
  };
}

/**
 * Whether a newer key set could verify a token this one did not: no key matched (a new `kid`),
 * or the token names no key and the only candidate did not verify it.
 */
function keyMayHaveRotated(error: unknown, idToken: string): boolean {
  if (!(error instanceof oauth.OperationProcessingError)) return false;
  if (error.code === oauth.KEY_SELECTION) return true;
  return (
    error.code === oauth.INVALID_RESPONSE && error.message.includes("signature") && !("kid" in idTokenHeader(idToken))
  );
}

/**
 * Checks the signature of the ID token in `tokenResponse`.
 * @throws {AuthError} `OAuthCallbackCheck` (with the oauth4webapi error as `cause`) when no key of
 *   the issuer verifies it.
 */
export async function verifyIdTokenSignature(
  state: RequestState,
  provider: ResolvedOAuthProvider,
  as: oauth.AuthorizationServer,
  tokenResponse: Response,
  idToken: string,
): Promise<void> {
  if (as.jwks_uri === undefined) throw refused("the provider publishes no jwks_uri to check the ID token with");
  const keys = state.runtime.slot(OAUTH_STATE).metadata.keys(provider.id);
  const download = downloader(state, provider, as.jwks_uri);
  const verify = (jwks: oauth.JWKS) =>
    // A copy of `as` each time, so oauth4webapi's own key cache (keyed by that object) never
    // answers instead of ours; `uat` says "just fetched", so it never downloads on its own.
    oauth.validateApplicationLevelSignature({ ...as }, tokenResponse, {
      ...httpOptions(state, provider, as.jwks_uri),
      [oauth.jwksCache]: { jwks, uat: epochSeconds() },
    });
  const cached = await keys.current(state.nowMs, download);
  try {
    await verify(cached);
  } catch (error) {
    if (!keyMayHaveRotated(error, idToken)) throw refused("the ID token's signature does not verify", { cause: error });
    const newer = await keys.newer(cached, state.nowMs, download);
    if (newer === null) {
      throw refused("no key of the provider verifies the ID token (its keys were fetched again just now)", {
        cause: error,
      });
    }
    try {
      await verify(newer);
    } catch (retry) {
      throw refused("no key of the provider verifies the ID token, even after fetching its keys again", {
        cause: retry,
      });
    }
  }
}
