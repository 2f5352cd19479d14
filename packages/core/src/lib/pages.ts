/**
 * The built-in pages, as the code below the pages sees them. `lib/` never imports `pages/`:
 * `createAuth` passes the renderer in through the runtime.
 */
import type { ErrorCode } from "../errors.js";
import type { SetCookie } from "./cookies/set-cookie.js";
import type { SafeHtml } from "./html.js";
import type { RequestState } from "./http/request-state.js";

/** A page of a feature's own, in the frame every built-in page shares. */
export interface PageFrame {
  title: string;
  body: SafeHtml;
  status: number;
  cookies?: readonly SetCookie[];
  headers?: Record<string, string>;
  /** A script of ours (static text, admitted by its hash), run at the end of the page. */
  script?: string;
}

/** What the sign-in page shows beyond the configuration. */
export interface SignInPageInput {
  csrfToken: string;
  callbackUrl: string | undefined;
  /** A known error code from `?error=` or a failed attempt. */
  error?: ErrorCode | undefined;
  /** A message written for the user (a thrown `CredentialsSignin`), shown instead of the code's text. */
  message?: string | undefined;
  /** Field values to put back after a failed attempt (never passwords). */
  values?: Readonly<Record<string, string>>;
  status?: number;
  cookies?: readonly SetCookie[];
  headers?: Record<string, string>;
}

/** What the error page shows. */
export interface ErrorPageInput {
  code: ErrorCode;
  /** Overrides the code's own status. */
  status?: number;
  cookies?: readonly SetCookie[];
  headers?: Record<string, string>;
}

/** Renders the built-in pages for a request. */
export interface PageRenderer {
  /** Any page: `body` in the shared frame, themed, CSP-locked. */
  page(state: RequestState, frame: PageFrame): Promise<Response>;
  signIn(state: RequestState, input: SignInPageInput): Promise<Response>;
  error(state: RequestState, input: ErrorPageInput): Promise<Response>;
}
