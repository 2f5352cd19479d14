/** What the sign-in page says when credentials are refused (next-auth v4's code, our words). */
import type { ErrorCode, ErrorText } from "../../errors.js";

export const CREDENTIALS_ERRORS = {
  CredentialsSignin: { signIn: "Those details don't match an account. Check them and try again." },
} as const satisfies Partial<Record<ErrorCode, ErrorText>>;
