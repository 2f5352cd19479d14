/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0), for providers with
 * `logout: true`: signing out here also signs out at the IdP, which then returns the browser
 * to the local destination (registered there as a post_logout_redirect_uri).
 */
import type { RequestState } from "../../lib/http/request-state.js";
import { metadataFor } from "./provider-context.js";

/** The IdP's end-session URL for `providerId`, or `null` to sign out locally only. */
export async function endSessionUrl(state: RequestState, providerId: string, returnTo: string): Promise<string | null> {
  const provider = state.config.providerById.get(providerId);
  if (provider === undefined || (provider.type !== "oauth" && provider.type !== "oidc") || !provider.logout)
    return null;
  try {
    const as = await metadataFor(state, provider);
    if (as.end_session_endpoint === undefined) return null;
    const url = new URL(as.end_session_endpoint);
    url.searchParams.set("client_id", provider.clientId);
    url.searchParams.set("post_logout_redirect_uri", returnTo);
    return url.href;
  } catch (error) {
    state.runtime.logger.error("OAUTH_LOGOUT_ERROR", { provider: provider.id, error });
    return null;
  }
}
