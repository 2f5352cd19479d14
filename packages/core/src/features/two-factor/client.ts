/**
 * Two-factor authentication from the browser (bound to the React client's routes by
 * `gatehouse/react`, which also groups them as `twoFactor.enable()`, `.verify(code)`,
 * `.disable(code)`, `.backupCodes()`).
 */
import type { ClientKit } from "../../lib/client-kit.js";
import { systemClock } from "../../lib/clock.js";
import { authenticatedWithin } from "../../lib/session/step-up.js";
import type { TwoFactorEnrolment, TwoFactorStatus } from "./manage-two-factor.js";

/** Options of `verifyTwoFactor`. */
export interface VerifyOptions {
  /** Skip the second factor in this browser from now on (a sign-in only). */
  trustDevice?: boolean;
  /** Where a step-up goes afterwards. */
  callbackUrl?: string;
}

/** What `verifyTwoFactor` did: finished a sign-in or step-up (`url`), or turned two-factor on (`backupCodes`). */
export interface Verification {
  ok: boolean;
  /** Where to go next (a finished sign-in or step-up). */
  url?: string;
  /** The backup codes, when the code confirmed an enrolment: show them once. */
  backupCodes?: string[];
  /** Why it was refused (`TwoFactorInvalidCode`, `RateLimited`, …). */
  error?: string;
}

function failed(data: Record<string, unknown>): string {
  return typeof data.error === "string" ? data.error : "Default";
}

/**
 * Starts turning on two-factor authentication for the signed-in user: a new secret to put in an
 * authenticator app (as a QR code SVG, an `otpauth://` URI and base32 text). Confirm it with
 * {@link verifyTwoFactor}.
 * @param kit the auth routes (bound by `gatehouse/react`).
 * @returns the enrolment, or `null` when signed out or already on.
 * @example `const { qrCode, secret } = await enableTwoFactor()`
 */
export async function enableTwoFactor(kit: ClientKit): Promise<TwoFactorEnrolment | null> {
  const { ok, data } = await kit.post("two-factor/enable", {});
  return ok ? (data as unknown as TwoFactorEnrolment) : null;
}

/**
 * Checks a code (six digits from the app, or a backup code): it finishes a sign-in waiting for
 * its second factor, confirms an enrolment (resolving with the backup codes), or steps up the
 * signed-in session.
 * @param kit the auth routes (bound by `gatehouse/react`).
 * @param code what the user typed.
 * @param options `trustDevice`: skip the second factor in this browser from now on (sign-in only).
 * @returns what the code did (`ok`, then `url` or `backupCodes`; else `error`).
 * @example `const { ok, url } = await verifyTwoFactor("123456")`
 */
export async function verifyTwoFactor(kit: ClientKit, code: string, options?: VerifyOptions): Promise<Verification> {
  const { ok, data } = await kit.post("two-factor/verify", {
    code,
    ...(options?.trustDevice === true ? { trustDevice: "true" } : {}),
    ...(options?.callbackUrl === undefined ? {} : { callbackUrl: options.callbackUrl }),
  });
  if (!ok) return { ok: false, error: failed(data) };
  if (Array.isArray(data.backupCodes)) return { ok: true, backupCodes: data.backupCodes as string[] };
  await kit.changed();
  return { ok: true, ...(typeof data.url === "string" ? { url: data.url } : {}) };
}

/**
 * Turns two-factor authentication off for the signed-in user.
 * @param kit the auth routes (bound by `gatehouse/react`).
 * @param proof a current code or a backup code, or `{ password }` (the `Password()` provider's).
 * @returns whether it was turned off.
 * @example `await disableTwoFactor("123456")` or `await disableTwoFactor({ password })`
 */
export async function disableTwoFactor(kit: ClientKit, proof: string | { password: string }): Promise<boolean> {
  const { ok } = await kit.post("two-factor/disable", typeof proof === "string" ? { code: proof } : proof);
  return ok;
}

/**
 * Replaces the signed-in user's backup codes: the old ones stop working.
 * @param kit the auth routes (bound by `gatehouse/react`).
 * @returns the 10 new codes (show them once), or `null` when two-factor is off or signed out.
 * @example `const codes = await twoFactorBackupCodes()`
 */
export async function twoFactorBackupCodes(kit: ClientKit): Promise<string[] | null> {
  const { ok, data } = await kit.post("two-factor/backup-codes", {});
  return ok && Array.isArray(data.backupCodes) ? (data.backupCodes as string[]) : null;
}

/**
 * Whether two-factor authentication is on for the signed-in user, and how many backup codes are left.
 * @param kit the auth routes (bound by `gatehouse/react`).
 * @returns the status, or `null` when signed out.
 * @example `const { enabled } = (await twoFactorStatus()) ?? { enabled: false }`
 */
export async function twoFactorStatus(kit: ClientKit): Promise<TwoFactorStatus | null> {
  const { ok, data } = await kit.get("two-factor/status");
  return ok ? (data as unknown as TwoFactorStatus) : null;
}

/**
 * Step-up in the browser: resolves `true` when the session authenticated within `maxAge`
 * seconds; otherwise sends the browser to re-authenticate (the two-factor form when the user has
 * it, else sign-in), coming back to `callbackUrl`, and resolves `false`.
 * @param kit the auth routes (bound by `gatehouse/react`).
 * @param options `maxAge` in seconds; `callbackUrl` (default: this page).
 * @returns `true` when recent; `false` when the browser was sent to re-authenticate.
 * @example `if (await requireRecentAuth({ maxAge: 300 })) await deleteAccount()`
 */
export async function requireRecentAuth(kit: ClientKit, options: RecentAuthOptions): Promise<boolean> {
  const { data } = await kit.get("session");
  if (authenticatedWithin(data, options.maxAge, systemClock())) return true;
  // A browser function, but nothing breaks if it runs where there is no `location`.
  const location = (globalThis as { location?: Location }).location;
  const back = options.callbackUrl ?? location?.href;
  const url = kit.url(`two-factor${back === undefined ? "" : `?callbackUrl=${encodeURIComponent(back)}`}`);
  location?.assign(url);
  return false;
}

/** Options of `requireRecentAuth`. */
export interface RecentAuthOptions {
  /** Seconds since the last real authentication that are still recent. */
  maxAge: number;
  /** Where to come back to. @default the current page */
  callbackUrl?: string;
}
