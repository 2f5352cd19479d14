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
import type { TokenSet } from "../../provider-types.js";
import { expiredCookie, type SetCookie } from "../../lib/cookies/set-cookie.js";
import { signInPageUrl } from "../../lib/http/navigation.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { redirectResponse } from "../../lib/http/respond.js";
import type { ResolvedOAuthProvider } from "../../provider-types.js";
import type { CurrentUser } from "../../lib/session/strategy.js";
import { planAccountWithAdapter, type AccountPlan, type EmailVouch } from "../../lib/sign-in/account-users.js";
import { completeSignIn } from "../../lib/sign-in/complete-sign-in.js";

/** JWT sessions without a database: no store to consult, nothing to write. */
export function resolveAccountUser(
  current: CurrentUser | null,
  user: User,
  account: Account,
): { user: User; isNewUser: boolean } {
  if (current !== null) {
    // Signed in: the new account joins the current user.
    return {
      user: {
        ...user,
        id: current.id,
        name: typeof current.name === "string" ? current.name : (user.name ?? null),
        email: typeof current.email === "string" ? current.email : (user.email ?? null),
        image: typeof current.image === "string" ? current.image : (user.image ?? null),
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

/**
 * Whether the provider vouches for the profile's email: OpenID Connect's `email_verified`
 * (Apple sends it as a string). No claim vouches for nothing.
 */
function emailVouch(profile: Profile): EmailVouch {
  const claim = (profile as { email_verified?: unknown }).email_verified;
  if (claim === true || claim === "true") return true;
  if (claim === false || claim === "false") return false;
  return undefined;
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

  let outcome: AccountPlan | { user: User; isNewUser: boolean };
  if (state.runtime.adapter === undefined) {
    const current = await state.runtime.strategy.currentUser(state).catch(() => null);
    outcome = resolveAccountUser(current, result.user, account);
  } else {
    outcome = await planAccountWithAdapter(
      state,
      result.user,
      account,
      provider.allowDangerousEmailAccountLinking,
      emailVouch(result.profile),
    );
  }
  if ("error" in outcome) return redirectResponse(signInPageUrl(state, { error: outcome.error }), cookies);

  return completeSignIn(state, {
    user: outcome.user,
    ...("persist" in outcome ? { persist: outcome.persist } : {}),
    account,
    profile: result.profile,
    isNewUser: outcome.isNewUser,
    callbackUrl: state.cookies.get(callbackCookie.name),
    json: false,
    cookies,
  });
}
