/**
 * Built-in refresh of a provider's access token (RFC 6749 §6), for providers with
 * `refresh: true`. It runs when a session is read and the access token is about to expire:
 * single-flight per refresh token, so parallel requests refresh once, and the outcome answers for
 * that refresh token for a minute, so requests still carrying the pre-rotation cookie reuse it instead of spending a
 * rotated-away refresh token. A failed refresh leaves `error: "RefreshAccessTokenError"` on the
 * token and the session, so the client can send the user to sign in again.
 */
import * as oauth from "oauth4webapi";
import type { AdapterAccount } from "../../adapter.js";
import type { JWT } from "../../types.js";
import { withAdapter } from "../../lib/adapter-call.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { clientAuthFor, clientFor, httpOptions, metadataFor } from "./provider-context.js";
import type { ResolvedOAuthProvider } from "../../provider-types.js";
import { OAUTH_STATE } from "./oauth-state.js";
import type { StoredProviderTokens } from "./refresh-flights.js";

/** Refresh this many seconds before the access token actually expires. */
const MARGIN_SECONDS = 30;

function stored(token: JWT): StoredProviderTokens | null {
  const value = token.oauth;
  if (typeof value !== "object" || value === null) return null;
  const tokens = value as StoredProviderTokens;
  return typeof tokens.provider === "string" ? tokens : null;
}

/** Whether tokens expiring at `expiresAt` (seconds) should be refreshed now. */
function due(state: RequestState, expiresAt: number): boolean {
  return expiresAt - MARGIN_SECONDS <= Math.floor(state.nowMs / 1000);
}

/** The provider, if it is configured and asks for refresh. */
export function refreshingProvider(state: RequestState, id: string): ResolvedOAuthProvider | null {
  const provider = state.config.providerById.get(id);
  return provider !== undefined && (provider.type === "oauth" || provider.type === "oidc") && provider.refresh
    ? provider
    : null;
}

/**
 * New tokens from the provider's token endpoint, single-flight per refresh token; `null` when
 * the provider refuses (logged). A provider that rotates nothing keeps the old refresh token.
 */
function requestRefresh(
  state: RequestState,
  provider: ResolvedOAuthProvider,
  refreshToken: string,
): Promise<StoredProviderTokens | null> {
  const nowSeconds = Math.floor(state.nowMs / 1000);
  return state.runtime.slot(OAUTH_STATE).flights.run(`${provider.id}\u0000${refreshToken}`, state.nowMs, async () => {
    try {
      const as = await metadataFor(state, provider);
      const client = clientFor(provider);
      const response = await oauth.refreshTokenGrantRequest(
        as,
        client,
        clientAuthFor(provider),
        refreshToken,
        httpOptions(state, provider, as.token_endpoint),
      );
      const result = await oauth.processRefreshTokenResponse(as, client, response);
      return {
        provider: provider.id,
        access_token: result.access_token,
        refresh_token: result.refresh_token ?? refreshToken,
        ...(typeof result.expires_in === "number" ? { expires_at: nowSeconds + result.expires_in } : {}),
      };
    } catch (error) {
      state.runtime.logger.error("OAUTH_REFRESH_ERROR", { provider: provider.id, error });
      return null;
    }
  });
}

/** Refreshes the provider tokens in `token` if they are due; `changed` when the token was updated. */
export async function refreshIfDue(state: RequestState, token: JWT): Promise<{ token: JWT; changed: boolean }> {
  const tokens = stored(token);
  if (tokens?.refresh_token === undefined || typeof tokens.expires_at !== "number") return { token, changed: false };
  if (!due(state, tokens.expires_at)) return { token, changed: false };
  const provider = refreshingProvider(state, tokens.provider);
  if (provider === null) return { token, changed: false };
  const next = await requestRefresh(state, provider, tokens.refresh_token);
  if (next === null) return { token: { ...token, error: "RefreshAccessTokenError" }, changed: true };
  const { error: _error, ...rest } = token;
  return { token: { ...rest, oauth: next }, changed: true };
}

/**
 * Database sessions: refreshes an account's access token if it is due and stores the rotated
 * tokens in the account row (parallel requests share one refresh). `failed` when the provider
 * refused; the account is then returned as it was.
 */
export async function refreshAccountIfDue(
  state: RequestState,
  provider: ResolvedOAuthProvider,
  account: AdapterAccount,
): Promise<{ account: AdapterAccount; failed: boolean }> {
  const refreshToken = account.refresh_token;
  const expiresAt = account.expires_at;
  if (typeof refreshToken !== "string" || typeof expiresAt !== "number" || !due(state, expiresAt)) {
    return { account, failed: false };
  }
  const next = await requestRefresh(state, provider, refreshToken);
  if (next === null) return { account, failed: true };
  const changes = {
    provider: account.provider,
    providerAccountId: account.providerAccountId,
    ...(next.access_token === undefined ? {} : { access_token: next.access_token }),
    ...(next.refresh_token === undefined ? {} : { refresh_token: next.refresh_token }),
    ...(next.expires_at === undefined ? {} : { expires_at: next.expires_at }),
  };
  const updated = await withAdapter(state.runtime, "updateAccount", (adapter) => adapter.updateAccount(changes));
  return { account: updated ?? { ...account, ...changes }, failed: false };
}
