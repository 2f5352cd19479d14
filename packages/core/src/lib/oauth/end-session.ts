/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0), for providers with
 * `logout: true`: signing out here also signs out at the IdP, which then returns the browser
 * to the local destination (registered there as a post_logout_redirect_uri).
 */
import type { JWT } from "../../types.js";
import type { RequestState } from "../http/request-state.js";
import { metadataFor } from "./provider-context.js";

/** The IdP's end-session URL for this token's provider, or `null` to sign out locally only. */
export async function endSessionUrl(state: RequestState, token: JWT | null, returnTo: string): Promise<string | null> {
  const info = token?.oauth;
  if (typeof info !== "object" || info === null) return null;
  const provider = state.config.providerById.get(String((info as { provider?: unknown }).provider));
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
    state.config.logger.error("OAUTH_LOGOUT_ERROR", { provider: provider.id, error });
    return null;
  }
}
