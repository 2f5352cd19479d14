/** What the pages say when an email sign-in fails (next-auth v4's codes, our words). */
import type { ErrorCode, ErrorText } from "../../errors.js";

export const EMAIL_ERRORS = {
  EmailSignin: { signIn: "We couldn't send the sign-in email. Check the address and try again." },
  EmailCreateAccount: {
    signIn: "We couldn't create an account for that email address. Try another way to sign in.",
  },
  Verification: {
    page: {
      status: 403,
      heading: "This link has expired",
      message: "Sign-in links work once and only for a short time. Request a new one.",
    },
  },
} as const satisfies Partial<Record<ErrorCode, ErrorText>>;
