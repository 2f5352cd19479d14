/**
 * The frame every built-in page shares, and the response it goes out in: `no-store`, framing
 * refused, no referrer, and a Content-Security-Policy that allows nothing but the one stylesheet
 * (by hash), images for the logo, and form posts.
 */
import { base64urlEncode, sha256 } from "#crypto";
import type { ResolvedTheme } from "../lib/config/resolved-config.js";
import { utf8 } from "../lib/encoding.js";
import { html, SafeHtml } from "../lib/html.js";
import { withCookies } from "../lib/http/respond.js";
import type { PageFrame } from "../lib/pages.js";
import { stylesheet } from "./styles.js";

/** The stylesheet of a theme and the Content-Security-Policy that admits exactly it. */
export interface PageAssets {
  css: string;
  csp: string;
}

/** Works out the assets of `theme` (the renderer keeps them for the runtime's life). */
export async function pageAssets(theme: ResolvedTheme): Promise<PageAssets> {
  // The stylesheet is ours (theme colors are validated at configuration), so it goes in unescaped.
  const css = stylesheet(theme);
  const hash = base64urlEncode(await sha256(utf8.encode(css)))
    .replace(/-/g, "+")
    .replace(/_/g, "/");
  const padded = hash + "=".repeat((4 - (hash.length % 4)) % 4);
  const csp = `default-src 'none'; style-src 'sha256-${padded}'; img-src 'self' https: data:; base-uri 'none'; frame-ancestors 'none'`;
  return { css, csp };
}

/** The CSP source for an inline script of ours: its SHA-256, base64. */
export async function scriptSource(script: string): Promise<string> {
  const hash = base64urlEncode(await sha256(utf8.encode(script)))
    .replace(/-/g, "+")
    .replace(/_/g, "/");
  return `'sha256-${hash + "=".repeat((4 - (hash.length % 4)) % 4)}'`;
}

/**
 * Renders a full page and wraps it in a response. A page with a script (`frame.script`) also
 * admits that script, by `scriptHash` (from {@link scriptSource}), and its same-origin requests.
 */
export function pageResponse(
  assets: PageAssets,
  theme: ResolvedTheme,
  frame: PageFrame,
  scriptHash?: string,
): Response {
  const { css } = assets;
  const csp =
    frame.script === undefined || scriptHash === undefined
      ? assets.csp
      : `${assets.csp}; script-src ${scriptHash}; connect-src 'self'`;
  const script =
    frame.script === undefined || scriptHash === undefined
      ? null
      : html`<script>${new SafeHtml(frame.script)}</script>`;
  const logo = theme.logo === undefined ? null : html`<img class="logo" src="${theme.logo}" alt="" />`;
  const document = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${frame.title}</title>
        <style>${new SafeHtml(css)}</style>
      </head>
      <body>
        <main class="page">
          ${logo}
          <section class="card" aria-labelledby="title">${frame.body}</section>
          <p class="footer">Secured by Gatehouse</p>
        </main>
        ${script}
      </body>
    </html> `;
  const headers = new Headers({
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "private, no-cache, no-store",
    "Content-Security-Policy": csp,
    // Not "no-referrer": with it, browsers send `Origin: null` on the page's own form posts.
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    ...frame.headers,
  });
  return withCookies(new Response(document.value, { status: frame.status, headers }), frame.cookies ?? []);
}
