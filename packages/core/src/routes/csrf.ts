/** `GET csrf`: the CSRF token for the client's forms (`{ csrfToken }`), setting its cookie if needed. */
import type { SetCookie } from "../lib/cookies/set-cookie.js";
import { issueCsrf, readCsrfCookie } from "../lib/csrf.js";
import type { RequestState } from "../lib/http/request-state.js";
import { jsonResponse } from "../lib/http/respond.js";
import type { Route } from "./route.js";

/** The current valid token, or a fresh one with its cookie. */
export async function ensureCsrf(state: RequestState): Promise<{ token: string; cookies: SetCookie[] }> {
  const cookie = state.cookieNames.csrfToken;
  const existing = await readCsrfCookie(state.config.csrfKeys, cookie, state.cookies.get(cookie.name));
  if (existing !== null) return { token: existing, cookies: [] };
  const fresh = await issueCsrf(state.config.csrfKeys, cookie);
  return { token: fresh.token, cookies: [fresh.cookie] };
}

export const csrfRoute: Route = {
  provider: "none",
  api: true,
  async GET(state) {
    const { token, cookies } = await ensureCsrf(state);
    return jsonResponse({ csrfToken: token }, 200, cookies);
  },
};
