/**
 * The built-in sign-in page: one form per provider, each posting with a CSRF token, so signing
 * in needs no client JavaScript. Credentials forms are generated from the provider's
 * `credentials` fields.
 */
import type { ErrorCode, ErrorText } from "../errors.js";
import { attributes, html, type SafeHtml } from "../lib/html.js";
import type { PageFrame, SignInPageInput } from "../lib/pages.js";
import type { CredentialInput, ProviderType } from "../provider-types.js";
import { PASSKEY_SCRIPT } from "./passkey-script.js";

const INPUT_TYPES: ReadonlySet<string> = new Set(["text", "email", "password", "tel", "number", "url", "search"]);

/** What the page needs to know about a provider. */
export interface PageProvider {
  readonly id: string;
  readonly name: string;
  readonly type: ProviderType;
  /** Credentials providers: the form fields. */
  readonly credentials?: Readonly<Record<string, CredentialInput>>;
}

/** What the sign-in page shows. */
export interface SignInPageOptions extends SignInPageInput {
  providers: readonly PageProvider[];
  authUrl: string;
  host: string;
  /** The text of each error code. */
  errorTexts: ReadonlyMap<ErrorCode, ErrorText>;
}

/** The sign-in page, for the renderer's frame. */
export function signInPage(options: SignInPageOptions): PageFrame {
  const hidden = html`<input type="hidden" name="csrfToken" value="${options.csrfToken}" />${
    options.callbackUrl === undefined
      ? null
      : html`<input type="hidden" name="callbackUrl" value="${options.callbackUrl}" />`
  }`;
  const { providers } = options;
  const sections = providers.map((provider) => providerForm(provider, options, hidden, providers.length === 1));
  const fallback = options.errorTexts.get("Default")?.signIn ?? "";
  const alert =
    options.error === undefined
      ? null
      : html`<div class="alert" role="alert">
          <strong>Couldn't sign you in</strong>${
            options.message ?? options.errorTexts.get(options.error)?.signIn ?? fallback
          }
        </div>`;
  const body = html`<h1 id="title">Sign in</h1>
    <p class="lead">to continue to ${options.host}</p>
    ${alert}
    ${
      sections.length === 0
        ? html`<p>No sign-in methods are configured. Add a provider to <code>providers</code>.</p>`
        : sections.map((section, index) =>
            index === 0
              ? section
              : html`<div class="divider" aria-hidden="true">or</div>
                  ${section}`,
          )
    }`;
  return {
    title: "Sign in",
    body,
    ...(providers.some((provider) => provider.type === "webauthn") ? { script: PASSKEY_SCRIPT } : {}),
    status: options.status ?? 200,
    cookies: options.cookies ?? [],
    headers: options.headers ?? {},
  };
}

function providerForm(provider: PageProvider, options: SignInPageOptions, hidden: SafeHtml, only: boolean): SafeHtml {
  const id = encodeURIComponent(provider.id);
  const label =
    only && provider.type !== "oauth" && provider.type !== "oidc" ? "Sign in" : `Sign in with ${provider.name}`;
  if (provider.type === "oauth" || provider.type === "oidc") {
    return html`<form method="post" action="${options.authUrl}/signin/${id}">${hidden}<button type="submit" class="secondary">${label}</button></form>`;
  }
  if (provider.type === "webauthn") {
    // The field is where the browser offers this site's passkeys (conditional mediation).
    const field = html`<div class="field"><label for="input-username-for-${provider.id}-provider">Username</label><input id="input-username-for-${provider.id}-provider" name="username" type="text" autocomplete="username webauthn" /></div>`;
    return html`<form id="passkey-form" method="post" action="${options.authUrl}/signin/${id}" data-auth-url="${options.authUrl}" data-provider="${provider.id}">${hidden}${field}<button type="submit">${label}</button><p id="passkey-alert" class="alert" role="alert" hidden>That passkey didn't sign you in. Try again, or use another way to sign in.</p></form>`;
  }
  if (provider.type === "email") {
    const field = credentialField(
      provider.id,
      "email",
      { label: "Email", type: "email", placeholder: "you@example.com" },
      options.values?.email,
    );
    return html`<form method="post" action="${options.authUrl}/signin/${id}">${hidden}${field}<button type="submit">${label}</button></form>`;
  }
  if (provider.type === "password") {
    const email = credentialField(provider.id, "email", { label: "Email", type: "email" }, options.values?.email);
    const password = credentialField(provider.id, "password", { label: "Password", type: "password" }, undefined);
    return html`<form method="post" action="${options.authUrl}/callback/${id}">${hidden}${email}${password}<button type="submit">${label}</button></form>
<p class="footer"><a href="${options.authUrl}/password/forgot">Forgot your password?</a> · <a href="${options.authUrl}/signup/${id}">Create an account</a></p>`;
  }
  const fields = Object.entries(provider.credentials ?? {}).map(([name, input]) =>
    credentialField(provider.id, name, input, options.values?.[name]),
  );
  return html`<form method="post" action="${options.authUrl}/callback/${id}">${hidden}${fields}<button type="submit">${label}</button></form>`;
}

function credentialField(
  providerId: string,
  name: string,
  input: CredentialInput,
  previous: string | undefined,
): SafeHtml {
  const id = `input-${name}-for-${providerId}-provider`;
  const type = typeof input.type === "string" && INPUT_TYPES.has(input.type) ? input.type : "text";
  const label = typeof input.label === "string" ? input.label : name;
  const placeholder = typeof input.placeholder === "string" ? input.placeholder : undefined;
  const value =
    type === "password" ? undefined : (previous ?? (typeof input.value === "string" ? input.value : undefined));
  const autocomplete =
    typeof input.autocomplete === "string"
      ? input.autocomplete
      : type === "password"
        ? "current-password"
        : type === "email" || name === "email"
          ? "email"
          : name === "username"
            ? "username"
            : undefined;
  const attrs = attributes({
    id,
    name,
    type,
    placeholder,
    value,
    autocomplete,
    required: input.required !== false,
  });
  return html`<div class="field"><label for="${id}">${label}</label><input${attrs} /></div>`;
}
