/** The page an email link opens: one button to finish signing in (scanners never press it). */
import type { SetCookie } from "../../lib/cookies/set-cookie.js";
import { html } from "../../lib/html.js";
import type { PageFrame } from "../../lib/pages.js";

/** The confirmation page, for the renderer's frame. */
export function emailConfirmPage(options: {
  action: string;
  csrfToken: string;
  email: string;
  token: string;
  callbackUrl: string | undefined;
  host: string;
  cookies: readonly SetCookie[];
}): PageFrame {
  const body = html`<div class="icon" aria-hidden="true">✉</div>
<h1 id="title">Finish signing in</h1>
<p class="lead">Sign in to ${options.host} as <strong>${options.email}</strong>.</p>
<form method="post" action="${options.action}">
<input type="hidden" name="csrfToken" value="${options.csrfToken}" />
<input type="hidden" name="token" value="${options.token}" />
<input type="hidden" name="email" value="${options.email}" />
${options.callbackUrl === undefined ? null : html`<input type="hidden" name="callbackUrl" value="${options.callbackUrl}" />`}
<button type="submit">Sign in</button>
</form>
<p class="footer">Didn't ask for this? Close this page; nothing happens.</p>`;
  return {
    title: "Finish signing in",
    body,
    status: 200,
    cookies: options.cookies,
    // The link's token is in this page's URL: never send it on as a referrer.
    headers: { "Referrer-Policy": "no-referrer" },
  };
}
