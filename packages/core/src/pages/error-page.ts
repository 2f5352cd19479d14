/** The built-in error page, for the codes with a page text; anything else is `Default`. */
import type { ErrorCode, ErrorText } from "../errors.js";
import { html } from "../lib/html.js";
import type { ErrorPageInput, PageFrame } from "../lib/pages.js";

/** The error page for `input.code`, for the renderer's frame. */
export function errorPage(
  input: ErrorPageInput & { authUrl: string; origin: string; errorTexts: ReadonlyMap<ErrorCode, ErrorText> },
): PageFrame {
  const text = input.errorTexts.get(input.code)?.page ?? input.errorTexts.get("Default")?.page;
  if (text === undefined) throw new TypeError("The error texts have no page for Default.");
  const showSignIn = input.code === "Verification" || input.code === "MissingCSRF" || input.code === "AccessDenied";
  const body = html`<div class="icon" aria-hidden="true">!</div>
    <h1 id="title">${text.heading}</h1>
    <p class="lead">${text.message}</p>
    <div class="actions">
      ${showSignIn ? html`<a href="${input.authUrl}/signin">Sign in again</a>` : null}
      <a href="${input.origin}/">Go to the home page</a>
    </div>`;
  return {
    title: text.heading,
    body,
    status: input.status ?? text.status,
    cookies: input.cookies ?? [],
    headers: input.headers ?? {},
  };
}
