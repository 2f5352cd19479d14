/**
 * The sign-in email Gatehouse sends by default: HTML themed like the pages and a plain-text
 * part, everything escaped, saying which site it comes from and what to do if it was not you.
 */
import type { SendVerificationRequestParams } from "../../provider-types.js";
import { DEFAULTS } from "../../lib/config/defaults.js";
import { escapeHtml } from "../../lib/html.js";

/** Subject, text and HTML of the sign-in email. */
export function signInEmail(params: Pick<SendVerificationRequestParams, "url" | "theme" | "provider">): {
  subject: string;
  text: string;
  html: string;
} {
  const host = new URL(params.url).host;
  // From the configured lifetime, not from `expires` and the machine's clock: the app's clock
  // (`now`) decides expiry, and may differ.
  const count = Math.max(1, Math.round(params.provider.maxAge / 60));
  const minutes = `${count} minute${count === 1 ? "" : "s"}`;
  const brand = params.theme.brandColor ?? DEFAULTS.theme.brandColor;
  const buttonText = params.theme.buttonText ?? DEFAULTS.theme.buttonText;
  const safeBrand = /^#[0-9a-fA-F]{3,8}$/.test(brand) ? brand : DEFAULTS.theme.brandColor;
  const safeText = /^#[0-9a-fA-F]{3,8}$/.test(buttonText) ? buttonText : DEFAULTS.theme.buttonText;
  const url = escapeHtml(params.url);
  const site = escapeHtml(host);
  const subject = `Sign in to ${host}`;
  const text = `Sign in to ${host}\n\nOpen this link to sign in (it works once, for ${minutes}):\n${params.url}\n\nIf you did not ask for this email, you can ignore it.\n`;
  const html = `<!doctype html><html lang="en"><body style="margin:0;padding:32px 16px;background:#f4f5f8;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#111827">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0"><tr><td align="center">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="max-width:440px;background:#ffffff;border:1px solid #d0d5dd;border-radius:16px;padding:32px">
<tr><td style="font-size:22px;font-weight:650;padding-bottom:8px">Sign in to ${site}</td></tr>
<tr><td style="font-size:16px;line-height:1.5;color:#4b5563;padding-bottom:24px">Use the button below to sign in. It works once, for ${minutes}.</td></tr>
<tr><td align="center" style="padding-bottom:24px"><a href="${url}" style="display:inline-block;background:${safeBrand};color:${safeText};text-decoration:none;font-weight:600;padding:12px 24px;border-radius:10px">Sign in</a></td></tr>
<tr><td style="font-size:13px;line-height:1.5;color:#4b5563">If you did not ask for this email, you can ignore it. This link was requested on ${site}.</td></tr>
</table></td></tr></table></body></html>`;
  return { subject, text, html };
}
