/**
 * What OAuth adds to the session life cycle, for providers with `refresh: true` or
 * `logout: true`: their tokens ride in the session (the JWT, or the account row with database
 * sessions), access tokens are refreshed when a session is read, and signing out also signs out
 * at the identity provider.
 */
import { withAdapter } from "../../lib/adapter-call.js";
import type { RequestState } from "../../lib/http/request-state.js";
import type { SessionExtension } from "../../lib/session/session-extension.js";
import type { ResolvedOAuthProvider } from "../../provider-types.js";
import type { Account } from "../../types.js";
import { endSessionUrl } from "./end-session.js";
import { refreshAccountIfDue, refreshIfDue, refreshingProvider } from "./refresh.js";

function keepsTokens(state: RequestState, account: Account): ResolvedOAuthProvider | null {
  const provider = state.config.providerById.get(account.provider);
  return provider !== undefined &&
    (provider.type === "oauth" || provider.type === "oidc") &&
    (provider.refresh || provider.logout)
    ? provider
    : null;
}

export const oauthSessionExtension: SessionExtension = {
  signInClaims(state, account) {
    const provider = keepsTokens(state, account);
    if (provider === null) return {};
    return {
      oauth: {
        provider: provider.id,
        ...(provider.refresh
          ? { access_token: account.access_token, refresh_token: account.refresh_token, expires_at: account.expires_at }
          : {}),
      },
    };
  },
  rememberAccount: (state, account) => keepsTokens(state, account) !== null,
  refreshToken: refreshIfDue,
  async sessionAccount(state, userId, hint) {
    const provider = refreshingProvider(state, hint.provider);
    if (provider === null) return null;
    const found = await withAdapter(state.runtime, "getAccount", (adapter) =>
      adapter.getAccount(hint.providerAccountId, hint.provider),
    );
    // Only the session's own user's account: the cookie is a hint, not a credential.
    if (found === null || found.userId !== userId) return null;
    return refreshAccountIfDue(state, provider, found);
  },
  signOutUrl: endSessionUrl,
};
