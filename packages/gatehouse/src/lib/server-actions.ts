/**
 * Server-side `signIn` and `signOut` (server actions, route handlers), next-auth v5's shape:
 * core's own sign-in and sign-out run directly, and their cookies go out through `cookies()`.
 */
import { AuthError, type AuthHandler } from "@gatehouse/core";
import type { AuthOptions } from "../types.js";
import { signInError } from "./errors.js";
import { instanceFor } from "./instance.js";
import { nextRedirect } from "./next-navigation.js";
import { isOutsideRequestScope, requestFromNext, writeNextCookies } from "./next-request.js";

/** Fields for a server-side sign-in, as an object or a form's `FormData`. */
export type SignInData =
  | FormData
  | (Record<string, unknown> & {
      /** Where to go afterwards. @default the page the request came from, else "/" */
      redirectTo?: string;
      /** `false` returns the URL instead of redirecting. @default true */
      redirect?: boolean;
    });

/** Server-side `signIn` (server actions, route handlers). */
export type ServerSignIn = (
  provider?: string,
  data?: SignInData,
  authorizationParams?: Record<string, string> | string,
) => Promise<string | undefined>;

/** Server-side `signOut`. */
export type ServerSignOut = (options?: { redirectTo?: string; redirect?: boolean }) => Promise<string | undefined>;

function toFields(data: SignInData | undefined): {
  fields: Record<string, string>;
  redirectTo?: string;
  redirect: boolean;
} {
  const fields: Record<string, string> = {};
  let redirectTo: string | undefined;
  let redirectFlag = true;
  const entries: [string, unknown][] = data instanceof FormData ? [...data.entries()] : Object.entries(data ?? {});
  for (const [key, value] of entries) {
    if (key === "redirect") redirectFlag = value !== false && value !== "false";
    else if (key === "redirectTo" || key === "callbackUrl") redirectTo = String(value);
    else if (typeof value === "string") fields[key] = value;
    else if (typeof value === "number" || typeof value === "boolean") fields[key] = String(value);
  }
  return { fields, ...(redirectTo === undefined ? {} : { redirectTo }), redirect: redirectFlag };
}

/** The request the action runs in, or a bare one on the configured origin outside any request. */
async function currentRequest(auth: AuthHandler): Promise<{ request: Request; inRequest: boolean }> {
  try {
    return { request: await requestFromNext(), inRequest: true };
  } catch (error) {
    if (!isOutsideRequestScope(error)) throw error;
    return { request: new Request(auth.config.url?.origin ?? "http://localhost"), inRequest: false };
  }
}

/** Builds the server-side `signIn` for `options`. */
export function createSignIn(options: AuthOptions): ServerSignIn {
  return async (provider, data, authorizationParams) => {
    const auth = instanceFor(options);
    const { fields, redirectTo, redirect: shouldRedirect } = toFields(data);
    if (provider === undefined || provider === "") {
      const url = new URL(`${auth.config.url?.origin ?? ""}${auth.config.basePath}/signin`, "http://localhost");
      if (redirectTo !== undefined) url.searchParams.set("callbackUrl", redirectTo);
      const target = auth.config.url === null ? `${url.pathname}${url.search}` : url.href;
      if (shouldRedirect) await nextRedirect(target);
      return target;
    }
    const { request, inRequest } = await currentRequest(auth);
    const result = await auth.signIn(request, provider, {
      fields,
      callbackUrl: redirectTo,
      ...(authorizationParams === undefined
        ? {}
        : { authorizationParams: Object.fromEntries(new URLSearchParams(authorizationParams)) }),
    });
    if (result.error !== null) throw signInError(result.error, result.message);
    if (inRequest) await writeNextCookies(result.cookies);
    else if (result.cookies.length > 0) {
      auth.logger.warn(
        "SIGNIN_OUTSIDE_APP_ROUTER",
        "signIn() ran outside an app-router request, so it checked the credentials but could not set the session cookie. In the pages router, sign in from the browser with signIn() from gatehouse/react.",
      );
    }
    if (shouldRedirect && inRequest) await nextRedirect(result.url);
    return result.url;
  };
}

/** Builds the server-side `signOut` for `options`. */
export function createSignOut(options: AuthOptions): ServerSignOut {
  return async (settings = {}) => {
    const auth = instanceFor(options);
    const { request } = await currentRequest(auth);
    const result = await auth.signOut(request, { callbackUrl: settings.redirectTo });
    await writeNextCookies(result.cookies);
    // The cookies are cleared, but the sign-out could not be recorded: a copy would still work.
    if (result.error !== null) {
      throw new AuthError("StoreError", "Sign-out could not be recorded (the store failed); see the server log.");
    }
    if (settings.redirect !== false) await nextRedirect(result.url);
    return result.url;
  };
}
