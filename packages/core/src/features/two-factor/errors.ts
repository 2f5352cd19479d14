/** What the built-in pages say for the two-factor codes. */
import type { ErrorCode, ErrorText } from "../../errors.js";

export const TWO_FACTOR_ERRORS = {
  TwoFactorInvalidCode: {
    signIn: "That code didn't work. Codes can be used once; wait for the next one and try again.",
  },
  TwoFactorExpired: { signIn: "That sign-in took too long or was already finished. Sign in again." },
  TwoFactorNotEnabled: { signIn: "Two-factor authentication is not set up for this account." },
  TwoFactorAlreadyEnabled: { signIn: "Two-factor authentication is already on for this account." },
} as const satisfies Partial<Record<ErrorCode, ErrorText>>;
