/**
 * `twoFactor.verify(code)`: what a code does depends on where the user is.
 * - A sign-in waiting for its second factor (the pending cookie): the code finishes it, the
 *   session is issued (with `amr` [first factor, `otp`, `mfa`]) and the pending cookie spent.
 * - Signed in, with an enrolment not yet confirmed: the code confirms it (two-factor is on from
 *   now) and the 10 backup codes are returned, to be shown once.
 * - Signed in, two-factor on: a step-up; the session records a fresh authentication.
 */
import type { SetCookie } from "../../lib/cookies/set-cookie.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { resolveRedirect } from "../../lib/http/navigation.js";
import { issueSession } from "../../lib/sign-in/complete-sign-in.js";
import { checkCode, twoFactorRecord } from "./check-code.js";
import { codeRefusal, confirmEnrolment, type Refusal } from "./manage-two-factor.js";
import { clearPending, pendingCookieName, readPending, spendPending } from "./pending-sign-in.js";
import { trustDevice } from "./trusted-device.js";

/** What a verified code did. */
export type Verified =
  /** A pending sign-in finished: the response to send (the session cookie is on it). */
  | { kind: "signed-in"; response: Response }
  /** An enrolment was confirmed. */
  | { kind: "enabled"; backupCodes: string[] }
  /** A step-up: where to go now, and the session cookies to set. */
  | { kind: "stepped-up"; url: string; cookies: SetCookie[] };

/** Options of {@link verifyCode}. */
export interface VerifyOptions {
  /** Ask for the "trust this device" cookie (a pending sign-in only). */
  trustDevice?: boolean;
  /** Where a step-up goes afterwards (checked against the origin). */
  callbackUrl?: unknown;
  /** Answer a finished sign-in as `{ url }` JSON. */
  json?: boolean;
}

const EXPIRED: Refusal = { error: "SessionRequired", status: 401 };

/** Verifies `code` for the request's pending sign-in, enrolment or step-up. */
export async function verifyCode(
  state: RequestState,
  code: unknown,
  options: VerifyOptions = {},
): Promise<Verified | Refusal> {
  const pending = await readPending(state);
  if (pending !== null) {
    const userId = pending.start.user.id;
    const record = await twoFactorRecord(state, userId);
    if (record === null || record.enabledAt === null) return { error: "TwoFactorExpired", status: 400 };
    const check = await checkCode(state, record, code);
    if (!check.ok) return codeRefusal(check);
    await spendPending(state, pending);
    const device = options.trustDevice === true ? await trustDevice(state, userId) : [];
    const response = await issueSession(
      state,
      { ...pending.start, authentication: { at: state.nowMs, amr: [...pending.amr, "otp", "mfa"] } },
      { landing: pending.landing, json: options.json === true, cookies: [...clearPending(state), ...device] },
    );
    return { kind: "signed-in", response };
  }

  const user = await state.runtime.strategy.currentUser(state);
  if (user === null) {
    // A pending cookie that no longer opens (expired, spent, another browser) says so.
    return state.cookies.has(pendingCookieName(state)) ? { error: "TwoFactorExpired", status: 400 } : EXPIRED;
  }
  const record = await twoFactorRecord(state, user.id);
  if (record === null) return { error: "TwoFactorNotEnabled", status: 409 };
  if (record.enabledAt === null) {
    const confirmed = await confirmEnrolment(state, user, code);
    return "error" in confirmed ? confirmed : { kind: "enabled", backupCodes: confirmed.backupCodes };
  }
  const check = await checkCode(state, record, code);
  if (!check.ok) return codeRefusal(check);
  const cookies = await state.runtime.strategy.reauthenticate(state, { at: state.nowMs, amr: ["otp", "mfa"] });
  if (cookies === null) return EXPIRED;
  return { kind: "stepped-up", url: await resolveRedirect(state, options.callbackUrl), cookies };
}
