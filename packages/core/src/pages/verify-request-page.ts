/** The built-in "check your email" page shown after an email sign-in link is sent. */
import { html } from "../lib/html.js";
import type { PageFrame } from "../lib/pages.js";

/** The verify-request page, for the renderer's frame. */
export function verifyRequestPage(options: { origin: string; host: string }): PageFrame {
  const body = html`<div class="icon" aria-hidden="true">✉</div>
    <h1 id="title">Check your email</h1>
    <p class="lead">We sent you a sign-in link. It works once and expires soon; you can close this tab.</p>
    <div class="actions"><a href="${options.origin}/">Back to ${options.host}</a></div>`;
  return { title: "Check your email", body, status: 200 };
}
