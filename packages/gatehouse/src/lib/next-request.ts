/**
 * App-router glue: the incoming request as `next/headers` exposes it, and writing cookies back
 * through `cookies()` (allowed in route handlers and server actions; in server components Next
 * forbids it, and a refreshed session cookie simply waits for the next request that can).
 * `next/headers` is loaded on first use: Next 12 has none, and the pages router never needs it.
 * It is named `next/headers.js`: a pages-router server loads this package with Node's ESM loader,
 * which finds no bare `next/headers` (Next has no exports map); Next's bundlers alias both forms.
 */
import type { SetCookie } from "@gatehouse/core";

/** A `Request` carrying the current request's headers, for `path` on its host. */
export async function requestFromNext(path = "/"): Promise<Request> {
  const { headers } = await import("next/headers.js");
  const incoming = await headers();
  const proto = incoming.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  const host = incoming.get("host") ?? "localhost";
  return new Request(`${proto}://${host}${path}`, { headers: new Headers(incoming) });
}

/** Whether `error` is Next saying there is no request (pages router, scripts, build). */
export function isOutsideRequestScope(error: unknown): boolean {
  return error instanceof Error && /outside a request scope/i.test(error.message);
}

function isReadonlyCookies(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === "ReadonlyRequestCookiesError" ||
      /can only be modified in a Server Action or Route Handler/i.test(error.message))
  );
}

/** Sets `list` through `cookies()`; `false` when this context cannot set cookies. */
export async function writeNextCookies(list: readonly SetCookie[]): Promise<boolean> {
  if (list.length === 0) return true;
  const { cookies } = await import("next/headers.js");
  const jar = await cookies();
  try {
    for (const { name, value, options } of list) {
      jar.set({
        name,
        value,
        ...(options.path === undefined ? {} : { path: options.path }),
        ...(options.domain === undefined ? {} : { domain: options.domain }),
        ...(options.expires === undefined ? {} : { expires: options.expires }),
        ...(options.maxAge === undefined ? {} : { maxAge: options.maxAge }),
        ...(options.httpOnly === undefined ? {} : { httpOnly: options.httpOnly }),
        ...(options.secure === undefined ? {} : { secure: options.secure }),
        ...(options.sameSite === undefined ? {} : { sameSite: options.sameSite }),
      });
    }
    return true;
  } catch (error) {
    if (isReadonlyCookies(error)) return false;
    throw error;
  }
}
