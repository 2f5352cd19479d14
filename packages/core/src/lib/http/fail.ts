/** Error responses: JSON for API callers, the error page for browsers; never a stack trace. */
import { AuthError, type ErrorCode } from "../../errors.js";
import type { SetCookie } from "../cookies/set-cookie.js";
import type { RequestState } from "./request-state.js";
import { jsonResponse } from "./respond.js";

/** Whether the caller asked for JSON (next-auth's `json=true`, or an `Accept` that prefers it). */
export function prefersJson(state: RequestState, body?: Record<string, unknown>): boolean {
  const flag = body?.json;
  if (flag === "true" || flag === true) return true;
  const accept = state.request.headers.get("accept") ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

/** One failure, answered in the form the caller understands. */
export function fail(
  state: RequestState,
  options: {
    status: number;
    code: ErrorCode;
    json: boolean;
    message?: string;
    cookies?: readonly SetCookie[];
    headers?: Record<string, string>;
  },
): Promise<Response> | Response {
  if (options.json) {
    const body =
      options.message === undefined ? { error: options.code } : { error: options.code, message: options.message };
    return jsonResponse(body, options.status, options.cookies ?? [], options.headers);
  }
  return state.runtime.pages.error(state, {
    code: options.code,
    status: options.status,
    cookies: options.cookies ?? [],
    headers: options.headers ?? {},
  });
}

/**
 * Something thrown while handling a request (a database or store down, a callback throwing):
 * logged once with its code, answered with a clean 5xx that shows none of its details.
 */
export function serverFailure(
  state: RequestState,
  error: unknown,
  json: boolean,
  cookies: readonly SetCookie[] = [],
): Promise<Response> | Response {
  const code = error instanceof AuthError ? error.code : "InternalError";
  state.runtime.logger.error(code, error);
  const status = code === "StoreError" || code === "AdapterError" ? 503 : 500;
  const page = code === "SessionTooLarge" || code === "CallbackError" ? "Configuration" : "Default";
  return fail(state, { status, code: page, json, cookies });
}
