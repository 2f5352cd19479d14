/**
 * `twoFactor`: the two-factor functions of `gatehouse/react` under one name, as the server's
 * `NextAuth(…).twoFactor` has them. A plain object of the generated bindings: a page that does
 * not import it ships none of them.
 */
import {
  disableTwoFactor,
  enableTwoFactor,
  requireRecentAuth,
  twoFactorBackupCodes,
  twoFactorStatus,
  verifyTwoFactor,
} from "./features.js";

/**
 * Two-factor authentication from the browser.
 * @example
 * ```ts
 * const { qrCode } = (await twoFactor.enable()) ?? {};
 * const { backupCodes } = await twoFactor.verify(code); // confirms the enrolment
 * ```
 */
export const twoFactor = /* @__PURE__ */ Object.freeze({
  /** Starts an enrolment: the QR code SVG, `otpauth://` URI and base32 secret. */
  enable: enableTwoFactor,
  /** Checks a code: finishes a sign-in, confirms an enrolment, or steps up. */
  verify: verifyTwoFactor,
  /** Turns two-factor off, given a current code, a backup code, or `{ password }` (password accounts). */
  disable: disableTwoFactor,
  /** Replaces the backup codes; resolves with the 10 new ones. */
  backupCodes: twoFactorBackupCodes,
  /** Whether two-factor is on, and how many backup codes are left. */
  status: twoFactorStatus,
  /** Step-up: `true` if the session authenticated within `maxAge` seconds, else re-authenticates. */
  requireRecent: requireRecentAuth,
});
