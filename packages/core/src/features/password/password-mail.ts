/**
 * The mails of password accounts — verify your address, reset your password, your password was
 * changed, someone tried to sign up with your address — through the same sender as magic links:
 * the provider's `sendMail[kind]` when given, else nodemailer to `server`, else (development) the
 * dev mailbox. Every mail says which site sent it and what to do if it was not you; everything in
 * it is escaped.
 */
import { DEFAULTS } from "../../lib/config/defaults.js";
import { escapeHtml } from "../../lib/html.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { deliverToDevMailbox } from "../../lib/mail/dev-mailbox.js";
import { sendMail } from "../../lib/mail/send-mail.js";
import type { PasswordMailKind, PasswordMailParams, ResolvedPasswordProvider } from "../../provider-types.js";

interface Wording {
  subject: string;
  lead: string;
  button: string;
  devSubject: string;
  footer: string;
}

function wording(kind: PasswordMailKind, host: string, minutes: string): Wording {
  switch (kind) {
    case "verifyEmail":
      return {
        subject: `Verify your email for ${host}`,
        lead: `Confirm this address to finish creating your account. The link works once, for ${minutes}.`,
        button: "Verify email",
        devSubject: "Email verification link",
        footer: "If you did not create an account, you can ignore this email.",
      };
    case "resetPassword":
      return {
        subject: `Reset your password for ${host}`,
        lead: `Choose a new password with the button below. The link works once, for ${minutes}.`,
        button: "Reset password",
        devSubject: "Password reset link",
        footer: "If you did not ask to reset your password, ignore this email: your password stays as it is.",
      };
    case "passwordChanged":
      return {
        subject: `Your password for ${host} was changed`,
        lead: "Your password was just changed, and every other session was signed out.",
        button: "Sign in",
        devSubject: "Password changed notice",
        footer: "If this was not you, reset your password now with “Forgot password” on the sign-in page.",
      };
    case "accountExists":
      return {
        subject: `Someone tried to sign up for ${host} with your email`,
        lead: "Someone tried to create an account with this address, which already has one. Nothing was changed.",
        button: "Sign in",
        devSubject: "Sign-up attempt notice",
        footer:
          "If it was you, sign in, or use “Forgot password” if you do not remember it. Otherwise, ignore this email.",
      };
  }
}

function minutesOf(seconds: number): string {
  if (seconds % 3600 === 0) {
    const hours = seconds / 3600;
    return `${hours} hour${hours === 1 ? "" : "s"}`;
  }
  const count = Math.max(1, Math.round(seconds / 60));
  return `${count} minute${count === 1 ? "" : "s"}`;
}

/** Subject, text and HTML of one mail. */
export function passwordMail(
  params: Pick<PasswordMailParams, "kind" | "url" | "theme">,
  lifetime: number,
): { subject: string; text: string; html: string } {
  const host = new URL(params.url).host;
  const words = wording(params.kind, host, minutesOf(lifetime));
  const brand = params.theme.brandColor ?? DEFAULTS.theme.brandColor;
  const buttonText = params.theme.buttonText ?? DEFAULTS.theme.buttonText;
  const safeBrand = /^#[0-9a-fA-F]{3,8}$/.test(brand) ? brand : DEFAULTS.theme.brandColor;
  const safeText = /^#[0-9a-fA-F]{3,8}$/.test(buttonText) ? buttonText : DEFAULTS.theme.buttonText;
  const url = escapeHtml(params.url);
  const text = `${words.subject}\n\n${words.lead}\n${params.url}\n\n${words.footer}\n`;
  const html = `<!doctype html><html lang="en"><body style="margin:0;padding:32px 16px;background:#f4f5f8;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#111827">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0"><tr><td align="center">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="max-width:440px;background:#ffffff;border:1px solid #d0d5dd;border-radius:16px;padding:32px">
<tr><td style="font-size:22px;font-weight:650;padding-bottom:8px">${escapeHtml(words.subject)}</td></tr>
<tr><td style="font-size:16px;line-height:1.5;color:#4b5563;padding-bottom:24px">${escapeHtml(words.lead)}</td></tr>
<tr><td align="center" style="padding-bottom:24px"><a href="${url}" style="display:inline-block;background:${safeBrand};color:${safeText};text-decoration:none;font-weight:600;padding:12px 24px;border-radius:10px">${escapeHtml(words.button)}</a></td></tr>
<tr><td style="font-size:13px;line-height:1.5;color:#4b5563">${escapeHtml(words.footer)}</td></tr>
</table></td></tr></table></body></html>`;
  return { subject: words.subject, text, html };
}

/**
 * Sends one mail of `kind` to `to`.
 * @throws whatever the sender throws (the caller decides whether the user may know).
 */
export async function sendPasswordMail(
  state: RequestState,
  provider: ResolvedPasswordProvider,
  kind: PasswordMailKind,
  to: string,
  url: string,
  expires: Date | null,
): Promise<void> {
  const params: PasswordMailParams = {
    kind,
    identifier: to,
    url,
    expires,
    provider: { id: provider.id, name: provider.name, server: provider.server, from: provider.from },
    theme: state.config.theme,
    request: state.request,
  };
  const custom = provider.sendMail[kind];
  if (custom !== undefined) return custom(params);
  const lifetime = kind === "verifyEmail" ? provider.verificationMaxAge : provider.resetMaxAge;
  if (provider.server !== undefined) {
    return sendMail(state, provider.server, { to, from: provider.from, ...passwordMail(params, lifetime) });
  }
  deliverToDevMailbox(state, { to, subject: wording(kind, "", "").devSubject, url });
}
