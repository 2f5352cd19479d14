/**
 * `GET|POST verify-email/password`: the link from the verification mail, with magic links'
 * rules. Opened in the browser that signed up (its binding cookie, lib/mail/link-binding.ts),
 * the `GET` uses the token at once. Anywhere else (another device, a mail scanner's `GET` or
 * `HEAD`) opening it uses nothing: a page with one button posts the token back with a CSRF
 * token, and only that `POST` uses it. Either way the token works once and marks the address
 * verified; the user then signs in with their password.
 */
import { withAdapter } from "../../lib/adapter-call.js";
import { emitEvent } from "../../lib/callbacks.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { refused, type PasswordOutcome } from "./outcome.js";
import { useToken } from "./password-tokens.js";

/** Uses a verification token; the page to go to next (sign in) when it was good. */
export async function verifyEmail(state: RequestState, token: unknown): Promise<PasswordOutcome> {
  const { runtime } = state;
  const email = await useToken(state, "verify-email", token);
  if (email === null) return refused(403, "Verification");
  const user = await withAdapter(runtime, "getUserByEmail", (adapter) => adapter.getUserByEmail(email));
  if (user === null) return refused(403, "Verification");
  if (user.emailVerified === null) {
    const updated = await withAdapter(runtime, "updateUser", (adapter) =>
      adapter.updateUser({ id: user.id, emailVerified: new Date(state.nowMs) }),
    );
    await emitEvent(runtime, "updateUser", { user: updated });
  }
  return { ok: true, url: `${state.authUrl}/password/verified` };
}
