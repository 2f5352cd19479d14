/**
 * How a refused sign-in attempt is answered: `{ url, error }` with the status for `json=true`
 * callers (next-auth's client reads `error`); a redirect to a custom `pages.signIn`; otherwise the
 * built-in sign-in page again, with the same status, the error, and the given fields filled in.
 */
import type { ErrorCode } from "../../errors.js";
import { ensureCsrf } from "../csrf.js";
import { customPage, safeCallbackParam, signInPageUrl } from "../http/navigation.js";
import type { RequestState } from "../http/request-state.js";
import { jsonResponse, redirectResponse } from "../http/respond.js";

/** Why an attempt was refused. */
export interface SignInFailure {
  status: number;
  code: ErrorCode;
  message?: string;
  headers?: Record<string, string>;
}

/** Answers a refused attempt in the form the caller understands. */
export async function signInFailure(
  state: RequestState,
  json: boolean,
  failure: SignInFailure,
  options: { values?: Record<string, string>; callbackUrl?: unknown; provider?: string } = {},
): Promise<Response> {
  const callbackUrl = safeCallbackParam(state, options.callbackUrl);
  const url = signInPageUrl(state, {
    error: failure.code,
    ...(options.provider === undefined ? {} : { provider: options.provider }),
  });
  if (json) {
    return jsonResponse(
      { url, error: failure.code, ...(failure.message === undefined ? {} : { message: failure.message }) },
      failure.status,
      [],
      failure.headers,
    );
  }
  if (customPage(state, "signIn") !== undefined) {
    const response = redirectResponse(signInPageUrl(state, { error: failure.code, callbackUrl }));
    for (const [name, value] of Object.entries(failure.headers ?? {})) response.headers.set(name, value);
    return response;
  }
  const csrf = await ensureCsrf(state);
  return state.runtime.pages.signIn(state, {
    csrfToken: csrf.token,
    callbackUrl,
    error: failure.code,
    message: failure.message,
    values: options.values ?? {},
    status: failure.status,
    cookies: csrf.cookies,
    headers: failure.headers ?? {},
  });
}
