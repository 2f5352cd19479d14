/** `GET|POST callback/:provider`: where a provider hands the user back (credentials: the form post). */
import { fail, prefersJson } from "../lib/http/fail.js";
import { credentialsSignIn } from "../lib/sign-in/credentials-sign-in.js";
import type { Route } from "./route.js";

export const callbackRoute: Route = {
  provider: "required",
  GET(state, { providerId }) {
    const provider = state.config.providerById.get(providerId as string);
    if (provider === undefined)
      return Promise.resolve(fail(state, { status: 404, code: "UnknownProvider", json: false }));
    return Promise.resolve(
      fail(state, { status: 405, code: "MethodNotAllowed", json: false, headers: { Allow: "POST" } }),
    );
  },
  async POST(state, { providerId, body }) {
    const provider = state.config.providerById.get(providerId as string);
    const json = prefersJson(state, body);
    if (provider === undefined) return fail(state, { status: 404, code: "UnknownProvider", json });
    return credentialsSignIn(state, provider, body, json);
  },
};
