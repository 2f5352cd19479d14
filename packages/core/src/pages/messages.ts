/**
 * What the built-in pages say for each error code. The codes are next-auth v4's (custom pages
 * written for next-auth read the same `?error=` values); the wording is ours. Only these known
 * codes are ever shown: text from the URL never reaches the page.
 */

/** `?error=` codes shown on the sign-in page. */
export const SIGNIN_ERRORS: Readonly<Record<string, string>> = Object.freeze({
  OAuthSignin: "We couldn't start signing you in with that provider. Please try again.",
  OAuthCallback: "The provider's answer could not be verified. Please try again.",
  OAuthCreateAccount: "We couldn't create an account from that provider. Try another way to sign in.",
  EmailCreateAccount: "We couldn't create an account for that email address. Try another way to sign in.",
  Callback: "Something went wrong while finishing your sign-in. Please try again.",
  OAuthAccountNotLinked:
    "This email address already belongs to an account. Sign in the way you did before, then link this provider from there.",
  EmailSignin: "We couldn't send the sign-in email. Check the address and try again.",
  CredentialsSignin: "Those details don't match an account. Check them and try again.",
  SessionRequired: "You need to be signed in to see that page.",
  MissingCSRF: "This form had expired. Please try again.",
  RateLimited: "Too many attempts. Wait a few minutes, then try again.",
  Default: "We couldn't sign you in. Please try again.",
});

/** Codes that send the error route to the sign-in page instead (next-auth v4 behaviour). */
export const SIGNIN_ERROR_CODES: ReadonlySet<string> = new Set(
  Object.keys(SIGNIN_ERRORS).filter((code) => code !== "Default" && code !== "MissingCSRF"),
);

/** One error page: status, heading and explanation. */
export interface ErrorPageText {
  status: number;
  heading: string;
  message: string;
}

/** `?error=` codes of the error page. */
export const ERROR_PAGES: Readonly<Record<string, ErrorPageText>> = Object.freeze({
  Configuration: {
    status: 500,
    heading: "Sign-in is unavailable",
    message: "The server's sign-in settings have a problem. The details are in the server log.",
  },
  AccessDenied: {
    status: 403,
    heading: "Access denied",
    message: "Your account isn't allowed to sign in here.",
  },
  Verification: {
    status: 403,
    heading: "This link has expired",
    message: "Sign-in links work once and only for a short time. Request a new one.",
  },
  MissingCSRF: {
    status: 403,
    heading: "This form had expired",
    message: "For your security the request was not carried out. Go back and try again.",
  },
  Default: {
    status: 200,
    heading: "Something went wrong",
    message: "We couldn't complete that request.",
  },
});
