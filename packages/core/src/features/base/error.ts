/**
 * `GET error?error=Code`: the error page. Sign-in errors (next-auth's list) go to the sign-in
 * page instead, where they are shown beside the form.
 */
import type { ErrorCode } from "../../errors.js";
import { customPage, signInPageUrl } from "../../lib/http/navigation.js";
import { redirectResponse } from "../../lib/http/respond.js";
import type { Route } from "../feature.js";

export const errorRoute: Route = {
  provider: "none",
  GET(state) {
    const requested = state.url.searchParams.get("error") ?? "Default";
    const texts = state.runtime.errorTexts;
    // Own entries only: `?error=constructor` is no code.
    const text = texts.get(requested as ErrorCode);
    if (text?.signIn !== undefined && text.page === undefined)
      return Promise.resolve(redirectResponse(signInPageUrl(state, { error: requested })));
    const code: ErrorCode = text?.page !== undefined ? (requested as ErrorCode) : "Default";
    const custom = customPage(state, "error");
    if (custom !== undefined) {
      custom.searchParams.set("error", code);
      return Promise.resolve(redirectResponse(custom.href));
    }
    return state.runtime.pages.error(state, { code });
  },
};
