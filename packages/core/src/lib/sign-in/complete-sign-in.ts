/**
 * The last steps of every sign-in, whatever the provider: the `signIn` callback, then (only if
 * it agrees) the database writes the sign-in needs, then the session
 * (through the configured strategy, which runs the `jwt` callback for JWT sessions), the
 * `signIn` event, and the redirect. Providers only establish who the user is; everything after
 * that happens here, once.
 */
import type { Account, Profile, User } from "../../types.js";
import { emitEvent, runCallback } from "../callbacks.js";
import type { SetCookie } from "../cookies/set-cookie.js";
import { SessionTooLargeError } from "../../errors.js";
import { customPage, errorPageUrl, resolveRedirect, signInPageUrl } from "../http/navigation.js";
import type { RequestState } from "../http/request-state.js";
import { redirectOrJson } from "../http/respond.js";
import { safeRedirect } from "../redirect.js";
import { firstFactorMethods } from "../session/authentication.js";
import type { SessionStart } from "../session/strategy.js";

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
  /** Cookies to set (or expire) on every outcome: the cleared OAuth check cookies. */
  cookies?: readonly SetCookie[];
  /**
   * The database writes (create the user, link the account, mark the address verified), run
   * after the `signIn` callback agrees — a refusal writes nothing. Resolves with the stored user.
   */
  persist?: () => Promise<User>;
}

/** Finishes a sign-in; the response carries the session cookie, or says why there is none. */
export async function completeSignIn(state: RequestState, result: SignInResult): Promise<Response> {
  const { config, runtime } = state;
  const { account, profile, isNewUser, json } = result;

  const allowed = await runCallback("signIn", () =>
    config.callbacks.signIn({
      user: result.user,
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

  const user = result.persist === undefined ? result.user : await result.persist();
  // An account that names its user (email's) names the stored one.
  const stored = account.userId === undefined ? account : { ...account, userId: user.id };
  const start: SessionStart = {
    user,
    account: stored,
    ...(profile === undefined ? {} : { profile }),
    isNewUser,
    authentication: { at: state.nowMs, amr: firstFactorMethods(account) },
  };
  const finish = { landing: await landing(state, result), json, cookies: result.cookies ?? [] };
  // A feature may hold the sign-in back (a second factor is due): then no session exists yet.
  for (const extension of runtime.extensions) {
    const held = await extension.gateSignIn?.(state, { ...start, ...finish });
    if (held !== undefined && held !== null) return held;
  }
  return issueSession(state, start, finish);
}

/** Where a finished sign-in goes, and what it sets on every outcome. */
export interface SignInFinish {
  landing: string;
  json: boolean;
  cookies: readonly SetCookie[];
}

/**
 * Issues the session of a sign-in that passed every check (the `signIn` callback, and any gate),
 * emits the `signIn` event, and sends the browser on.
 */
export async function issueSession(state: RequestState, start: SessionStart, finish: SignInFinish): Promise<Response> {
  const { runtime } = state;
  const { json } = finish;
  let session: Awaited<ReturnType<typeof runtime.strategy.issue>>;
  try {
    session = await runtime.strategy.issue(state, start);
  } catch (error) {
    // Cookies that big would break the browser's next request: no session, and a clear code.
    if (!(error instanceof SessionTooLargeError)) throw error;
    runtime.logger.error("SessionTooLarge", error);
    return redirectOrJson(json, signInPageUrl(state, { error: "SessionTooLarge" }), finish.cookies, 400);
  }
  if (session === null) {
    return redirectOrJson(json, errorPageUrl(state, "AccessDenied"), finish.cookies, 403);
  }
  const { user, account, profile, isNewUser } = start;
  await emitEvent(runtime, "signIn", { user, account, ...(profile === undefined ? {} : { profile }), isNewUser });
  return redirectOrJson(json, finish.landing, [...finish.cookies, ...session]);
}

/** Where a sign-in ends: `pages.newUser` for a new user (with the callbackUrl), else the callbackUrl. */
async function landing(state: RequestState, result: SignInResult): Promise<string> {
  const target = await resolveRedirect(state, result.callbackUrl);
  const newUser = result.isNewUser ? customPage(state, "newUser") : undefined;
  if (newUser === undefined) return target;
  newUser.searchParams.set("callbackUrl", target);
  return newUser.href;
}
