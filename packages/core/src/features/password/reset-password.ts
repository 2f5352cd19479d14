/**
 * `POST password/reset`: a new password with the token from the reset mail. The new password is
 * checked before the token is used (a too-short one does not burn the link); the token works once.
 * Then the password is replaced, the address counts as verified (the mail reached its owner),
 * every session of the user ends — this browser's too — and the user is told by mail.
 */
import { withAdapter } from "../../lib/adapter-call.js";
import { emitEvent } from "../../lib/callbacks.js";
import type { RequestState } from "../../lib/http/request-state.js";
import type { ResolvedPasswordProvider } from "../../provider-types.js";
import { endEverySession } from "./end-sessions.js";
import { newPasswordProblem } from "./new-password.js";
import { refused, sendLater, type PasswordOutcome } from "./outcome.js";
import { hashPassword } from "./password-hash.js";
import { sendPasswordMail } from "./password-mail.js";
import { tokenEmail, useToken } from "./password-tokens.js";

/** Replaces the password of the token's account. */
export async function resetPassword(
  state: RequestState,
  provider: ResolvedPasswordProvider,
  input: { token: unknown; password: unknown },
): Promise<PasswordOutcome> {
  const { runtime } = state;
  if (tokenEmail(input.token) === null) return refused(403, "Verification");
  const problem = await newPasswordProblem(provider, input.password);
  if (problem !== null) return refused(400, "InvalidPassword", problem);
  const email = await useToken(state, "password-reset", input.token);
  if (email === null) return refused(403, "Verification");
  const user = await withAdapter(runtime, "getUserByEmail", (adapter) => adapter.getUserByEmail(email));
  if (user === null) return refused(403, "Verification");

  const hash = await hashPassword(provider, input.password as string);
  await withAdapter(runtime, "setPasswordHash", (adapter) => adapter.setPasswordHash(user.id, hash));
  if (user.emailVerified === null) {
    const updated = await withAdapter(runtime, "updateUser", (adapter) =>
      adapter.updateUser({ id: user.id, emailVerified: new Date(state.nowMs) }),
    );
    await emitEvent(runtime, "updateUser", { user: updated });
  }
  const cookies = await endEverySession(state, user.id);
  const signIn = `${state.authUrl}/signin`;
  sendLater(state, "passwordChanged", () => sendPasswordMail(state, provider, "passwordChanged", email, signIn, null));
  return { ok: true, url: `${signIn}?reset=1`, cookies };
}
