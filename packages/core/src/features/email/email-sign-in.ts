/**
 * `POST signin/:email-provider`: validate the address first (a 400 and nothing sent for a bad
 * one), rate-limit, ask the `signIn` callback, then store the token's keyed hash and only then
 * send the link. If sending fails the stored token is removed and the user sees a clean error.
 * The answer does not depend on whether the address has an account.
 */
import type { Account, User } from "../../types.js";
import { runCallback } from "../../lib/callbacks.js";
import type { SetCookie } from "../../lib/cookies/set-cookie.js";
import { customPage, errorPageUrl, safeCallbackParam } from "../../lib/http/navigation.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { redirectOrJson } from "../../lib/http/respond.js";
import type { Body } from "../../lib/http/read-body.js";
import { countEmailRequest } from "../../lib/rate-limit.js";
import { safeRedirect } from "../../lib/redirect.js";
import { withAdapter } from "../../lib/adapter-call.js";
import { signInFailure } from "../../lib/sign-in/sign-in-failure.js";
import { deliverToDevMailbox } from "../../lib/mail/dev-mailbox.js";
import { sendMail } from "../../lib/mail/send-mail.js";
import { signInEmail } from "./default-email.js";
import { normalizeEmail } from "../../lib/identity/email-address.js";
import type { ResolvedEmailProvider } from "../../provider-types.js";
import { bindLink } from "../../lib/mail/link-binding.js";
import { newVerificationToken, verificationHashes } from "./verification-token.js";

/** Gatehouse's strict validation, then the app's `normalizeIdentifier`, validated again. */
export function emailIdentifier(provider: ResolvedEmailProvider, raw: unknown): string | null {
  const first = normalizeEmail(raw);
  if ("problem" in first) return null;
  if (provider.normalizeIdentifier === undefined) return first.email;
  const custom = normalizeEmail(provider.normalizeIdentifier(first.email));
  return "problem" in custom ? null : custom.email;
}

/** Starts an email sign-in. */
export async function emailSignIn(
  state: RequestState,
  provider: ResolvedEmailProvider,
  body: Body,
  json: boolean,
): Promise<Response> {
  const { config, runtime } = state;
  const email = emailIdentifier(provider, body.email);
  if (email === null) {
    // The built-in page comes back with a 400 and the error; the address is not echoed.
    return signInFailure(state, json, { status: 400, code: "EmailSignin" }, { callbackUrl: body.callbackUrl });
  }

  const limit = await countEmailRequest(state, provider.id, email);
  if (limit.limited) {
    const headers = { "Retry-After": String(limit.retryAfter) };
    return signInFailure(state, json, { status: 429, code: "RateLimited", headers }, { callbackUrl: body.callbackUrl });
  }

  const user: User = { id: email, email };
  const account: Account = { provider: provider.id, type: "email", providerAccountId: email };
  const allowed = await runCallback("signIn", () =>
    config.callbacks.signIn({ user, account, email: { verificationRequest: true } }),
  );
  if (allowed !== true) {
    // A URL from the callback is followed only on this site, as after every other sign-in.
    const target = typeof allowed === "string" ? safeRedirect(allowed, state.origin) : null;
    return redirectOrJson(json, target ?? errorPageUrl(state, "AccessDenied"), [], target === null ? 403 : 200);
  }

  const token = (await provider.generateVerificationToken?.()) ?? newVerificationToken();
  const expires = new Date(state.nowMs + provider.maxAge * 1000);
  const [hash] = await verificationHashes(runtime, token);
  await withAdapter(runtime, "createVerificationToken", (adapter) =>
    adapter.createVerificationToken({ identifier: email, token: hash as string, expires }),
  );

  const link = new URL(`${state.authUrl}/callback/${encodeURIComponent(provider.id)}`);
  link.searchParams.set("token", token);
  link.searchParams.set("email", email);
  const callbackUrl = safeCallbackParam(state, body.callbackUrl);
  if (callbackUrl !== undefined) link.searchParams.set("callbackUrl", callbackUrl);
  const params = {
    identifier: email,
    url: link.href,
    expires,
    token,
    theme: config.theme,
    request: state.request,
    provider: {
      id: provider.id,
      name: provider.name,
      server: provider.server,
      from: provider.from,
      maxAge: provider.maxAge,
    },
  };
  try {
    if (provider.sendVerificationRequest !== undefined) await provider.sendVerificationRequest(params);
    else if (provider.server !== undefined)
      await sendMail(state, provider.server, { to: email, from: provider.from, ...signInEmail(params) });
    else deliverToDevMailbox(state, { to: email, subject: "Sign-in link", url: link.href });
  } catch (error) {
    runtime.logger.error("EMAIL_SEND_ERROR", { provider: provider.id, error });
    await withAdapter(runtime, "useVerificationToken", (adapter) =>
      adapter.useVerificationToken({ identifier: email, token: hash as string }),
    ).catch(() => null);
    return signInFailure(state, json, { status: 502, code: "EmailSignin" }, { callbackUrl: body.callbackUrl });
  }

  const page = customPage(state, "verifyRequest") ?? new URL(`${state.authUrl}/verify-request`);
  page.searchParams.set("provider", provider.id);
  page.searchParams.set("type", "email");
  // This browser asked for the link: opening it here signs in without the confirmation page.
  const cookies: SetCookie[] = [await bindLink(state, email, token, provider.maxAge)];
  return redirectOrJson(json, page.href, cookies);
}
