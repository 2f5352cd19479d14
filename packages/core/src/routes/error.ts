/**
 * `GET error?error=Code`: the error page. Sign-in errors (next-auth's list) go to the sign-in
 * page instead, where they are shown beside the form.
 */
import { customPage, signInPageUrl } from "../lib/http/navigation.js";
import { redirectResponse } from "../lib/http/respond.js";
import { errorPage } from "../pages/error-page.js";
import { ERROR_PAGES, SIGNIN_ERROR_CODES } from "../pages/messages.js";
import type { Route } from "./route.js";

export const errorRoute: Route = {
  provider: "none",
  GET(state) {
    const requested = state.url.searchParams.get("error") ?? "Default";
    if (SIGNIN_ERROR_CODES.has(requested))
      return Promise.resolve(redirectResponse(signInPageUrl(state, { error: requested })));
    const code = requested in ERROR_PAGES ? requested : "Default";
    const custom = customPage(state, "error");
    if (custom !== undefined) {
      custom.searchParams.set("error", code);
      return Promise.resolve(redirectResponse(custom.href));
    }
    return errorPage({ config: state.config, authUrl: state.authUrl, origin: state.origin, code });
  },
};
