/** What the built-in pages say for the passkey feature's error codes. */
import type { ErrorCode, ErrorText } from "../../errors.js";

export const PASSKEY_ERRORS = {
  PasskeySignin: { signIn: "That passkey didn't sign you in. Try again, or use another way to sign in." },
  PasskeyRegistration: {},
  UnknownPasskey: {},
} as const satisfies Partial<Record<ErrorCode, ErrorText>>;
