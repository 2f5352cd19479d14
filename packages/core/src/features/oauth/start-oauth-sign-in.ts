/**
 * `POST signin/:provider` for OAuth/OIDC: make the checks (PKCE S256, state, nonce), keep them in
 * cookies, and send the browser to the authorization endpoint (RFC 6749 §4.1.1, RFC 7636 §4.3).
 */
import * as oauth from "oauth4webapi";
import type { SetCookie } from "../../lib/cookies/set-cookie.js";
import { safeCallbackParam, signInPageUrl } from "../../lib/http/navigation.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { redirectOrJson } from "../../lib/http/respond.js";
import type { Body } from "../../lib/http/read-body.js";
import { callbackCookieOptions, checkCookie } from "./checks.js";
import { idpFetch } from "./idp-fetch.js";
import { signedTokenRequest } from "./oauth1.js";
import type { ResolvedOAuthProvider } from "../../provider-types.js";
import { RESERVED_PARAMS } from "./resolve-oauth-provider.js";
import { metadataFor } from "./provider-context.js";

/** The redirect URI registered with the provider. */
export function redirectUri(state: RequestState, provider: ResolvedOAuthProvider): string {
  return `${state.authUrl}/callback/${encodeURIComponent(provider.id)}`;
}

/** Starts a sign-in; the response redirects to the provider (or `{ url }` for `json=true`). */
export async function startOAuthSignIn(
  state: RequestState,
  provider: ResolvedOAuthProvider,
  body: Body,
  json: boolean,
): Promise<Response> {
  const cookies: SetCookie[] = [];
  const callbackUrl = safeCallbackParam(state, body.callbackUrl);
  if (callbackUrl !== undefined) {
    const cookie = state.cookieNames.callbackUrl;
    // It must come back with a form_post callback too, or the user lands on the home page.
    cookies.push({
      name: cookie.name,
      value: callbackUrl,
      options: callbackCookieOptions(state, provider, cookie.options),
    });
  }
  try {
    const url =
      provider.version === "1.0A"
        ? await oauth1Url(state, provider, cookies)
        : await oauth2Url(state, provider, cookies);
    return redirectOrJson(json, url, cookies);
  } catch (error) {
    state.runtime.logger.error("OAUTH_SIGNIN_ERROR", { provider: provider.id, error });
    return redirectOrJson(json, signInPageUrl(state, { error: "OAuthSignin" }), [], 502);
  }
}

async function oauth2Url(state: RequestState, provider: ResolvedOAuthProvider, cookies: SetCookie[]): Promise<string> {
  const as = await metadataFor(state, provider);
  if (as.authorization_endpoint === undefined) throw new TypeError(`${provider.id} has no authorization endpoint`);
  const url = new URL(as.authorization_endpoint);
  for (const [key, value] of Object.entries(provider.authorizationParams)) url.searchParams.set(key, value);
  // The third argument of the client's signIn() arrives as the query of this POST.
  for (const [key, value] of state.url.searchParams) {
    if (!RESERVED_PARAMS.has(key)) url.searchParams.set(key, value);
  }
  url.searchParams.set("client_id", provider.clientId);
  url.searchParams.set("redirect_uri", redirectUri(state, provider));
  url.searchParams.set("response_type", "code");
  if (provider.checks.has("state")) {
    const value = oauth.generateRandomState();
    url.searchParams.set("state", value);
    cookies.push(await checkCookie(state, provider, "state", value));
  }
  if (provider.checks.has("pkce")) {
    const verifier = oauth.generateRandomCodeVerifier();
    url.searchParams.set("code_challenge", await oauth.calculatePKCECodeChallenge(verifier));
    url.searchParams.set("code_challenge_method", "S256");
    cookies.push(await checkCookie(state, provider, "pkce", verifier));
  }
  if (provider.checks.has("nonce")) {
    const value = oauth.generateRandomNonce();
    url.searchParams.set("nonce", value);
    cookies.push(await checkCookie(state, provider, "nonce", value));
  }
  return url.href;
}

async function oauth1Url(state: RequestState, provider: ResolvedOAuthProvider, cookies: SetCookie[]): Promise<string> {
  const endpoints = provider.oauth1 as NonNullable<ResolvedOAuthProvider["oauth1"]>;
  const fetchFn = idpFetch(state.runtime.fetch, provider.timeout);
  const answer = await signedTokenRequest(fetchFn, {
    method: "POST",
    url: endpoints.requestToken,
    consumerKey: provider.clientId,
    consumerSecret: provider.clientSecret ?? "",
    oauthParams: { oauth_callback: redirectUri(state, provider) },
  });
  const { oauth_token: token, oauth_token_secret: secret } = answer;
  if (token === undefined || secret === undefined || answer.oauth_callback_confirmed !== "true") {
    throw new TypeError(`${provider.id}: the request token response is incomplete`);
  }
  cookies.push(await checkCookie(state, provider, "state", secret, { token }));
  const url = new URL(provider.endpoints.authorization as string);
  url.searchParams.set("oauth_token", token);
  return url.href;
}
