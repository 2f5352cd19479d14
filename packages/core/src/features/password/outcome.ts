/** What each password operation comes to, before it is answered as JSON, a redirect or a page. */
import type { ErrorCode } from "../../errors.js";
import type { SetCookie } from "../../lib/cookies/set-cookie.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { normalizeEmail } from "../../lib/identity/email-address.js";
import type { ResolvedPasswordProvider } from "../../provider-types.js";

/** A password operation's result: where to go next, or why it was refused. */
export type PasswordOutcome =
  | { ok: true; url: string; cookies?: readonly SetCookie[] }
  | { ok: false; status: number; code: ErrorCode; message?: string; headers?: Record<string, string> };

/** A refusal. */
export function refused(
  status: number,
  code: ErrorCode,
  message?: string,
  headers?: Record<string, string>,
): PasswordOutcome {
  return {
    ok: false,
    status,
    code,
    ...(message === undefined ? {} : { message }),
    ...(headers === undefined ? {} : { headers }),
  };
}

/** The address in a body field, validated strictly and normalized; `null` when unusable. */
export function bodyEmail(raw: unknown): string | null {
  const result = normalizeEmail(raw);
  return "email" in result ? result.email : null;
}

/** The password provider with `id`, or the first one when no id is given. */
export function passwordProvider(state: RequestState, id?: string): ResolvedPasswordProvider | undefined {
  const found = state.config.providers.find(
    (provider) => provider.type === "password" && (id === undefined || provider.id === id),
  );
  return found as ResolvedPasswordProvider | undefined;
}

/** Runs a mail send without making the answer wait for it (its timing would tell who has an account). */
export function sendLater(state: RequestState, what: string, send: () => Promise<void>): void {
  send().catch((error: unknown) => {
    state.runtime.logger.error("PASSWORD_MAIL_ERROR", { mail: what, error });
  });
}
