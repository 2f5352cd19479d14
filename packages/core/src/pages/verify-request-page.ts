/** The built-in "check your email" page shown after an email sign-in link is sent. */
import type { ResolvedConfig } from "../lib/config/resolved-config.js";
import { html } from "./html.js";
import { pageResponse } from "./layout.js";

/** Renders the verify-request page. */
export function verifyRequestPage(options: {
  config: ResolvedConfig;
  origin: string;
  host: string;
}): Promise<Response> {
  const body = html`<div class="icon" aria-hidden="true">✉</div>
    <h1 id="title">Check your email</h1>
    <p class="lead">We sent you a sign-in link. It works once and expires soon; you can close this tab.</p>
    <div class="actions"><a href="${options.origin}/">Back to ${options.host}</a></div>`;
  return pageResponse({ title: "Check your email", theme: options.config.theme, body, status: 200 });
}
