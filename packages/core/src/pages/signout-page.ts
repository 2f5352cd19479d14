/** The built-in sign-out confirmation page: one button, posting with a CSRF token. */
import { html } from "../lib/html.js";
import type { PageFrame } from "../lib/pages.js";
import type { SetCookie } from "../lib/cookies/set-cookie.js";

/** The sign-out page, for the renderer's frame. */
export function signOutPage(options: {
  authUrl: string;
  csrfToken: string;
  callbackUrl: string | undefined;
  cookies: readonly SetCookie[];
}): PageFrame {
  const body = html`<h1 id="title">Sign out</h1>
    <p class="lead">Are you sure you want to sign out?</p>
    <form method="post" action="${options.authUrl}/signout">
      <input type="hidden" name="csrfToken" value="${options.csrfToken}" />
      ${options.callbackUrl === undefined ? null : html`<input type="hidden" name="callbackUrl" value="${options.callbackUrl}" />`}
      <button type="submit">Sign out</button>
    </form>`;
  return { title: "Sign out", body, status: 200, cookies: options.cookies };
}
