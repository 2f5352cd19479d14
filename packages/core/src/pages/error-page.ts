/** The built-in error page, for the codes in {@link ERROR_PAGES}; anything else is `Default`. */
import type { ResolvedConfig } from "../lib/config/resolved-config.js";
import type { SetCookie } from "../lib/cookies/set-cookie.js";
import { html } from "./html.js";
import { pageResponse } from "./layout.js";
import { ERROR_PAGES, type ErrorPageText } from "./messages.js";

/** Renders the error page for `code`. */
export function errorPage(options: {
  config: ResolvedConfig;
  authUrl: string;
  origin: string;
  code: string;
  /** Overrides the status of the code's entry. */
  status?: number;
  cookies?: readonly SetCookie[];
  headers?: Record<string, string>;
}): Promise<Response> {
  const text: ErrorPageText = ERROR_PAGES[options.code] ?? (ERROR_PAGES.Default as ErrorPageText);
  const showSignIn =
    options.code === "Verification" || options.code === "MissingCSRF" || options.code === "AccessDenied";
  const body = html`<div class="icon" aria-hidden="true">!</div>
    <h1 id="title">${text.heading}</h1>
    <p class="lead">${text.message}</p>
    <div class="actions">
      ${showSignIn ? html`<a href="${options.authUrl}/signin">Sign in again</a>` : null}
      <a href="${options.origin}/">Go to the home page</a>
    </div>`;
  return pageResponse({
    title: text.heading,
    theme: options.config.theme,
    body,
    status: options.status ?? text.status,
    cookies: options.cookies ?? [],
    headers: options.headers ?? {},
  });
}
