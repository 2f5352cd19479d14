/**
 * Signing in and out from the app's own server code (a server action, a route handler) rather
 * than from a browser form: the same flows the routes run, called directly with the fields —
 * no CSRF token to check (the request is the app's own), no form to encode, no `Set-Cookie` to
 * parse back. The outcome says where to go, which cookies to set, and what went wrong.
 */
import type { ErrorCode } from "./errors.js";
import type { SetCookie } from "./lib/cookies/set-cookie.js";
import { signOut } from "./features/base/signout.js";
import { errorPageUrl } from "./lib/http/navigation.js";
import { RevocationStoreError } from "./lib/session/revocation.js";
import type { RequestState } from "./lib/http/request-state.js";
import { cookiesOf } from "./lib/http/respond.js";
import type { RouteTable } from "./router.js";

/** What a server-side sign-in or sign-out did. */
export interface ActionResult {
  /** Where the browser should go next (the callbackUrl, a provider's page, the error page). */
  url: string;
  /** The cookies to set on the response. */
  cookies: SetCookie[];
  /** Why the sign-in did not happen, or `null`. */
  error: ErrorCode | null;
  /** A message for the user (a thrown `CredentialsSignin`), when there is one. */
  message?: string;
}

/** What a server-side sign-in sends, beside the provider. */
export interface ServerSignInInput {
  /** The provider's fields (credentials, `email`). */
  fields?: Readonly<Record<string, string>>;
  /** Where to go afterwards. */
  callbackUrl?: string | undefined;
  /** Extra authorization request parameters (OAuth). */
  authorizationParams?: Readonly<Record<string, string>>;
}

async function fromResponse(response: Response): Promise<ActionResult> {
  const body = (await response.json().catch(() => ({}))) as { url?: unknown; error?: unknown; message?: unknown };
  const url = typeof body.url === "string" ? body.url : "/";
  let error = typeof body.error === "string" ? (body.error as ErrorCode) : null;
  if (error === null && typeof body.url === "string") {
    const fromUrl = new URL(body.url).searchParams.get("error");
    if (fromUrl !== null) error = fromUrl as ErrorCode;
  }
  if (error === null && !response.ok) error = "Callback";
  return {
    url,
    cookies: [...cookiesOf(response)],
    error,
    ...(typeof body.message === "string" ? { message: body.message } : {}),
  };
}

/** Starts (or, for credentials, completes) a sign-in with `providerId`. */
export async function serverSignIn(
  state: RequestState,
  table: RouteTable,
  providerId: string,
  input: ServerSignInInput,
): Promise<ActionResult> {
  const provider = state.config.providerById.get(providerId);
  const flow = provider === undefined ? undefined : table.flows.get(provider.type);
  if (provider === undefined || flow === undefined) {
    return state.config.brokenProviders.has(providerId)
      ? { url: errorPageUrl(state, "Configuration"), cookies: [], error: "Configuration" }
      : { url: `${state.authUrl}/signin`, cookies: [], error: "UnknownProvider" };
  }
  const body = { ...input.fields, ...(input.callbackUrl === undefined ? {} : { callbackUrl: input.callbackUrl }) };
  return fromResponse(await flow.signIn(state, provider, body, true));
}

/**
 * Ends the request's session. When the revocation cannot be stored, the cookies that clear the
 * session come back with `error: "Default"` and the error page's URL, never a success.
 */
export async function serverSignOut(state: RequestState, callbackUrl: string | undefined): Promise<ActionResult> {
  try {
    const { url, cookies } = await signOut(state, callbackUrl);
    return { url, cookies, error: null };
  } catch (error) {
    if (!(error instanceof RevocationStoreError)) throw error;
    state.runtime.logger.error(error.code, error);
    return { url: errorPageUrl(state, "Default"), cookies: [...error.cookies], error: "Default" };
  }
}
