/**
 * The codes every configuration can show. The codes are next-auth v4's (custom pages written for
 * next-auth read the same `?error=` values); the wording is ours. Only known codes are ever
 * shown: text from the URL never reaches a page.
 */
import type { ErrorCode, ErrorText } from "../../errors.js";

export const BASE_ERRORS = {
  Callback: { signIn: "Something went wrong while finishing your sign-in. Please try again." },
  OAuthAccountNotLinked: {
    signIn:
      "This email address already belongs to an account. Sign in the way you did before, then link this provider from there.",
  },
  SessionRequired: { signIn: "You need to be signed in to see that page." },
  RateLimited: { signIn: "Too many attempts. Wait a few minutes, then try again." },
  SessionTooLarge: {
    signIn:
      "Your account brings more information than this site can keep in a session. Try another way to sign in, or tell the site's administrator.",
  },
  MissingCSRF: {
    signIn: "This form had expired. Please try again.",
    page: {
      status: 403,
      heading: "This form had expired",
      message: "For your security the request was not carried out. Go back and try again.",
    },
  },
  Configuration: {
    page: {
      status: 500,
      heading: "Sign-in is unavailable",
      message: "The server's sign-in settings have a problem. The details are in the server log.",
    },
  },
  AccessDenied: {
    page: { status: 403, heading: "Access denied", message: "Your account isn't allowed to sign in here." },
  },
  Default: {
    signIn: "We couldn't sign you in. Please try again.",
    page: { status: 200, heading: "Something went wrong", message: "We couldn't complete that request." },
  },
} as const satisfies Partial<Record<ErrorCode, ErrorText>>;
