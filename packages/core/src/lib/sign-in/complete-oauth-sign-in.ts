/**
 * After an OAuth/OIDC provider has said who the user is: decide which user this account belongs
 * to (next-auth's linking rules, in one place for every session strategy), then finish the
 * sign-in. A user is keyed by provider + provider account id, so two providers that both say
 * `sub: "123"` are two users.
 *
 * With JWT sessions and no database there is nothing to look an email up in: a signed-out
 * sign-in is the account's own user (`"<provider>:<account id>"`), and a signed-in user who
 * signs in with another provider stays who they are. The database strategy adds the email rule
 * (`OAuthAccountNotLinked` unless `allowDangerousEmailAccountLinking`).
 */
import type { Account, Profile, User } from "../../types.js";
import type { TokenSet } from "../../oauth-types.js";
import { expiredCookie, type SetCookie } from "../cookies/set-cookie.js";
import { signInPageUrl } from "../http/navigation.js";
import type { RequestState } from "../http/request-state.js";
import { redirectResponse } from "../http/respond.js";
import type { ResolvedOAuthProvider } from "../oauth/resolve-oauth-provider.js";
import { readStoredToken } from "../session/jwt-session.js";
import { resolveAccountWithAdapter, type AccountOutcome } from "./account-users.js";
import { completeSignIn } from "./complete-sign-in.js";

/** The user for `account`, given who (if anyone) is signed in. JWT strategy: no store to consult. */
/** JWT sessions without a database: no store to consult. */
export function resolveAccountUser(
  current: { sub?: unknown; name?: unknown; email?: unknown; picture?: unknown } | null,
  user: User,
  account: Account,
): AccountOutcome {
  if (current !== null && typeof current.sub === "string" && current.sub !== "") {
    // Signed in: the new account joins the current user.
    return {
      user: {
        ...user,
        id: current.sub,
        name: typeof current.name === "string" ? current.name : (user.name ?? null),
        email: typeof current.email === "string" ? current.email : (user.email ?? null),
        image: typeof current.picture === "string" ? current.picture : (user.image ?? null),
      },
      isNewUser: false,
    };
  }
  return { user: { ...user, id: `${account.provider}:${account.providerAccountId}` }, isNewUser: false };
}

function accountFor(provider: ResolvedOAuthProvider, providerAccountId: string, tokens: TokenSet): Account {
  const account: Account = { provider: provider.id, type: provider.type, providerAccountId };
  for (const key of [
    "access_token",
    "token_type",
    "id_token",
    "refresh_token",
    "scope",
    "session_state",
    "oauth_token",
    "oauth_token_secret",
  ] as const) {
    const value = tokens[key];
    if (typeof value === "string") account[key] = value;
  }
  if (typeof tokens.expires_at === "number") account.expires_at = tokens.expires_at;
  return account;
}

/** Finishes an OAuth sign-in: linking, the session, the redirect. */
export async function completeOAuthSignIn(
  state: RequestState,
  provider: ResolvedOAuthProvider,
  result: { user: User; profile: Profile; tokens: TokenSet },
  clearedChecks: readonly SetCookie[],
): Promise<Response> {
  const account = accountFor(provider, result.user.id, result.tokens);
  const callbackCookie = state.cookieNames.callbackUrl;
  const cookies: SetCookie[] = [...clearedChecks];
  if (state.cookies.has(callbackCookie.name)) cookies.push(expiredCookie(callbackCookie.name, callbackCookie.options));

  let outcome: AccountOutcome;
  if (state.config.adapter === undefined) {
    const current = await readStoredToken(state)
      .then((stored) => stored.token)
      .catch(() => null);
    outcome = resolveAccountUser(current, result.user, account);
  } else {
    outcome = await resolveAccountWithAdapter(state, result.user, account, provider.allowDangerousEmailAccountLinking);
  }
  if ("error" in outcome) return redirectResponse(signInPageUrl(state, { error: outcome.error }), cookies);

  const claims: Record<string, unknown> = {};
  if (provider.refresh || provider.logout) {
    claims.oauth = {
      provider: provider.id,
      ...(provider.refresh
        ? { access_token: account.access_token, refresh_token: account.refresh_token, expires_at: account.expires_at }
        : {}),
    };
  }
  return completeSignIn(state, {
    user: outcome.user,
    account,
    profile: result.profile,
    isNewUser: outcome.isNewUser,
    callbackUrl: state.cookies.get(callbackCookie.name),
    json: false,
    claims,
    cookies,
  });
}
