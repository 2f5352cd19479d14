/**
 * The built-in pages of password accounts — sign up, forgot password, choose a new password, a
 * mail is on its way, address verified, and the verification link's one-button confirmation —
 * in the frame every built-in page shares: themed, escaped, no JavaScript, labelled fields with
 * the right `autocomplete`, and errors announced (`role="alert"`).
 */
import type { SetCookie } from "../../lib/cookies/set-cookie.js";
import { attributes, html, type SafeHtml } from "../../lib/html.js";
import type { PageFrame } from "../../lib/pages.js";

/** What every form page needs. */
export interface FormPageInput {
  authUrl: string;
  providerId: string;
  csrfToken: string;
  cookies: readonly SetCookie[];
  /** The error to show, in words for the user. */
  error?: string | undefined;
  status?: number;
  /** Values to put back (never passwords). */
  values?: Readonly<Record<string, string>>;
  callbackUrl?: string | undefined;
  headers?: Record<string, string>;
}

function field(
  name: string,
  label: string,
  type: string,
  autocomplete: string,
  value?: string,
  extra: Record<string, string | boolean | undefined> = {},
): SafeHtml {
  const id = `password-${name}`;
  return html`<div class="field"><label for="${id}">${label}</label><input${attributes({
    id,
    name,
    type,
    autocomplete,
    value: type === "password" ? undefined : value,
    required: extra.required ?? true,
    ...extra,
  })} /></div>`;
}

function alert(heading: string, message: string | undefined): SafeHtml | null {
  return message === undefined
    ? null
    : html`<div class="alert" role="alert"><strong>${heading}</strong>${message}</div>`;
}

function hidden(input: FormPageInput): SafeHtml {
  return html`<input type="hidden" name="csrfToken" value="${input.csrfToken}" />${
    input.callbackUrl === undefined
      ? null
      : html`<input type="hidden" name="callbackUrl" value="${input.callbackUrl}" />`
  }`;
}

function frame(title: string, body: SafeHtml, input: FormPageInput): PageFrame {
  return { title, body, status: input.status ?? 200, cookies: input.cookies, headers: input.headers ?? {} };
}

/** The sign-up page (`GET signup/password`). */
export function signUpPage(input: FormPageInput & { minLength: number; maxLength: number }): PageFrame {
  const lengths = { minlength: String(input.minLength), maxlength: String(input.maxLength) };
  const body = html`<h1 id="title">Create an account</h1>
<p class="lead">Use at least ${String(input.minLength)} characters for your password; any characters work.</p>
${alert("Couldn't create the account", input.error)}
<form method="post" action="${input.authUrl}/signup/${encodeURIComponent(input.providerId)}">${hidden(input)}
${field("name", "Name (optional)", "text", "name", input.values?.name, { required: false })}
${field("email", "Email", "email", "email", input.values?.email)}
${field("password", "Password", "password", "new-password", undefined, lengths)}
<button type="submit">Create account</button>
</form>
<p class="footer">Already have an account? <a href="${input.authUrl}/signin">Sign in</a></p>`;
  return frame("Create an account", body, input);
}

/** The forgot-password page (`GET password/forgot`). */
export function forgotPage(input: FormPageInput): PageFrame {
  const body = html`<h1 id="title">Forgot your password?</h1>
<p class="lead">Enter your email and we'll send you a link to choose a new one.</p>
${alert("Couldn't send the link", input.error)}
<form method="post" action="${input.authUrl}/password/forgot">${hidden(input)}
${field("email", "Email", "email", "email", input.values?.email)}
<button type="submit">Send reset link</button>
</form>
<p class="footer"><a href="${input.authUrl}/signin">Back to sign in</a></p>`;
  return frame("Forgot your password?", body, input);
}

/** The page the reset link opens (`GET password/reset?token=…`): choose a new password. */
export function resetPage(input: FormPageInput & { token: string; minLength: number; maxLength: number }): PageFrame {
  const lengths = { minlength: String(input.minLength), maxlength: String(input.maxLength) };
  const body = html`<h1 id="title">Choose a new password</h1>
<p class="lead">Use at least ${String(input.minLength)} characters. Every other session will be signed out.</p>
${alert("Couldn't change the password", input.error)}
<form method="post" action="${input.authUrl}/password/reset">${hidden(input)}
<input type="hidden" name="token" value="${input.token}" />
${field("password", "New password", "password", "new-password", undefined, lengths)}
<button type="submit">Set new password</button>
</form>`;
  // The link's token is in this page's URL: never send it on as a referrer.
  return frame("Choose a new password", body, {
    ...input,
    headers: { ...input.headers, "Referrer-Policy": "no-referrer" },
  });
}

/** The verification link's page (`GET verify-email/password?token=…`): one button, which scanners never press. */
export function verifyEmailPage(input: FormPageInput & { token: string; host: string }): PageFrame {
  const body = html`<div class="icon" aria-hidden="true">✉</div>
<h1 id="title">Verify your email</h1>
<p class="lead">Confirm this address for your account on ${input.host}.</p>
<form method="post" action="${input.authUrl}/verify-email/${encodeURIComponent(input.providerId)}">${hidden(input)}
<input type="hidden" name="token" value="${input.token}" />
<button type="submit">Verify email</button>
</form>
<p class="footer">Didn't create an account? Close this page; nothing happens.</p>`;
  return frame("Verify your email", body, { ...input, headers: { "Referrer-Policy": "no-referrer" } });
}

/** A notice page: a mail is on its way, or the address is verified. */
export function noticePage(options: {
  authUrl: string;
  heading: string;
  message: string;
  action: string;
  actionUrl: string;
}): PageFrame {
  const body = html`<div class="icon" aria-hidden="true">✉</div>
<h1 id="title">${options.heading}</h1>
<p class="lead">${options.message}</p>
<div class="actions"><a href="${options.actionUrl}">${options.action}</a></div>`;
  return { title: options.heading, body, status: 200 };
}
