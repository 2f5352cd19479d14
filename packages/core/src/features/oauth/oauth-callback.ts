/**
 * `GET|POST callback/:provider` for OAuth/OIDC: check the response against the flow's cookies
 * (state, RFC 9207 `iss`), spend the flow (a callback works once), redeem the code with the PKCE
 * verifier, validate the ID token in full (signature with the issuer's keys — fetched again once
 * when the IdP has rotated them — and the expected algorithm only, `iss`, `aud` with no untrusted
 * audience, `azp`, `exp`, `iat`, `nonce`, `at_hash`), fetch userinfo (whose `sub` must match), map
 * the profile, and finish the sign-in. Every failure ends on the sign-in page with an error and no
 * session; the check cookies are cleared either way.
 */
import * as oauth from "oauth4webapi";
import { AuthError } from "../../errors.js";
import type { Profile, User } from "../../types.js";
import type { TokenSet } from "../../provider-types.js";
import type { SetCookie } from "../../lib/cookies/set-cookie.js";
import { expiredCookie } from "../../lib/cookies/set-cookie.js";
import { serverFailure } from "../../lib/http/fail.js";
import { signInPageUrl } from "../../lib/http/navigation.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { redirectResponse } from "../../lib/http/respond.js";
import { completeOAuthSignIn } from "./complete-oauth-sign-in.js";
import { clearChecks, readCheck } from "./checks.js";
import { checkIdTokenClaims } from "./id-token-claims.js";
import { verifyIdTokenSignature } from "./id-token-signature.js";
import { signedTokenRequest, authorizationHeader } from "./oauth1.js";
import { clientAuthFor, clientFor, fetchFor, httpOptions, metadataFor } from "./provider-context.js";
import type { ResolvedOAuthProvider } from "../../provider-types.js";
import { spendFlow } from "./spent-flows.js";
import { redirectUri } from "./start-oauth-sign-in.js";

/** A callback that cannot be trusted; the message goes to the log only. */
function checkFailed(message: string): AuthError {
  return new AuthError("OAuthCallbackCheck", message);
}

const NO_REFERRER = { "Referrer-Policy": "no-referrer" };

/** Handles the provider's callback. `params` is the query (or the form body for form_post). */
export async function oauthCallback(
  state: RequestState,
  provider: ResolvedOAuthProvider,
  params: URLSearchParams,
): Promise<Response> {
  const cleared = clearChecks(state);
  const callbackCookie = state.cookieNames.callbackUrl;
  let result: { user: User; profile: Profile; tokens: TokenSet };
  try {
    result =
      provider.version === "1.0A"
        ? await oauth1Profile(state, provider, params)
        : await oauth2Profile(state, provider, params);
  } catch (error) {
    state.runtime.logger.error("OAUTH_CALLBACK_ERROR", { provider: provider.id, error });
    const cookies: SetCookie[] = [...cleared];
    if (state.cookies.has(callbackCookie.name))
      cookies.push(expiredCookie(callbackCookie.name, callbackCookie.options));
    const response = redirectResponse(signInPageUrl(state, { error: "OAuthCallback" }), cookies);
    for (const [name, value] of Object.entries(NO_REFERRER)) response.headers.set(name, value);
    return response;
  }
  let response: Response;
  try {
    response = await completeOAuthSignIn(state, provider, result, cleared);
  } catch (error) {
    // The database (or a callback) failed after the provider answered. The checks are spent
    // either way: clear them here, since the router's generic error answer cannot.
    const cookies: SetCookie[] = [...cleared];
    if (state.cookies.has(callbackCookie.name))
      cookies.push(expiredCookie(callbackCookie.name, callbackCookie.options));
    response = await serverFailure(state, error, false, cookies);
  }
  for (const [name, value] of Object.entries(NO_REFERRER)) response.headers.set(name, value);
  return response;
}

/** `url` with `params` set in its query. */
function withQuery(url: string | undefined, params: Readonly<Record<string, string>>): string | undefined {
  if (url === undefined || Object.keys(params).length === 0) return url;
  const out = new URL(url);
  for (const [key, value] of Object.entries(params)) out.searchParams.set(key, value);
  return out.href;
}

function expiresAt(tokens: { expires_in?: number | undefined }, nowMs: number): number | undefined {
  return typeof tokens.expires_in === "number" ? Math.floor(nowMs / 1000) + tokens.expires_in : undefined;
}

async function oauth2Profile(
  state: RequestState,
  provider: ResolvedOAuthProvider,
  params: URLSearchParams,
): Promise<{ user: User; profile: Profile; tokens: TokenSet }> {
  const as = await metadataFor(state, provider);
  const client = clientFor(provider);
  let expectedState: string | typeof oauth.skipStateCheck = oauth.skipStateCheck;
  if (provider.checks.has("state")) {
    const check = await readCheck(state, provider, "state");
    if (check === null) throw checkFailed("the state cookie is missing, expired, or was made for another provider");
    expectedState = check.value;
  }
  // Checks `state`, the RFC 9207 `iss` (when present or advertised), and error responses.
  const callbackParams = oauth.validateAuthResponse(as, client, params, expectedState);

  // Our own PKCE: a missing verifier is a refusal, never a flow without PKCE, whatever the IdP
  // would accept.
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- for providers configured without PKCE (checks: ["state"])
  let verifier: string | typeof oauth.nopkce = oauth.nopkce;
  if (provider.checks.has("pkce")) {
    const check = await readCheck(state, provider, "pkce");
    if (check === null)
      throw checkFailed("the PKCE verifier cookie is missing, expired, or was made for another provider");
    verifier = check.value;
  }
  let expectedNonce: string | typeof oauth.expectNoNonce = oauth.expectNoNonce;
  if (provider.checks.has("nonce")) {
    const check = await readCheck(state, provider, "nonce");
    if (check === null) throw checkFailed("the nonce cookie is missing, expired, or was made for another provider");
    expectedNonce = check.value;
  }
  // Once per flow, before the code goes anywhere.
  const flow = [expectedState, verifier, expectedNonce, params.get("code")].find(
    (value): value is string => typeof value === "string",
  );
  if (flow !== undefined) await spendFlow(state, provider, flow);

  const options = { ...httpOptions(state, provider, as.token_endpoint) };
  const conform = provider.conformTokenResponse;
  if (conform !== undefined) {
    const inner = options[oauth.customFetch] as typeof fetch;
    options[oauth.customFetch] = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await inner(input, init);
      const body = (await response.json().catch(() => null)) as unknown;
      if (typeof body !== "object" || body === null || Array.isArray(body)) return response;
      const headers = new Headers(response.headers);
      headers.delete("content-length");
      return Response.json(conform(body as Record<string, unknown>), { status: response.status, headers });
    };
  }
  const tokenResponse = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    clientAuthFor(provider),
    callbackParams,
    redirectUri(state, provider),
    verifier,
    {
      ...options,
      ...(Object.keys(provider.tokenParams).length === 0 ? {} : { additionalParameters: provider.tokenParams }),
    },
  );
  // OpenID Connect is in force for `type: "oidc"` and for next-auth v4's spelling of it,
  // `type: "oauth"` with `idToken: true` (Google, Apple, Auth0, …): the ID token is required.
  const openid = provider.type === "oidc" || provider.idToken;
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, tokenResponse, {
    expectedNonce,
    requireIdToken: openid,
  });
  // An ID token whose signature cannot be checked (a plain OAuth 2 provider with no JWKS) is
  // not used at all; for OIDC providers the check is mandatory.
  const verifiable = as.jwks_uri !== undefined || openid;
  const claims = verifiable ? oauth.getValidatedIdTokenClaims(tokens) : undefined;
  if (claims !== undefined && tokens.id_token !== undefined) {
    // oauth4webapi has checked the claims and the algorithm; the rest of OIDC Core §3.1.3.7 and
    // the signature, against the issuer's published keys, are checked here.
    await checkIdTokenClaims(provider, claims, tokens.id_token, tokens.access_token, state.nowMs);
    await verifyIdTokenSignature(state, provider, as, tokenResponse, tokens.id_token);
  }
  const tokenSet: TokenSet = { ...tokens };
  const at = expiresAt(tokens, state.nowMs);
  if (at !== undefined) tokenSet.expires_at = at;

  // `userinfo.params` go in the userinfo request's query (as openid-client's userinfo() did for v4).
  const userinfoUrl = withQuery(as.userinfo_endpoint, provider.userinfoParams);
  let profile: Profile;
  if (provider.userinfoRequest !== undefined) {
    profile = await provider.userinfoRequest({
      tokens: tokenSet,
      provider: { id: provider.id, clientId: provider.clientId, userinfoUrl },
      fetch: fetchFor(state, provider),
      ...(claims === undefined ? {} : { claims: { ...claims } }),
    });
  } else if (provider.idToken && claims !== undefined) {
    profile = { ...claims };
  } else if (claims === undefined && provider.type === "oauth") {
    // A plain OAuth 2.0 API: any JSON profile, no OIDC `sub` to insist on.
    if (userinfoUrl === undefined) throw checkFailed("the provider has no userinfo endpoint");
    const response = await fetchFor(state, provider)(userinfoUrl, {
      headers: { authorization: `Bearer ${tokens.access_token}`, accept: "application/json" },
    });
    if (!response.ok) throw checkFailed(`the userinfo endpoint answered ${response.status}`);
    const body = (await response.json()) as unknown;
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw checkFailed("the userinfo answer is not a JSON object");
    }
    profile = body as Profile;
  } else {
    if (userinfoUrl === undefined) throw checkFailed("the provider has no userinfo endpoint and sent no ID token");
    const userinfoResponse = await oauth.userInfoRequest(
      { ...as, userinfo_endpoint: userinfoUrl },
      client,
      tokens.access_token,
      httpOptions(state, provider, userinfoUrl),
    );
    const userinfo = await oauth.processUserInfoResponse(
      as,
      client,
      claims?.sub ?? oauth.skipSubjectCheck,
      userinfoResponse,
    );
    profile = { ...claims, ...userinfo };
  }
  // Sign in with Apple posts the user's name, on the first sign-in only, as a JSON `user` field
  // of its form_post callback. Only providers that say so (`callbackUser`) take it: for any
  // other, a `user` parameter is just text someone added to the callback.
  const userField = provider.callbackUser && state.request.method === "POST" ? params.get("user") : null;
  if (userField !== null && profile.user === undefined) {
    try {
      const parsed = JSON.parse(userField) as unknown;
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
        profile = { ...profile, user: parsed };
    } catch {
      // Not JSON: ignored.
    }
  }
  return { user: await mapProfile(provider, profile, tokenSet), profile, tokens: tokenSet };
}

async function oauth1Profile(
  state: RequestState,
  provider: ResolvedOAuthProvider,
  params: URLSearchParams,
): Promise<{ user: User; profile: Profile; tokens: TokenSet }> {
  const endpoints = provider.oauth1 as NonNullable<ResolvedOAuthProvider["oauth1"]>;
  const check = await readCheck(state, provider, "state");
  const token = params.get("oauth_token");
  const verifier = params.get("oauth_verifier");
  if (check === null || token === null || verifier === null || check.extra.token !== token) {
    throw checkFailed("the OAuth 1.0a request token does not match the flow in progress");
  }
  await spendFlow(state, provider, check.value);
  const fetchFn = fetchFor(state, provider);
  const common = { consumerKey: provider.clientId, consumerSecret: provider.clientSecret ?? "" };
  const access = await signedTokenRequest(fetchFn, {
    ...common,
    method: "POST",
    url: endpoints.accessToken,
    token,
    tokenSecret: check.value,
    oauthParams: { oauth_verifier: verifier },
  });
  if (access.oauth_token === undefined || access.oauth_token_secret === undefined) {
    throw checkFailed("the OAuth 1.0a access token response is incomplete");
  }
  const header = await authorizationHeader({
    ...common,
    method: "GET",
    url: endpoints.profile,
    token: access.oauth_token,
    tokenSecret: access.oauth_token_secret,
  });
  const response = await fetchFn(endpoints.profile, { headers: { authorization: header, accept: "application/json" } });
  if (!response.ok) throw checkFailed(`the OAuth 1.0a profile request answered ${response.status}`);
  const profile = (await response.json()) as Profile;
  const tokens: TokenSet = { ...access };
  return { user: await mapProfile(provider, profile, tokens), profile, tokens };
}

async function mapProfile(provider: ResolvedOAuthProvider, profile: Profile, tokens: TokenSet): Promise<User> {
  const user = await provider.profile(profile, tokens);
  const id = (user as { id?: unknown }).id;
  if (typeof user !== "object" || (typeof id !== "string" && typeof id !== "number") || String(id) === "") {
    throw checkFailed(`the \`profile\` of provider "${provider.id}" returned no id`);
  }
  return { ...user, id: String(id) };
}
