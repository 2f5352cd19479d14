/**
 * The routes of password accounts, JSON or form bodies, every POST with the CSRF token:
 * `GET|POST signup/:id`, `GET|POST verify-email/:id`, and `password/<action>` —
 * `GET|POST password/forgot`, `GET|POST password/reset`, `POST password/change`, and the notice
 * pages `GET password/sent` and `GET password/verified`. A JSON caller (`json=true`, or an
 * `Accept` that prefers JSON) gets `{ ok, url }` or `{ error, message }` with the status; a form
 * gets a redirect, or its page again with the error.
 */
import { ensureCsrf } from "../../lib/csrf.js";
import { fail, prefersJson } from "../../lib/http/fail.js";
import { safeCallbackParam } from "../../lib/http/navigation.js";
import type { RequestState } from "../../lib/http/request-state.js";
import type { Body } from "../../lib/http/read-body.js";
import { jsonResponse, redirectResponse } from "../../lib/http/respond.js";
import type { PageFrame } from "../../lib/pages.js";
import type { ResolvedPasswordProvider } from "../../provider-types.js";
import type { Route } from "../feature.js";
import { changePassword } from "./change-password.js";
import { forgotPassword } from "./forgot-password.js";
import { passwordProvider, type PasswordOutcome } from "./outcome.js";
import {
  forgotPage,
  noticePage,
  resetPage,
  signUpPage,
  verifyEmailPage,
  type FormPageInput,
} from "./password-pages.js";
import { tokenEmail } from "./password-tokens.js";
import { resetPassword } from "./reset-password.js";
import { signUp, verificationBinding } from "./sign-up.js";
import { verifyEmail } from "./verify-email.js";
import { askedHere } from "../../lib/mail/link-binding.js";

type PageOf = (input: FormPageInput) => PageFrame;

async function formInput(
  state: RequestState,
  provider: ResolvedPasswordProvider,
  extra: Partial<FormPageInput> = {},
): Promise<FormPageInput> {
  const csrf = await ensureCsrf(state);
  return { authUrl: state.authUrl, providerId: provider.id, csrfToken: csrf.token, cookies: csrf.cookies, ...extra };
}

/** Answers an outcome: JSON, a redirect, or (a refused form) its page again with the error. */
async function answer(
  state: RequestState,
  body: Body,
  outcome: PasswordOutcome,
  page: PageOf | null,
  provider: ResolvedPasswordProvider,
): Promise<Response> {
  const json = prefersJson(state, body);
  if (outcome.ok) {
    return json
      ? jsonResponse({ ok: true, url: outcome.url }, 200, outcome.cookies ?? [])
      : redirectResponse(outcome.url, outcome.cookies ?? []);
  }
  if (json) {
    const payload =
      outcome.message === undefined ? { error: outcome.code } : { error: outcome.code, message: outcome.message };
    return jsonResponse(payload, outcome.status, [], outcome.headers);
  }
  if (page === null || outcome.code === "Verification" || outcome.code === "SessionRequired") {
    return fail(state, { status: outcome.status, code: outcome.code, json: false, headers: outcome.headers ?? {} });
  }
  const text =
    outcome.message ?? state.runtime.errorTexts.get(outcome.code)?.signIn ?? "Something went wrong. Try again.";
  const values: Record<string, string> = {};
  for (const name of ["email", "name"]) {
    const value = body[name];
    if (typeof value === "string") values[name] = value.slice(0, 256);
  }
  const input = await formInput(state, provider, {
    error: text,
    status: outcome.status,
    values,
    callbackUrl: safeCallbackParam(state, body.callbackUrl),
    headers: outcome.headers ?? {},
  });
  return state.runtime.pages.page(state, page(input));
}

function unknownProvider(state: RequestState): Response | Promise<Response> {
  return fail(state, { status: 404, code: "UnknownProvider", json: prefersJson(state) });
}

const signUpForm =
  (provider: ResolvedPasswordProvider): PageOf =>
  (input) =>
    signUpPage({ ...input, minLength: provider.minLength, maxLength: provider.maxLength });

/** `GET|POST signup/:id`. */
export const signUpRoute: Route = {
  provider: "required",
  async GET(state, { providerId }) {
    const provider = passwordProvider(state, providerId);
    if (provider === undefined) return unknownProvider(state);
    const callbackUrl = safeCallbackParam(state, state.url.searchParams.get("callbackUrl"));
    return state.runtime.pages.page(state, signUpForm(provider)(await formInput(state, provider, { callbackUrl })));
  },
  async POST(state, { providerId, body }) {
    const provider = passwordProvider(state, providerId);
    if (provider === undefined) return unknownProvider(state);
    const outcome = await signUp(state, provider, { email: body.email, password: body.password, name: body.name });
    return answer(state, body, outcome, signUpForm(provider), provider);
  },
};

/** `GET|POST verify-email/:id`. */
export const verifyEmailRoute: Route = {
  provider: "required",
  async GET(state, { providerId }) {
    const provider = passwordProvider(state, providerId);
    if (provider === undefined) return unknownProvider(state);
    const token = state.url.searchParams.get("token");
    if (tokenEmail(token) === null) return fail(state, { status: 403, code: "Verification", json: false });
    // The browser that signed up verifies by opening the link; any other opener (a mail
    // scanner, another device) gets the one-button page, and a HEAD uses nothing.
    if (state.request.method !== "HEAD" && (await askedHere(state, verificationBinding(provider), token as string)))
      return answer(state, {}, await verifyEmail(state, token), null, provider);
    const input = await formInput(state, provider);
    return state.runtime.pages.page(
      state,
      verifyEmailPage({ ...input, token: token as string, host: new URL(state.origin).host }),
    );
  },
  async POST(state, { providerId, body }) {
    const provider = passwordProvider(state, providerId);
    if (provider === undefined) return unknownProvider(state);
    return answer(state, body, await verifyEmail(state, body.token), null, provider);
  },
};

function notice(state: RequestState, kind: string | null, what: string | null): PageFrame | null {
  const signIn = `${state.authUrl}/signin`;
  if (kind === "verified") {
    return noticePage({
      authUrl: state.authUrl,
      heading: "Email verified",
      message: "Your address is confirmed. Sign in with your password.",
      action: "Sign in",
      actionUrl: signIn,
    });
  }
  if (kind !== "sent") return null;
  return noticePage({
    authUrl: state.authUrl,
    heading: "Check your email",
    message:
      what === "reset"
        ? "If that address has an account, we sent it a link to choose a new password. It works once and expires soon."
        : "We sent a link to that address. Open it to verify your email, then sign in.",
    action: "Back to sign in",
    actionUrl: signIn,
  });
}

/** `password/<action>`: forgot, reset, change, and the notice pages. */
export const passwordRoute: Route = {
  provider: "required",
  async GET(state, { providerId: action }) {
    const provider = passwordProvider(state);
    if (provider === undefined) return unknownProvider(state);
    if (action === "forgot") return state.runtime.pages.page(state, forgotPage(await formInput(state, provider)));
    if (action === "reset") {
      const token = state.url.searchParams.get("token");
      if (tokenEmail(token) === null) return fail(state, { status: 403, code: "Verification", json: false });
      const input = await formInput(state, provider);
      return state.runtime.pages.page(
        state,
        resetPage({ ...input, token: token as string, minLength: provider.minLength, maxLength: provider.maxLength }),
      );
    }
    const page = notice(state, action ?? null, state.url.searchParams.get("mail"));
    if (page === null) return fail(state, { status: 404, code: "NotFound", json: prefersJson(state) });
    return state.runtime.pages.page(state, page);
  },
  async POST(state, { providerId: action, body }) {
    const provider = passwordProvider(state);
    if (provider === undefined) return unknownProvider(state);
    if (action === "forgot")
      return answer(state, body, await forgotPassword(state, provider, body.email), forgotPage, provider);
    if (action === "reset") {
      const outcome = await resetPassword(state, provider, { token: body.token, password: body.password });
      const token = typeof body.token === "string" ? body.token : "";
      const page: PageOf = (input) =>
        resetPage({ ...input, token, minLength: provider.minLength, maxLength: provider.maxLength });
      return answer(state, body, outcome, page, provider);
    }
    if (action === "change") {
      const outcome = await changePassword(state, provider, {
        currentPassword: body.currentPassword,
        newPassword: body.newPassword,
      });
      return answer(state, body, outcome, null, provider);
    }
    return fail(state, { status: 404, code: "NotFound", json: prefersJson(state, body) });
  },
};
