/**
 * `GET signin`: the sign-in page (or a redirect to `pages.signIn`). `POST signin/:provider`:
 * start a sign-in with that provider, through the flow of its type.
 */
import type { ErrorCode } from "../../errors.js";
import { ensureCsrf } from "../../lib/csrf.js";
import { fail, prefersJson } from "../../lib/http/fail.js";
import { customPage, resolveRedirect, safeCallbackParam, signInPageUrl } from "../../lib/http/navigation.js";
import { redirectResponse } from "../../lib/http/respond.js";
import type { Route } from "../feature.js";
import { brokenProviderResponse } from "./broken-provider.js";

export const signinRoute: Route = {
  provider: "optional",
  async GET(state, { providerId }) {
    if (providerId !== undefined) {
      return fail(state, { status: 405, code: "MethodNotAllowed", json: false, headers: { Allow: "POST" } });
    }
    const param = state.url.searchParams.get("callbackUrl");
    const callbackUrl = safeCallbackParam(state, param);
    const error = state.url.searchParams.get("error") ?? undefined;
    if (customPage(state, "signIn") !== undefined) {
      // As next-auth v4: always with a callbackUrl — the parameter, else the callback-url
      // cookie, else the base URL — through the `redirect` callback.
      // The base URL stays as given (v4 passes the callback's result on unparsed; URL parsing
      // would add a "/"), so a page comparing callbackUrl with its base URL sees them equal.
      const given = param ?? state.cookies.get(state.cookieNames.callbackUrl.name);
      const resolved = given === undefined || given === "" ? state.origin : await resolveRedirect(state, given);
      const target = given === state.origin && resolved === `${state.origin}/` ? state.origin : resolved;
      return redirectResponse(signInPageUrl(state, { callbackUrl: target, error }));
    }
    const { token, cookies } = await ensureCsrf(state);
    const known = error === undefined ? undefined : state.runtime.errorTexts.get(error as ErrorCode)?.signIn;
    return state.runtime.pages.signIn(state, {
      csrfToken: token,
      callbackUrl,
      error: error === undefined ? undefined : known === undefined ? "Default" : (error as ErrorCode),
      cookies,
    });
  },
  async POST(state, { providerId, body, flows }) {
    const provider = providerId === undefined ? undefined : state.config.providerById.get(providerId);
    const json = prefersJson(state, body);
    const flow = provider === undefined ? undefined : flows.get(provider.type);
    if (provider === undefined || flow === undefined)
      return (
        brokenProviderResponse(state, providerId, json) ?? fail(state, { status: 404, code: "UnknownProvider", json })
      );
    return flow.signIn(state, provider, body, json);
  },
};
