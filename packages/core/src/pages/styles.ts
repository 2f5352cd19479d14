/**
 * The stylesheet of the built-in pages, themed from `theme`. One inline `<style>` whose SHA-256
 * goes into the page's Content-Security-Policy, so the pages run with no inline script or style
 * allowance at all. Colors meet WCAG AA contrast in both schemes.
 */
import type { ResolvedTheme } from "../lib/config/resolved-config.js";

const LIGHT = `--bg:#f4f5f8;--card:#ffffff;--text:#111827;--muted:#4b5563;--border:#d0d5dd;--field:#ffffff;--field-border:#9aa1ad;--secondary:#f3f4f6;--secondary-hover:#e5e7eb;--alert-bg:#fef2f2;--alert-border:#f3b4b4;--alert-text:#8f1d1d;--shadow:0 1px 2px rgba(16,24,40,.06),0 12px 32px rgba(16,24,40,.08);--link:var(--brand)`;
const DARK = `--bg:#0c0e13;--card:#161922;--text:#f2f4f7;--muted:#a9b0bd;--border:#2c3240;--field:#0f1218;--field-border:#4a5263;--secondary:#222734;--secondary-hover:#2b3142;--alert-bg:#2b1114;--alert-border:#7a2630;--alert-text:#ffd1d1;--shadow:0 1px 2px rgba(0,0,0,.4),0 12px 32px rgba(0,0,0,.45);--link:color-mix(in srgb,var(--brand) 45%,#ffffff)`;

/** The stylesheet for one theme. */
export function stylesheet(theme: ResolvedTheme): string {
  const schemes =
    theme.colorScheme === "light"
      ? `:root{color-scheme:light;${LIGHT}}`
      : theme.colorScheme === "dark"
        ? `:root{color-scheme:dark;${DARK}}`
        : `:root{color-scheme:light dark;${LIGHT}}@media (prefers-color-scheme:dark){:root{${DARK}}}`;
  return `${schemes}
:root{--brand:${theme.brandColor};--brand-text:${theme.buttonText};--radius:10px}
*,*::before,*::after{box-sizing:border-box}
html,body{margin:0;padding:0}
body{background:var(--bg);color:var(--text);font:16px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-font-smoothing:antialiased}
.page{min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;padding:48px 16px}
.logo{display:block;max-width:160px;max-height:64px;margin:0 auto 24px}
.card{width:100%;max-width:400px;background:var(--card);border:1px solid var(--border);border-radius:16px;box-shadow:var(--shadow);padding:32px}
h1{font-size:1.5rem;line-height:1.25;font-weight:650;margin:0 0 4px;letter-spacing:-.01em}
.lead{color:var(--muted);margin:0 0 24px}
.stack{display:flex;flex-direction:column;gap:12px}
form{margin:0}
.field{display:flex;flex-direction:column;gap:6px;margin-bottom:14px}
label{font-size:.875rem;font-weight:600}
input{font:inherit;color:var(--text);background:var(--field);border:1px solid var(--field-border);border-radius:var(--radius);padding:10px 12px;width:100%}
input::placeholder{color:var(--muted);opacity:.8}
input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid color-mix(in srgb,var(--brand) 55%,transparent);outline-offset:2px}
button{font:inherit;font-weight:600;cursor:pointer;width:100%;border-radius:var(--radius);padding:11px 16px;border:1px solid transparent;background:var(--brand);color:var(--brand-text);transition:filter .15s ease}
button:hover{filter:brightness(1.08)}
button:active{filter:brightness(.95)}
.secondary{background:var(--secondary);color:var(--text);border-color:var(--border)}
.secondary:hover{background:var(--secondary-hover);filter:none}
.divider{display:flex;align-items:center;gap:12px;color:var(--muted);font-size:.8125rem;margin:20px 0;text-transform:uppercase;letter-spacing:.06em}
.divider::before,.divider::after{content:"";flex:1;height:1px;background:var(--border)}
.alert{background:var(--alert-bg);border:1px solid var(--alert-border);color:var(--alert-text);border-radius:var(--radius);padding:12px 14px;margin:0 0 20px;font-size:.9375rem}
.alert strong{display:block;margin-bottom:2px}
a{color:var(--link);font-weight:600;text-decoration:underline;text-underline-offset:3px}
.actions{display:flex;flex-direction:column;gap:10px;margin-top:8px}
.footer{color:var(--muted);font-size:.8125rem;margin-top:24px;text-align:center}
.icon{display:block;width:48px;height:48px;margin:0 0 16px;border-radius:12px;background:color-mix(in srgb,var(--brand) 14%,transparent);color:var(--link);font-size:26px;line-height:48px;text-align:center}
`;
}
