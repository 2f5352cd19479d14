/** `GET verify-request`: "check your email", after an email sign-in link is sent. */
import { customPage } from "../lib/http/navigation.js";
import { redirectResponse } from "../lib/http/respond.js";
import { verifyRequestPage } from "../pages/verify-request-page.js";
import type { Route } from "./route.js";

export const verifyRequestRoute: Route = {
  provider: "none",
  GET(state) {
    const custom = customPage(state, "verifyRequest");
    if (custom !== undefined) return Promise.resolve(redirectResponse(custom.href));
    return verifyRequestPage({ config: state.config, origin: state.origin, host: new URL(state.origin).host });
  },
};
