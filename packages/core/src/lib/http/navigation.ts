/**
 * Where responses send the browser: the `redirect` callback's result (always re-checked against
 * the public origin), and the sign-in and error pages, built-in or custom (`pages.*`).
 */
import type { ErrorCode } from "../../errors.js";
import type { PagesOptions } from "../../types.js";
import { runCallback } from "../callbacks.js";
import { safeRedirect } from "../redirect.js";
import type { RequestState } from "./request-state.js";

/**
 * Runs the `redirect` callback for `target` (default: the origin) and returns its result if it
 * stays on the origin, else the origin.
 */
export async function resolveRedirect(state: RequestState, target: unknown): Promise<string> {
  const url = typeof target === "string" && target.length > 0 ? target : state.origin;
  const result = await runCallback("redirect", () => state.config.callbacks.redirect({ url, baseUrl: state.origin }));
  return safeRedirect(result, state.origin) ?? `${state.origin}/`;
}

/** A `callbackUrl` parameter if it is safe, else `undefined` (it is then dropped, not repaired). */
export function safeCallbackParam(state: RequestState, value: unknown): string | undefined {
  return safeRedirect(value, state.origin) ?? undefined;
}

/** A custom page's absolute URL, if configured and on the origin. */
export function customPage(state: RequestState, page: keyof PagesOptions): URL | undefined {
  const configured = state.config.pages[page];
  const href = configured === undefined ? null : safeRedirect(configured, state.origin);
  return href === null ? undefined : new URL(href);
}

function withParams(url: URL, params: Record<string, string | undefined>): string {
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.href;
}

/** The sign-in page (custom or built-in) with query parameters. */
export function signInPageUrl(state: RequestState, params: Record<string, string | undefined> = {}): string {
  return withParams(customPage(state, "signIn") ?? new URL(`${state.authUrl}/signin`), params);
}

/** The error page (custom or built-in) for `code`. */
export function errorPageUrl(state: RequestState, code: ErrorCode): string {
  return withParams(customPage(state, "error") ?? new URL(`${state.authUrl}/error`), { error: code });
}
