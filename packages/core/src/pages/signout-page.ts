/** The built-in sign-out confirmation page: one button, posting with a CSRF token. */
import type { ResolvedConfig } from "../lib/config/resolved-config.js";
import type { SetCookie } from "../lib/cookies/set-cookie.js";
import { html } from "./html.js";
import { pageResponse } from "./layout.js";

/** Renders the sign-out page. */
export function signOutPage(options: {
  config: ResolvedConfig;
  authUrl: string;
  csrfToken: string;
  callbackUrl: string | undefined;
  cookies: readonly SetCookie[];
}): Promise<Response> {
  const body = html`<h1 id="title">Sign out</h1>
    <p class="lead">Are you sure you want to sign out?</p>
    <form method="post" action="${options.authUrl}/signout">
      <input type="hidden" name="csrfToken" value="${options.csrfToken}" />
      ${options.callbackUrl === undefined ? null : html`<input type="hidden" name="callbackUrl" value="${options.callbackUrl}" />`}
      <button type="submit">Sign out</button>
    </form>`;
  return pageResponse({ title: "Sign out", theme: options.config.theme, body, status: 200, cookies: options.cookies });
}
