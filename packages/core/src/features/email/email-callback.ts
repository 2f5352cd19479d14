/**
 * The link from the email. Opened in the browser that asked for it (it holds the link's binding
 * cookie, see lib/mail/link-binding.ts), a `GET` uses the token at once and signs in; an unknown, used or
 * expired token there goes straight to the error page. Opened anywhere else — another device, a
 * mail scanner — it consumes nothing: a page with one button posts the token back with a CSRF
 * token, and only that `POST` uses the token, once, atomically. A `HEAD` never uses it.
 */
import type { AdapterUser } from "../../adapter.js";
import type { Account, User } from "../../types.js";
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
import { askedHere } from "../../lib/mail/link-binding.js";
import type { ResolvedEmailProvider } from "../../provider-types.js";
import { verificationHashes } from "./verification-token.js";

/** `GET callback/email?token&email`: signs in the asking browser, else the confirmation page. */
export async function emailConfirm(state: RequestState, provider: ResolvedEmailProvider): Promise<Response> {
  const params = state.url.searchParams;
  const email = emailIdentifier(provider, params.get("email"));
  const token = params.get("token");
  if (email === null || token === null || token === "" || token.length > 512)
    return redirectOrJson(false, errorPageUrl(state, "Verification"));
  // A HEAD (link preview, scanner) never uses the token, whatever cookies it carries.
  if (state.request.method !== "HEAD" && (await askedHere(state, email, token))) {
    const callbackUrl = params.get("callbackUrl");
    return useLink(state, provider, { email, token, callbackUrl, json: false });
  }
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
  const email = emailIdentifier(provider, body.email);
  const token = body.token;
  if (email === null || typeof token !== "string" || token === "" || token.length > 512)
    return redirectOrJson(json, errorPageUrl(state, "Verification"), [], 403);
  return useLink(state, provider, { email, token, callbackUrl: body.callbackUrl, json });
}

/** Uses the link's token (once, atomically) and signs its address in. */
async function useLink(
  state: RequestState,
  provider: ResolvedEmailProvider,
  link: { email: string; token: string; callbackUrl: unknown; json: boolean },
): Promise<Response> {
  const { runtime } = state;
  const { email, token, json } = link;
  const refuse = (): Response => redirectOrJson(json, errorPageUrl(state, "Verification"), [], 403);

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
  const user = await withAdapter(runtime, "getUserByEmail", (adapter) => adapter.getUserByEmail(email));
  const current = user === null ? null : await runtime.strategy.currentUser(state).catch(() => null);
  // A new address is a new user, even for a browser that is signed in: giving the signed-in
  // user this address would let whoever owns it sign in to their account afterwards.
  const fresh = { email, emailVerified: now, name: null, image: null };
  const createFresh = (): Promise<User> => createUserWithAccount(state, fresh, account);
  let plan: { user: User; isNewUser: boolean; persist: () => Promise<User> };
  if (user === null) {
    plan = { user: { ...fresh, id: email }, isNewUser: true, persist: createFresh };
  } else if (user.emailVerified !== null) {
    plan = { user, isNewUser: false, persist: () => Promise.resolve(user) };
  } else if (current?.id === user.id) {
    // The user proves the address from their own session: it is theirs now.
    plan = { user, isNewUser: false, persist: () => markVerified(state, user.id, now) };
  } else {
    // Account pre-hijacking: nobody ever proved this user owns the address (it came from a
    // provider that did not vouch for it, or from `authorize`), and whoever created it may hold
    // another way in. The address's owner gets a user of their own; the other loses the address.
    plan = {
      user: { ...fresh, id: email },
      isNewUser: true,
      persist: async () => {
        await updateUser(state, { id: user.id, email: null });
        return createFresh();
      },
    };
  }
  return completeSignIn(state, {
    ...plan,
    account: { ...account, userId: plan.user.id },
    callbackUrl: safeCallbackParam(state, link.callbackUrl),
    json,
  });
}

async function updateUser(state: RequestState, fields: Partial<AdapterUser> & { id: string }): Promise<User> {
  const user = await withAdapter(state.runtime, "updateUser", (adapter) => adapter.updateUser(fields));
  await emitEvent(state.runtime, "updateUser", { user });
  return user;
}

function markVerified(state: RequestState, id: string, now: Date): Promise<User> {
  return updateUser(state, { id, emailVerified: now });
}
