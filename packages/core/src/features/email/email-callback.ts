/**
 * The link from the email. Opening it (`GET`, or a mail scanner's `HEAD`) consumes nothing: it
 * shows a page with one button, which posts the token back with a CSRF token. Only that `POST`
 * uses the token — once, atomically — and signs in.
 */
import type { Account } from "../../types.js";
import { ensureCsrf } from "../../lib/csrf.js";
import { errorPageUrl, safeCallbackParam } from "../../lib/http/navigation.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { redirectOrJson } from "../../lib/http/respond.js";
import type { Body } from "../../lib/http/read-body.js";
import { withAdapter } from "../../lib/adapter-call.js";
import { createUserWithAccount } from "../../lib/sign-in/account-users.js";
import { completeSignIn } from "../../lib/sign-in/complete-sign-in.js";
import { emitEvent } from "../../lib/callbacks.js";
import { emailConfirmPage } from "./confirm-page.js";
import { emailIdentifier } from "./email-sign-in.js";
import type { ResolvedEmailProvider } from "../../provider-types.js";
import { verificationHashes } from "./verification-token.js";

/** `GET callback/email?token&email`: the confirmation page. */
export async function emailConfirm(state: RequestState, provider: ResolvedEmailProvider): Promise<Response> {
  const params = state.url.searchParams;
  const email = emailIdentifier(provider, params.get("email"));
  const token = params.get("token");
  if (email === null || token === null || token.length > 512)
    return redirectOrJson(false, errorPageUrl(state, "Verification"));
  const csrf = await ensureCsrf(state);
  return state.runtime.pages.page(
    state,
    emailConfirmPage({
      action: `${state.authUrl}/callback/${encodeURIComponent(provider.id)}`,
      csrfToken: csrf.token,
      email,
      token,
      callbackUrl: safeCallbackParam(state, params.get("callbackUrl")),
      host: new URL(state.origin).host,
      cookies: csrf.cookies,
    }),
  );
}

/** `POST callback/email`: use the token (once) and sign in. */
export async function emailVerify(
  state: RequestState,
  provider: ResolvedEmailProvider,
  body: Body,
  json: boolean,
): Promise<Response> {
  const { runtime } = state;
  const email = emailIdentifier(provider, body.email);
  const token = body.token;
  const refuse = (): Response => redirectOrJson(json, errorPageUrl(state, "Verification"), [], 403);
  if (email === null || typeof token !== "string" || token === "" || token.length > 512) return refuse();

  let used = null;
  for (const hash of await verificationHashes(runtime, token)) {
    used = await withAdapter(runtime, "useVerificationToken", (adapter) =>
      adapter.useVerificationToken({ identifier: email, token: hash }),
    );
    if (used !== null) break;
  }
  if (used === null || used.expires.getTime() <= state.nowMs) return refuse();

  const account: Account = { provider: provider.id, type: "email", providerAccountId: email };
  const now = new Date(state.nowMs);
  let user = await withAdapter(runtime, "getUserByEmail", (adapter) => adapter.getUserByEmail(email));
  let isNewUser = false;
  if (user === null) {
    // A new address is a new user, even for a browser that is signed in: giving the signed-in
    // user this address would let whoever owns it sign in to their account afterwards.
    user = await createUserWithAccount(state, { email, emailVerified: now, name: null, image: null }, account);
    isNewUser = true;
  } else if (user.emailVerified === null) {
    const id = user.id;
    user = await withAdapter(runtime, "updateUser", (adapter) => adapter.updateUser({ id, emailVerified: now }));
    await emitEvent(runtime, "updateUser", { user: user });
  }
  return completeSignIn(state, {
    user: user,
    account: { ...account, userId: user.id },
    isNewUser,
    callbackUrl: safeCallbackParam(state, body.callbackUrl),
    json,
  });
}
