/** Error responses: JSON for API callers, the error page for browsers; never a stack trace. */
import { errorPage } from "../../pages/error-page.js";
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
    code: string;
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
  return errorPage({
    config: state.config,
    authUrl: state.authUrl,
    origin: state.origin,
    code: options.code,
    status: options.status,
    cookies: options.cookies ?? [],
    headers: options.headers ?? {},
  });
}
