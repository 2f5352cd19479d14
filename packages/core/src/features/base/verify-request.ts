/** `GET verify-request`: "check your email", after an email sign-in link is sent. */
import { customPage } from "../../lib/http/navigation.js";
import { redirectResponse } from "../../lib/http/respond.js";
import { verifyRequestPage } from "../../pages/verify-request-page.js";
import type { Route } from "../feature.js";

export const verifyRequestRoute: Route = {
  provider: "none",
  GET(state) {
    const custom = customPage(state, "verifyRequest");
    if (custom !== undefined) return Promise.resolve(redirectResponse(custom.href));
    return state.runtime.pages.page(
      state,
      verifyRequestPage({ origin: state.origin, host: new URL(state.origin).host }),
    );
  },
};
