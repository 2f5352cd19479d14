/** `GET csrf`: the CSRF token for the client's forms (`{ csrfToken }`), setting its cookie if needed. */
import { ensureCsrf } from "../../lib/csrf.js";
import { jsonResponse } from "../../lib/http/respond.js";
import type { Route } from "../feature.js";

export const csrfRoute: Route = {
  provider: "none",
  api: true,
  async GET(state) {
    const { token, cookies } = await ensureCsrf(state);
    return jsonResponse({ csrfToken: token }, 200, cookies);
  },
};
