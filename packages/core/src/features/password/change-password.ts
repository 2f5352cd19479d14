/**
 * `POST password/change`: the signed-in user replaces their password, proving the current one
 * (wrong guesses count toward the sign-in rate limits). Every other session of the user ends; this
 * one stays. The user is told by mail.
 */
import { withAdapter } from "../../lib/adapter-call.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { limitSignInAttempt } from "../../lib/rate-limit.js";
import type { ResolvedPasswordProvider } from "../../provider-types.js";
import { endOtherSessions } from "./end-sessions.js";
import { newPasswordProblem } from "./new-password.js";
import { passwordProvider, refused, sendLater, type PasswordOutcome } from "./outcome.js";
import { hashPassword } from "./password-hash.js";
import { sendPasswordMail } from "./password-mail.js";
import { checkPassword } from "./password-sign-in.js";

/**
 * Whether `password` is the password of user `userId`, under the sign-in rate limits; `null`
 * when the user has no password here (no password provider, or no password or email).
 */
export async function confirmPassword(
  state: RequestState,
  userId: string,
  password: string,
): Promise<boolean | { retryAfter: number } | null> {
  const provider = passwordProvider(state);
  if (provider === undefined || password === "") return null;
  const user = await withAdapter(state.runtime, "getUser", (adapter) => adapter.getUser(userId));
  if (user === null || user.email === null) return null;
  const email = user.email;
  const attempt = await limitSignInAttempt(state, provider.id, email, async () => {
    const checked = await checkPassword(state, provider, email, password);
    const succeeded = "user" in checked && checked.user.id === userId;
    return { succeeded, value: succeeded };
  });
  return attempt.limited ? { retryAfter: attempt.retryAfter } : attempt.value;
}

/** Changes the signed-in user's password. */
export async function changePassword(
  state: RequestState,
  provider: ResolvedPasswordProvider,
  input: { currentPassword: unknown; newPassword: unknown },
): Promise<PasswordOutcome> {
  const { runtime } = state;
  const current = await runtime.strategy.currentUser(state);
  if (current === null) return refused(401, "SessionRequired");
  const user = await withAdapter(runtime, "getUser", (adapter) => adapter.getUser(current.id));
  if (user === null || user.email === null) return refused(401, "SessionRequired");
  const email = user.email;
  const problem = await newPasswordProblem(provider, input.newPassword);
  if (problem !== null) return refused(400, "InvalidPassword", problem);
  const password = input.currentPassword;
  if (typeof password !== "string" || password === "") return refused(401, "CredentialsSignin");

  const attempt = await limitSignInAttempt(state, provider.id, email, async () => {
    const checked = await checkPassword(state, provider, email, password);
    return { succeeded: "user" in checked && checked.user.id === user.id, value: checked };
  });
  if (attempt.limited) return refused(429, "RateLimited", undefined, { "Retry-After": String(attempt.retryAfter) });
  if (!("user" in attempt.value) || attempt.value.user.id !== user.id) return refused(401, "CredentialsSignin");

  const hash = await hashPassword(provider, input.newPassword as string);
  await withAdapter(runtime, "setPasswordHash", (adapter) => adapter.setPasswordHash(user.id, hash));
  const cookies = await endOtherSessions(state);
  const signIn = `${state.authUrl}/signin`;
  sendLater(state, "passwordChanged", () => sendPasswordMail(state, provider, "passwordChanged", email, signIn, null));
  return { ok: true, url: state.origin + "/", cookies };
}
