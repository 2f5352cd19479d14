/**
 * The last steps of every sign-in, whatever the provider: the `signIn` callback, the token and
 * the `jwt` callback, the session cookie, the `signIn` event, and the redirect. Providers only
 * establish who the user is; everything after that happens here, once.
 */
import type { Account, JWT, Profile, User } from "../../types.js";
import { emitEvent, runCallback } from "../callbacks.js";
import type { SetCookie } from "../cookies/set-cookie.js";
import { customPage, errorPageUrl, resolveRedirect } from "../http/navigation.js";
import { createDatabaseSession } from "../session/database-session.js";
import type { RequestState } from "../http/request-state.js";
import { redirectOrJson } from "../http/respond.js";
import { safeRedirect } from "../redirect.js";
import { readStoredToken, revokedKey, writeSessionCookies } from "../session/jwt-session.js";

/** Who signed in, and how. */
export interface SignInResult {
  user: User;
  account: Account;
  profile?: Profile;
  isNewUser: boolean;
  credentials?: Record<string, string>;
  /** Where to go afterwards, as the client asked (checked before use). */
  callbackUrl: unknown;
  json: boolean;
  /** Claims to start the token with, beside next-auth's defaults (provider tokens for refresh). */
  claims?: Record<string, unknown>;
  /** Cookies to set (or expire) on every outcome: the cleared OAuth check cookies. */
  cookies?: readonly SetCookie[];
}

/** Finishes a sign-in; the response carries the session cookie, or says why there is none. */
export async function completeSignIn(state: RequestState, result: SignInResult): Promise<Response> {
  const { config } = state;
  const { user, account, profile, isNewUser, json } = result;

  const allowed = await runCallback("signIn", () =>
    config.callbacks.signIn({
      user,
      account,
      ...(profile === undefined ? {} : { profile }),
      ...(result.credentials === undefined ? {} : { credentials: result.credentials }),
    }),
  );
  if (allowed !== true) {
    const target = typeof allowed === "string" ? safeRedirect(allowed, state.origin) : null;
    return redirectOrJson(
      json,
      target ?? errorPageUrl(state, "AccessDenied"),
      result.cookies ?? [],
      target === null ? 403 : 200,
    );
  }

  if (config.session.strategy === "database") {
    const idp = config.providerById.get(account.provider);
    const remember = idp !== undefined && (idp.type === "oauth" || idp.type === "oidc") && (idp.logout || idp.refresh);
    const hint = remember ? { provider: account.provider, providerAccountId: account.providerAccountId } : null;
    const cookies = [...(result.cookies ?? []), ...(await createDatabaseSession(state, user.id, hint))];
    await emitEvent(config, "signIn", { user, account, ...(profile === undefined ? {} : { profile }), isNewUser });
    return redirectOrJson(json, await landing(state, result), cookies);
  }

  const initial = { ...result.claims, ...initialToken(user) };
  const token = await runCallback("jwt", () =>
    config.callbacks.jwt({
      token: initial,
      user,
      account,
      ...(profile === undefined ? {} : { profile }),
      trigger: isNewUser ? "signUp" : "signIn",
      isNewUser,
    }),
  );
  if (token === null || typeof token !== "object") {
    return redirectOrJson(json, errorPageUrl(state, "AccessDenied"), result.cookies ?? [], 403);
  }

  const previous = await readStoredToken(state).catch(() => null);
  if (typeof previous?.token?.jti === "string") await revoke(state, previous.token.jti, previous.token.exp);
  const cookies: SetCookie[] = [
    ...(result.cookies ?? []),
    ...(await writeSessionCookies(state, token, previous?.read.names ?? [])),
  ];

  await emitEvent(config, "signIn", { user, account, ...(profile === undefined ? {} : { profile }), isNewUser });
  return redirectOrJson(json, await landing(state, result), cookies);
}

/** Where a sign-in ends: `pages.newUser` for a new user (with the callbackUrl), else the callbackUrl. */
async function landing(state: RequestState, result: SignInResult): Promise<string> {
  const target = await resolveRedirect(state, result.callbackUrl);
  const newUser = result.isNewUser ? customPage(state, "newUser") : undefined;
  if (newUser === undefined) return target;
  newUser.searchParams.set("callbackUrl", target);
  return newUser.href;
}

/** next-auth's starting token: name, email, picture and `sub`, where the user has them. */
function initialToken(user: User): JWT {
  const token: JWT = {};
  if (user.name !== undefined) token.name = user.name;
  if (user.email !== undefined) token.email = user.email;
  if (user.image !== undefined) token.picture = user.image;
  if (typeof user.id === "string" && user.id.length > 0) token.sub = user.id;
  return token;
}

/** Remembers a token id as signed out until the token would have expired. */
export async function revoke(state: RequestState, jti: string, exp: unknown): Promise<void> {
  const seconds = typeof exp === "number" ? exp - Math.floor(state.nowMs / 1000) : state.config.jwt.maxAge;
  if (seconds <= 0) return;
  try {
    await state.config.store.set(revokedKey(jti), "1", (seconds + 60) * 1000);
  } catch (error) {
    state.config.logger.error("REVOCATION_STORE_ERROR", error);
  }
}
