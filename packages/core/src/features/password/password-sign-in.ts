/**
 * `POST callback/password` (and `signin/password`): email and password. An unknown address, an
 * account without a password and a wrong password are answered alike (401 `CredentialsSignin`),
 * and each costs one hash. Failures count toward the rate limits, a good sign-in never does. A
 * hash that is not argon2id with the current parameters (an imported bcrypt or scrypt hash, or
 * parameters since raised) is replaced at this sign-in. An unverified address, when verification
 * is required, gets a new link and no session (403 `EmailNotVerified`; only someone who knows the
 * password learns that).
 */
import { withAdapter } from "../../lib/adapter-call.js";
import type { AdapterUser } from "../../adapter.js";
import type { RequestState } from "../../lib/http/request-state.js";
import type { Body } from "../../lib/http/read-body.js";
import { countEmailRequest, limitSignInAttempt } from "../../lib/rate-limit.js";
import { completeSignIn } from "../../lib/sign-in/complete-sign-in.js";
import { signInFailure } from "../../lib/sign-in/sign-in-failure.js";
import type { ResolvedPasswordProvider } from "../../provider-types.js";
import { bodyEmail } from "./outcome.js";
import { hashPassword, verifyNothing, verifyPassword } from "./password-hash.js";
import { sendVerification } from "./sign-up.js";

type Checked = { user: AdapterUser } | { wrong: true };

/**
 * Checks `password` for `email`: the user when it is right. An unknown user or one without a
 * password spends a hash all the same.
 */
export async function checkPassword(
  state: RequestState,
  provider: ResolvedPasswordProvider,
  email: string,
  password: string,
): Promise<Checked> {
  const { runtime } = state;
  const user = await withAdapter(runtime, "getUserByEmail", (adapter) => adapter.getUserByEmail(email));
  const stored =
    user === null ? null : await withAdapter(runtime, "getPasswordHash", (adapter) => adapter.getPasswordHash(user.id));
  if (user === null || stored === null) {
    await verifyNothing(state, provider, password);
    return { wrong: true };
  }
  const result = await verifyPassword(provider, stored, password);
  if (!result.ok) return { wrong: true };
  if (result.rehash) {
    const fresh = await hashPassword(provider, password);
    await withAdapter(runtime, "setPasswordHash", (adapter) => adapter.setPasswordHash(user.id, fresh));
  }
  return { user };
}

/** Signs in with email and password. */
export async function passwordSignIn(
  state: RequestState,
  provider: ResolvedPasswordProvider,
  body: Body,
  json: boolean,
): Promise<Response> {
  const email = bodyEmail(body.email);
  const password = body.password;
  const fields = { values: typeof body.email === "string" ? { email: body.email.slice(0, 256) } : {} };
  const options = { ...fields, callbackUrl: body.callbackUrl, provider: provider.id };
  if (email === null || typeof password !== "string" || password === "" || password.length > 4 * provider.maxLength) {
    return signInFailure(state, json, { status: 401, code: "CredentialsSignin" }, options);
  }

  const attempt = await limitSignInAttempt(state, provider.id, email, async () => {
    const checked = await checkPassword(state, provider, email, password);
    return { succeeded: "user" in checked, value: checked };
  });
  if (attempt.limited) {
    const headers = { "Retry-After": String(attempt.retryAfter) };
    return signInFailure(state, json, { status: 429, code: "RateLimited", headers }, options);
  }
  if (!("user" in attempt.value))
    return signInFailure(state, json, { status: 401, code: "CredentialsSignin" }, options);
  const { user } = attempt.value;

  if (provider.requireEmailVerification && user.emailVerified === null) {
    const limit = await countEmailRequest(state, `${provider.id}-verify`, email);
    if (!limit.limited) await sendVerification(state, provider, email);
    return signInFailure(state, json, { status: 403, code: "EmailNotVerified" }, options);
  }

  return completeSignIn(state, {
    user: { id: user.id, email: user.email, name: user.name ?? null, image: user.image ?? null },
    account: { provider: provider.id, type: "password", providerAccountId: user.id, userId: user.id },
    isNewUser: false,
    credentials: { email },
    callbackUrl: body.callbackUrl ?? state.cookies.get(state.cookieNames.callbackUrl.name),
    json,
  });
}
