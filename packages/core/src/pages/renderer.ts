/**
 * The {@link PageRenderer} `createAuth` hands to the runtime: the built-in sign-in and error
 * pages, and the shared frame for every other page. The theme's stylesheet and its CSP hash are
 * worked out once per runtime.
 */
import type { AuthRuntime } from "../lib/runtime.js";
import type { PageRenderer } from "../lib/pages.js";
import { errorPage } from "./error-page.js";
import { pageAssets, pageResponse, scriptSource, type PageAssets } from "./layout.js";
import { signInPage } from "./signin-page.js";

/** The renderer for one runtime. */
export function createPageRenderer(runtime: AuthRuntime): PageRenderer {
  const { theme } = runtime.config;
  let assets: Promise<PageAssets> | undefined;
  const scripts = new Map<string, Promise<string>>();
  const frame: PageRenderer["page"] = async (_state, page) => {
    assets ??= pageAssets(theme);
    let hash: Promise<string> | undefined;
    if (page.script !== undefined) {
      hash = scripts.get(page.script) ?? scriptSource(page.script);
      scripts.set(page.script, hash);
    }
    return pageResponse(await assets, theme, page, await hash);
  };
  return {
    page: frame,
    signIn: (state, input) =>
      frame(
        state,
        signInPage({
          ...input,
          providers: state.config.providers,
          authUrl: state.authUrl,
          host: new URL(state.origin).host,
          errorTexts: runtime.errorTexts,
        }),
      ),
    error: (state, input) =>
      frame(
        state,
        errorPage({ ...input, authUrl: state.authUrl, origin: state.origin, errorTexts: runtime.errorTexts }),
      ),
  };
}
