/**
 * Checking a second-factor code for a user: a TOTP code of the current step or one either side,
 * accepted only if its step is later than the last one used (so each code works once, even
 * under concurrency: the adapter records the step atomically), or else one of the user's
 * unused backup codes, which is deleted as it is used. Failures count against the user's
 * rate limits (`rateLimit.perIdentifier` / `perPair` / `perAddress`); a good code counts nothing.
 */
import type { AdapterTwoFactor } from "../../adapter.js";
import { withAdapter } from "../../lib/adapter-call.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { limitSignInAttempt } from "../../lib/rate-limit.js";
import { hashBackupCode } from "./backup-codes.js";
import { openSecret } from "./secret-box.js";
import { matchTotp } from "./totp.js";

/** What a code came to. */
export type CodeCheck =
  | { ok: true; method: "otp" | "backup"; step: number | null }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "limited"; retryAfter: number };

/** The key rate limits count second-factor failures under (one "provider"). */
const LIMIT_KEY = "two-factor";

/** The user's two-factor record, or `null`. */
export function twoFactorRecord(state: RequestState, userId: string): Promise<AdapterTwoFactor | null> {
  return withAdapter(state.runtime, "getTwoFactor", (adapter) => adapter.getTwoFactor(userId));
}

/** The user's TOTP secret in clear, or `null` when it cannot be opened (a changed auth secret). */
export async function recordSecret(state: RequestState, record: AdapterTwoFactor): Promise<string | null> {
  const secret = await openSecret(state.runtime.keyring, record.userId, record.secret);
  if (secret === null) {
    state.runtime.logger.error(
      "TWO_FACTOR_SECRET_UNREADABLE",
      `The two-factor secret of user "${record.userId}" does not decrypt with the configured \`secret\`s. Keep the old secret in the \`secret\` array while rotating.`,
    );
  }
  return secret;
}

async function tryCode(
  state: RequestState,
  record: AdapterTwoFactor,
  code: string,
  allowBackup: boolean,
): Promise<CodeCheck> {
  const secret = await recordSecret(state, record);
  if (secret === null) return { ok: false, reason: "invalid" };
  const step = await matchTotp(secret, code, state.nowMs);
  if (step !== null) {
    const fresh = await withAdapter(state.runtime, "useTwoFactorStep", (adapter) =>
      adapter.useTwoFactorStep(record.userId, step),
    );
    return fresh ? { ok: true, method: "otp", step } : { ok: false, reason: "invalid" };
  }
  if (!allowBackup) return { ok: false, reason: "invalid" };
  for (const hash of await hashBackupCode(state.config.secrets, record.userId, code)) {
    const used = await withAdapter(state.runtime, "useBackupCode", (adapter) =>
      adapter.useBackupCode(record.userId, hash),
    );
    if (used) return { ok: true, method: "backup", step: null };
  }
  return { ok: false, reason: "invalid" };
}

/**
 * Checks `code` for the user of `record`, under the rate limits.
 * @param allowBackup whether a backup code will do (not while confirming an enrolment).
 */
export async function checkCode(
  state: RequestState,
  record: AdapterTwoFactor,
  code: unknown,
  allowBackup = true,
): Promise<CodeCheck> {
  if (typeof code !== "string" || code.length === 0 || code.length > 64) return { ok: false, reason: "invalid" };
  const attempt = await limitSignInAttempt(state, LIMIT_KEY, record.userId, async () => {
    const outcome = await tryCode(state, record, code, allowBackup);
    return { succeeded: outcome.ok, value: outcome };
  });
  return attempt.limited ? { ok: false, reason: "limited", retryAfter: attempt.retryAfter } : attempt.value;
}
