/**
 * The built-in second-factor page: one field for the six-digit code from the authenticator app
 * (or a backup code), the "trust this device" choice when the option is on, and the CSRF token.
 * It serves a sign-in waiting for its second factor and a step-up alike.
 */
import type { ErrorCode } from "../../errors.js";
import { ensureCsrf } from "../../lib/csrf.js";
import { html } from "../../lib/html.js";
import type { RequestState } from "../../lib/http/request-state.js";

/** What the page shows. */
export interface CodePageInput {
  mode: "sign-in" | "step-up";
  error?: ErrorCode | undefined;
  callbackUrl?: string | undefined;
  status?: number;
  headers?: Record<string, string>;
}

/** Renders the page. */
export async function codePage(state: RequestState, input: CodePageInput): Promise<Response> {
  const csrf = await ensureCsrf(state);
  const text = input.error === undefined ? undefined : state.runtime.errorTexts.get(input.error)?.signIn;
  const trust = input.mode === "sign-in" && state.config.twoFactor?.trustDeviceMaxAge !== false;
  const days = Math.round(Number(state.config.twoFactor?.trustDeviceMaxAge ?? 0) / 86_400);
  const body = html`<h1 id="title">${input.mode === "sign-in" ? "Two-factor authentication" : "Confirm it's you"}</h1>
    <p class="lead">Enter the six-digit code from your authenticator app, or one of your backup codes.</p>
    ${input.error === undefined ? null : html`<div class="alert" role="alert">${text ?? "That code didn't work."}</div>`}
    <form method="post" action="${state.authUrl}/two-factor">
      <input type="hidden" name="csrfToken" value="${csrf.token}" />
      ${input.callbackUrl === undefined ? null : html`<input type="hidden" name="callbackUrl" value="${input.callbackUrl}" />`}
      <label for="two-factor-code">Code</label>
      <input id="two-factor-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required autofocus maxlength="64" />
      ${
        trust
          ? html`<label class="checkbox"><input type="checkbox" name="trustDevice" value="true" /> Trust this device for ${String(days)} days</label>`
          : null
      }
      <button type="submit">Verify</button>
    </form>`;
  return state.runtime.pages.page(state, {
    title: "Two-factor authentication",
    body,
    status: input.status ?? 200,
    cookies: csrf.cookies,
    headers: input.headers ?? {},
  });
}
