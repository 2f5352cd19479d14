/**
 * The signed-in user's two-factor settings: start an enrolment (a new secret, shown as an
 * `otpauth://` URI, a QR code and base32 text), confirm it with a first code (which also gives
 * the 10 backup codes), turn it off with a code, replace the backup codes, forget trusted
 * devices, and read the status. Each resolves with a value or a refusal code; none throws for
 * the user's own mistakes.
 */
import { withAdapter } from "../../lib/adapter-call.js";
import type { RequestState } from "../../lib/http/request-state.js";
import type { CurrentUser } from "../../lib/session/strategy.js";
import { BACKUP_CODE_COUNT, hashBackupCode, newBackupCodes } from "./backup-codes.js";
import { checkCode, twoFactorRecord } from "./check-code.js";
import { sealSecret } from "./secret-box.js";
import { newTotpSecret, totpUri } from "./totp.js";

/** A refusal: the error code, the HTTP status, and `Retry-After` seconds when rate limited. */
export interface Refusal {
  error:
    | "SessionRequired"
    | "TwoFactorInvalidCode"
    | "TwoFactorNotEnabled"
    | "TwoFactorAlreadyEnabled"
    | "TwoFactorExpired"
    | "RateLimited"
    | "CredentialsSignin";
  status: number;
  retryAfter?: number;
}

/** An enrolment in progress: what the user scans or types into the authenticator app. */
export interface TwoFactorEnrolment {
  /** The secret in base32 (RFC 4648), to type in by hand. */
  secret: string;
  /** The `otpauth://totp/…` URI (what the QR code holds). */
  uri: string;
  /** The QR code of `uri`, as an SVG document. */
  qrCode: string;
}

/** Whether two-factor is on for the signed-in user. */
export interface TwoFactorStatus {
  enabled: boolean;
  /** Unused backup codes left. */
  backupCodes: number;
}

const REFUSED = {
  signedOut: { error: "SessionRequired", status: 401 },
  notEnabled: { error: "TwoFactorNotEnabled", status: 409 },
  alreadyEnabled: { error: "TwoFactorAlreadyEnabled", status: 409 },
  invalid: { error: "TwoFactorInvalidCode", status: 400 },
  wrongPassword: { error: "CredentialsSignin", status: 401 },
} as const satisfies Record<string, Refusal>;

/** The refusal for a failed code check. */
export function codeRefusal(check: { reason: "invalid" } | { reason: "limited"; retryAfter: number }): Refusal {
  return check.reason === "limited"
    ? { error: "RateLimited", status: 429, retryAfter: check.retryAfter }
    : REFUSED.invalid;
}

function label(user: CurrentUser): string {
  return (user.email ?? user.name ?? user.id).replace(/:/g, "");
}

/** The new backup codes, stored hashed. */
async function replaceBackupCodes(state: RequestState, userId: string): Promise<string[]> {
  const codes = newBackupCodes();
  const hashes = await Promise.all(
    codes.map(async (code) => (await hashBackupCode(state.config.secrets, userId, code))[0] as string),
  );
  await withAdapter(state.runtime, "setBackupCodes", (adapter) => adapter.setBackupCodes(userId, hashes));
  return codes;
}

/** Starts (or restarts) an enrolment for the signed-in user. */
export async function startEnrolment(state: RequestState): Promise<TwoFactorEnrolment | Refusal> {
  const user = await state.runtime.strategy.currentUser(state);
  if (user === null) return REFUSED.signedOut;
  const existing = await twoFactorRecord(state, user.id);
  if (existing !== null && existing.enabledAt !== null) return REFUSED.alreadyEnabled;
  const secret = await newTotpSecret();
  const sealed = await sealSecret(state.runtime.keyring, user.id, secret);
  await withAdapter(state.runtime, "setTwoFactor", (adapter) =>
    adapter.setTwoFactor({ userId: user.id, secret: sealed, enabledAt: null, lastUsedStep: null, trustedAfter: null }),
  );
  const issuer = state.config.twoFactor?.issuer ?? new URL(state.origin).hostname;
  const uri = await totpUri(secret, issuer, label(user));
  const { toString } = await import("qrcode");
  const qrCode = await toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, uri, qrCode };
}

/** Confirms the enrolment in progress with a first code; resolves with the backup codes. */
export async function confirmEnrolment(
  state: RequestState,
  user: CurrentUser,
  code: unknown,
): Promise<{ backupCodes: string[] } | Refusal> {
  const record = await twoFactorRecord(state, user.id);
  if (record === null) return REFUSED.notEnabled;
  if (record.enabledAt !== null) return REFUSED.alreadyEnabled;
  const check = await checkCode(state, record, code, false);
  if (!check.ok) return codeRefusal(check);
  await withAdapter(state.runtime, "setTwoFactor", (adapter) =>
    adapter.setTwoFactor({ ...record, enabledAt: new Date(state.nowMs), lastUsedStep: check.step }),
  );
  return { backupCodes: await replaceBackupCodes(state, user.id) };
}

/** The user's password, asked of the feature that keeps it; `null` when none does. */
async function confirmedByPassword(
  state: RequestState,
  userId: string,
  password: string,
): Promise<boolean | { retryAfter: number } | null> {
  for (const extension of state.runtime.extensions) {
    const confirmed = await extension.confirmPassword?.(state, userId, password);
    if (confirmed !== undefined && confirmed !== null) return confirmed;
  }
  return null;
}

/**
 * Turns two-factor off for the signed-in user, given a current code, a backup code, or (when
 * `code` is absent) the user's password from the `Password()` provider.
 */
export async function disableTwoFactor(
  state: RequestState,
  proof: { code?: unknown; password?: unknown },
): Promise<{ disabled: true } | Refusal> {
  const user = await state.runtime.strategy.currentUser(state);
  if (user === null) return REFUSED.signedOut;
  const record = await twoFactorRecord(state, user.id);
  if (record === null) return REFUSED.notEnabled;
  // An enrolment never confirmed is dropped without a code: it protects nothing yet.
  if (record.enabledAt !== null && proof.code === undefined && typeof proof.password === "string") {
    const confirmed = await confirmedByPassword(state, user.id, proof.password);
    if (typeof confirmed === "object" && confirmed !== null)
      return { error: "RateLimited", status: 429, retryAfter: confirmed.retryAfter };
    if (confirmed !== true) return REFUSED.wrongPassword;
  } else if (record.enabledAt !== null) {
    const check = await checkCode(state, record, proof.code);
    if (!check.ok) return codeRefusal(check);
  }
  await withAdapter(state.runtime, "deleteTwoFactor", (adapter) => adapter.deleteTwoFactor(user.id));
  return { disabled: true };
}

/** Replaces the signed-in user's backup codes (the old ones stop working). */
export async function regenerateBackupCodes(state: RequestState): Promise<{ backupCodes: string[] } | Refusal> {
  const user = await state.runtime.strategy.currentUser(state);
  if (user === null) return REFUSED.signedOut;
  const record = await twoFactorRecord(state, user.id);
  if (record?.enabledAt === null || record === null) return REFUSED.notEnabled;
  return { backupCodes: await replaceBackupCodes(state, user.id) };
}

/** Ends every "trust this device" cookie of the signed-in user. */
export async function forgetDevices(state: RequestState): Promise<{ forgotten: true } | Refusal> {
  const user = await state.runtime.strategy.currentUser(state);
  if (user === null) return REFUSED.signedOut;
  const record = await twoFactorRecord(state, user.id);
  if (record?.enabledAt === null || record === null) return REFUSED.notEnabled;
  await withAdapter(state.runtime, "setTwoFactor", (adapter) =>
    adapter.setTwoFactor({ ...record, trustedAfter: new Date(state.nowMs) }),
  );
  return { forgotten: true };
}

/** The signed-in user's two-factor status, or a refusal when signed out. */
export async function twoFactorStatus(state: RequestState): Promise<TwoFactorStatus | Refusal> {
  const user = await state.runtime.strategy.currentUser(state);
  if (user === null) return REFUSED.signedOut;
  const record = await twoFactorRecord(state, user.id);
  if (record?.enabledAt === null || record === null) return { enabled: false, backupCodes: 0 };
  const left = await withAdapter(state.runtime, "countBackupCodes", (adapter) => adapter.countBackupCodes(user.id));
  return { enabled: true, backupCodes: Math.min(left, BACKUP_CODE_COUNT) };
}

/** Whether an outcome is a refusal. */
export function isRefusal(value: object): value is Refusal {
  return "error" in value && "status" in value;
}
