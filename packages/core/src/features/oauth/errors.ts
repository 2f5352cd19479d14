/** What the sign-in page says when an OAuth sign-in fails (next-auth v4's codes, our words). */
import type { ErrorCode, ErrorText } from "../../errors.js";

export const OAUTH_ERRORS = {
  OAuthSignin: { signIn: "We couldn't start signing you in with that provider. Please try again." },
  OAuthCallback: { signIn: "The provider's answer could not be verified. Please try again." },
  OAuthCreateAccount: { signIn: "We couldn't create an account from that provider. Try another way to sign in." },
} as const satisfies Partial<Record<ErrorCode, ErrorText>>;
