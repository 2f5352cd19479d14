/** Turning a failed server-side sign-in into the error next-auth v5 apps expect (`error.type`). */
import { AuthError, CredentialsSignin } from "@gatehouse/core";

/** The error for a sign-in core refused with `code`. */
export function signInError(code: string, message: string | undefined): AuthError {
  switch (code) {
    case "CredentialsSignin":
      return message === undefined ? new CredentialsSignin() : new CredentialsSignin(message);
    case "AccessDenied":
      return new AuthError("AccessDenied", message ?? "The signIn callback refused this sign-in.");
    case "RateLimited":
      return new AuthError("RateLimited", message ?? "Too many sign-in attempts; wait and try again.");
    default:
      return new AuthError("CallbackError", message ?? `Sign-in failed (${code}); see the server log.`);
  }
}

/** A minimal error page for when the configuration itself is broken (no theme to use). */
export function configErrorResponse(error: unknown, request: Request, showDetails: boolean): Response {
  const detail = error instanceof Error ? error.message : String(error);
  const wantsJson =
    (request.headers.get("accept") ?? "").includes("application/json") ||
    new URL(request.url).pathname.endsWith("/session");
  if (wantsJson) {
    return Response.json(
      { error: "Configuration", ...(showDetails ? { message: detail } : {}) },
      { status: 500, headers: { "Cache-Control": "no-store" } },
    );
  }
  const escaped = detail.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in is unavailable</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1>Sign-in is unavailable</h1><p>The server's authentication settings have a problem.</p>${
    showDetails
      ? `<pre style="white-space:pre-wrap;background:#f4f4f5;padding:1rem;border-radius:8px">${escaped}</pre><p>This detail is shown in development only.</p>`
      : "<p>The details are in the server log.</p>"
  }</body></html>`;
  return new Response(body, {
    status: 500,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
