/**
 * `POST password/forgot`: a reset link for an address. The answer is the same whether or not the
 * address has an account (the mail goes after the answer); requests are counted per address and
 * per client address, like email links, since each may send a mail.
 */
import { withAdapter } from "../../lib/adapter-call.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { countEmailRequest } from "../../lib/rate-limit.js";
import type { ResolvedPasswordProvider } from "../../provider-types.js";
import { bodyEmail, refused, sendLater, type PasswordOutcome } from "./outcome.js";
import { sendPasswordMail } from "./password-mail.js";
import { issueToken } from "./password-tokens.js";
import { sentPage } from "./sign-up.js";

/** Sends a reset link to `email` if it has an account; answers the same either way. */
export async function forgotPassword(
  state: RequestState,
  provider: ResolvedPasswordProvider,
  rawEmail: unknown,
): Promise<PasswordOutcome> {
  const email = bodyEmail(rawEmail);
  if (email === null) return refused(400, "BadRequest", "Enter a valid email address.");
  const limit = await countEmailRequest(state, `${provider.id}-reset`, email);
  if (limit.limited) return refused(429, "RateLimited", undefined, { "Retry-After": String(limit.retryAfter) });
  const user = await withAdapter(state.runtime, "getUserByEmail", (adapter) => adapter.getUserByEmail(email));
  if (user !== null) {
    const { token, expires } = await issueToken(state, "password-reset", email, provider.resetMaxAge);
    const link = new URL(`${state.authUrl}/password/reset`);
    link.searchParams.set("token", token);
    sendLater(state, "resetPassword", () =>
      sendPasswordMail(state, provider, "resetPassword", email, link.href, expires),
    );
  }
  return { ok: true, url: sentPage(state, "reset") };
}
