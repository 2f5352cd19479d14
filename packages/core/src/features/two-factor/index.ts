/**
 * Two-factor authentication: TOTP authenticator apps (RFC 6238) with backup codes, a sign-in
 * gate after the first factor, the built-in second-factor page, step-up for a signed-in session,
 * and "trust this device". On with the `twoFactor` option and an adapter (`twoFactor` method
 * group). Server: `auth.api.twoFactor.*` / `NextAuth(…).twoFactor.*`; browser: `twoFactor.*`
 * from `gatehouse/react`.
 */
import type { RequestState } from "../../lib/http/request-state.js";
import { cookiesOf } from "../../lib/http/respond.js";
import { defineFeature, type ApiOutcome } from "../feature.js";
import { TWO_FACTOR_ERRORS } from "./errors.js";
import { twoFactorGate } from "./gate.js";
import {
  disableTwoFactor,
  regenerateBackupCodes,
  startEnrolment,
  twoFactorStatus,
  isRefusal,
  type Refusal,
  type TwoFactorEnrolment,
  type TwoFactorStatus,
} from "./manage-two-factor.js";
import { clearPending } from "./pending-sign-in.js";
import { twoFactorRoute } from "./route.js";
import { verifyCode, type VerifyOptions } from "./verify-code.js";

export type { TwoFactorEnrolment, TwoFactorStatus } from "./manage-two-factor.js";

/** What the server-side `verify` resolves with. */
export type TwoFactorVerifyResult =
  { ok: true; url?: string; backupCodes?: string[] } | { ok: false; error: Refusal["error"] };

function orNull<T extends object>(value: T | Refusal): T | null {
  return isRefusal(value) ? null : value;
}

async function verify(
  state: RequestState,
  code: string,
  options: Omit<VerifyOptions, "json"> = {},
): Promise<ApiOutcome<TwoFactorVerifyResult>> {
  const verified = await verifyCode(state, code, { ...options, json: true });
  if ("error" in verified) return { value: { ok: false, error: verified.error } };
  if (verified.kind === "enabled") return { value: { ok: true, backupCodes: verified.backupCodes } };
  if (verified.kind === "stepped-up") return { value: { ok: true, url: verified.url }, cookies: verified.cookies };
  const response = verified.response;
  const data = (await response.json()) as { url?: unknown; error?: unknown };
  if (response.status !== 200 || typeof data.url !== "string")
    return { value: { ok: false, error: "SessionRequired" } };
  return { value: { ok: true, url: data.url }, cookies: cookiesOf(response) };
}

export const twoFactorFeature = defineFeature({
  name: "twoFactor",
  enabled: (config) => config.twoFactor !== null,
  routes: { "two-factor": twoFactorRoute },
  errors: TWO_FACTOR_ERRORS,
  adapterNeeds: () => [{ group: "twoFactor", why: "two-factor authentication (the `twoFactor` option)" }],
  // A sign-in waiting for its code ends with sign-out too; a trusted device stays trusted.
  session: { gateSignIn: twoFactorGate, signOutCookies: clearPending },
  api: {
    /** Starts an enrolment: the secret as base32, `otpauth://` URI and QR code SVG; `null` when signed out or already on. */
    enable: async (state: RequestState): Promise<ApiOutcome<TwoFactorEnrolment | null>> => ({
      value: orNull(await startEnrolment(state)),
    }),
    /** Checks a code: finishes a pending sign-in, confirms an enrolment (with backup codes), or steps up. */
    verify,
    /** Turns two-factor off, given a current code, a backup code or `{ password }`; `true` when it was. */
    disable: async (state: RequestState, proof: string | { password: string }): Promise<ApiOutcome<boolean>> => ({
      value: !isRefusal(await disableTwoFactor(state, typeof proof === "string" ? { code: proof } : proof)),
    }),
    /** Replaces the backup codes; the 10 new ones, or `null` when two-factor is off. */
    backupCodes: async (state: RequestState): Promise<ApiOutcome<string[] | null>> => ({
      value: orNull(await regenerateBackupCodes(state))?.backupCodes ?? null,
    }),
    /** Whether two-factor is on, and how many backup codes are left; `null` when signed out. */
    status: async (state: RequestState): Promise<ApiOutcome<TwoFactorStatus | null>> => ({
      value: orNull(await twoFactorStatus(state)),
    }),
  },
});
