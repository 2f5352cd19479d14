/**
 * The frame every built-in page shares, and the response it goes out in: `no-store`, framing
 * refused, no referrer, and a Content-Security-Policy that allows nothing but the one stylesheet
 * (by hash), images for the logo, and form posts.
 */
import { base64urlEncode, sha256 } from "#crypto";
import type { ResolvedTheme } from "../lib/config/resolved-config.js";
import { utf8 } from "../lib/encoding.js";
import { serializeCookie, type SetCookie } from "../lib/cookies/set-cookie.js";
import { html, SafeHtml } from "./html.js";
import { stylesheet } from "./styles.js";

// The stylesheet is ours (theme colors are validated at configuration), so it goes in unescaped.
interface Assets {
  css: string;
  csp: string;
}

const assets = new WeakMap<ResolvedTheme, Promise<Assets>>();

function assetsFor(theme: ResolvedTheme): Promise<Assets> {
  let entry = assets.get(theme);
  if (entry === undefined) {
    entry = (async () => {
      const css = stylesheet(theme);
      const hash = base64urlEncode(await sha256(utf8.encode(css)))
        .replace(/-/g, "+")
        .replace(/_/g, "/");
      const padded = hash + "=".repeat((4 - (hash.length % 4)) % 4);
      const csp = `default-src 'none'; style-src 'sha256-${padded}'; img-src 'self' https: data:; base-uri 'none'; frame-ancestors 'none'`;
      return { css, csp };
    })();
    assets.set(theme, entry);
  }
  return entry;
}

/** What a page needs to render. */
export interface PageOptions {
  title: string;
  theme: ResolvedTheme;
  body: SafeHtml;
  status: number;
  cookies?: readonly SetCookie[];
  headers?: Record<string, string>;
}

/** Renders a full page and wraps it in a response. */
export async function pageResponse(options: PageOptions): Promise<Response> {
  const { css, csp } = await assetsFor(options.theme);
  const logo = options.theme.logo === undefined ? null : html`<img class="logo" src="${options.theme.logo}" alt="" />`;
  const document = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${options.title}</title>
        <style>${new SafeHtml(css)}</style>
      </head>
      <body>
        <main class="page">
          ${logo}
          <section class="card" aria-labelledby="title">${options.body}</section>
          <p class="footer">Secured by Gatehouse</p>
        </main>
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
    ...options.headers,
  });
  for (const cookie of options.cookies ?? []) headers.append("Set-Cookie", serializeCookie(cookie));
  return new Response(document.value, { status: options.status, headers });
}
