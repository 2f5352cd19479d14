/** What the pages say when a password operation is refused. */
import type { ErrorCode, ErrorText } from "../../errors.js";

export const PASSWORD_ERRORS = {
  EmailNotVerified: {
    signIn: "Verify your email address first: we've sent you a new link. Open it, then sign in.",
  },
  InvalidPassword: { signIn: "Choose another password." },
} as const satisfies Partial<Record<ErrorCode, ErrorText>>;
