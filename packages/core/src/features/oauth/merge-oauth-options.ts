/**
 * How an OAuth provider's defaults and the app's options come together, before validation:
 *
 * 1. next-auth v3's provider shape becomes today's on each side (see {@link fromV3}), so a
 *    custom provider written from the v3 docs, or a v3 override of a built-in, keeps working.
 * 2. As next-auth v4 does, an endpoint given as a URL string (`authorization`, `token`,
 *    `userinfo`) becomes `{ url }` on both sides, so an app's `token: { params }` or
 *    `userinfo: { params }` merges into the definition's endpoint instead of replacing it and
 *    losing its URL.
 * 3. The two are merged deeply (plain objects merge, anything else replaces).
 */
import { deepMerge } from "../../lib/deep-merge.js";
import { isPlainObject } from "../../lib/encoding.js";
import { RESERVED_PARAMS } from "./resolve-oauth-provider.js";

const ENDPOINTS = ["authorization", "token", "userinfo"] as const;
/** Token request parameters the flow sets itself (v3 apps often repeated `grant_type`). */
const TOKEN_FLOW_PARAMS: ReadonlySet<string> = new Set([
  "grant_type",
  "code",
  "redirect_uri",
  "client_id",
  "client_secret",
  "code_verifier",
]);

function isOAuth1(version: unknown): boolean {
  return typeof version === "string" && version.startsWith("1.");
}

/** `"https://x/path?a=1"` → `{ url: "https://x/path", params: { a: "1" } }`; anything else as it is. */
function splitUrl(value: unknown): unknown {
  if (typeof value !== "string") return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value; // refused, with the option's name, by the validation that follows
  }
  return { url: `${url.origin}${url.pathname}`, params: Object.fromEntries(url.searchParams) };
}

function params(value: unknown): Record<string, unknown> {
  return isPlainObject(value) ? value : {};
}

/** What the mapping of one side needs to know of the whole provider. */
interface MergeContext {
  version: unknown;
  idToken: unknown;
  /** The side is the provider object itself (a custom provider), not an app's overrides. */
  whole: boolean;
}

/**
 * next-auth v3's OAuth 2.0 options, as its docs list them, mapped onto today's:
 * - `authorizationUrl` (the authorization endpoint, often with `?response_type=code`) →
 *   `authorization`, its query as parameters less those the flow sets itself;
 * - `scope` (a string or an array) and v3.x's `authorizationParams` → `authorization.params`;
 * - `accessTokenUrl` (the token endpoint) → `token`, and `params` (what v3 sent with the token
 *   request, e.g. `{ grant_type: "authorization_code" }`) → `token.params`, less what the flow
 *   sets itself;
 * - `profileUrl` (the user's profile) → `userinfo`;
 * - `protection` ("pkce", "state", "both", "none" or a list) and `state: false` → `checks`;
 * - `requestTokenUrl` only ever meant something for OAuth 1.0a, and is dropped;
 * - a v3 custom provider sent its client secret in the token request's body:
 *   `client_secret_post`;
 * - `idToken: true` took the profile from the ID token, which v3 decoded without checking it.
 *   Here it is checked like any OpenID Connect ID token, with the keys (and issuer) discovered
 *   at the authorization URL's origin, or at `issuer` when the provider gives one.
 * For OAuth 1.0a (`version: "1.0"`, `"1.0a"`), only `authorizationUrl` is renamed.
 * https://github.com/nextauthjs/next-auth/blob/v3/www/docs/configuration/providers.md
 */
export function fromV3(options: Record<string, unknown>, context: MergeContext): Record<string, unknown> {
  const { authorizationUrl, accessTokenUrl, profileUrl, scope, params: tokenParams, ...rest } = options;
  if (isOAuth1(context.version)) {
    return authorizationUrl === undefined || options.authorization !== undefined
      ? options
      : { ...options, authorization: authorizationUrl };
  }
  const { authorizationParams, protection, requestTokenUrl, ...out } = rest;
  const v3 =
    authorizationUrl !== undefined ||
    accessTokenUrl !== undefined ||
    profileUrl !== undefined ||
    requestTokenUrl !== undefined;

  const authorization: Record<string, unknown> = {};
  const split = splitUrl(authorizationUrl);
  if (isPlainObject(split)) {
    authorization.url = split.url;
    authorization.params = Object.fromEntries(
      Object.entries(params(split.params)).filter(([key]) => !RESERVED_PARAMS.has(key)),
    );
  } else if (authorizationUrl !== undefined) authorization.url = authorizationUrl;
  const scopeParam = Array.isArray(scope) ? scope.join(" ") : scope;
  if (typeof scopeParam === "string" || isPlainObject(authorizationParams)) {
    authorization.params = {
      ...params(authorization.params),
      ...params(authorizationParams),
      ...(typeof scopeParam === "string" ? { scope: scopeParam } : {}),
    };
  }
  if (Object.keys(authorization).length > 0) {
    // A v4 `authorization` given beside it wins.
    const given = typeof out.authorization === "string" ? { url: out.authorization } : params(out.authorization);
    out.authorization = deepMerge(authorization, given);
  }

  if (accessTokenUrl !== undefined || (v3 && isPlainObject(tokenParams))) {
    const token: Record<string, unknown> = accessTokenUrl === undefined ? {} : { url: accessTokenUrl };
    if (isPlainObject(tokenParams)) {
      token.params = Object.fromEntries(Object.entries(tokenParams).filter(([key]) => !TOKEN_FLOW_PARAMS.has(key)));
    }
    out.token ??= token;
  }
  if (profileUrl !== undefined) out.userinfo ??= profileUrl;

  if (out.checks === undefined) {
    if (typeof protection === "string" || Array.isArray(protection)) {
      // v4's betas also took "both".
      out.checks = Array.isArray(protection) ? protection : protection === "both" ? ["pkce", "state"] : [protection];
    } else if (out.state === false) {
      out.checks = context.idToken === true ? ["pkce", "nonce"] : ["pkce"];
    }
  }
  if (typeof out.state === "boolean") delete out.state;
  if (v3 && context.whole) {
    out.client ??= { token_endpoint_auth_method: "client_secret_post" };
    if (context.idToken === true && out.wellKnown === undefined) {
      const base = typeof out.issuer === "string" ? out.issuer : originOf(authorizationUrl);
      if (base !== undefined) out.wellKnown = `${base.replace(/\/$/, "")}/.well-known/openid-configuration`;
    }
  }
  return out;
}

function originOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/**
 * v4's normalization: a URL-string endpoint as `{ url }` (its query stays in the URL, and any
 * `params` merged in are set over it when the request is made).
 */
function normalizeEndpoints(options: Record<string, unknown>, version: unknown): Record<string, unknown> {
  const out = { ...options };
  for (const key of ENDPOINTS) {
    // OAuth 1.0a's authorization URL is used as given.
    if (key === "authorization" && isOAuth1(version)) continue;
    if (typeof out[key] === "string") out[key] = { url: out[key] };
  }
  return out;
}

/**
 * The provider's defaults with the app's `options` merged over them.
 * @param defaults what the provider definition (or a custom provider object) says.
 * @param options the app's overrides (next-auth v4's `options`).
 */
export function mergeOAuthOptions(
  defaults: Record<string, unknown>,
  options: Record<string, unknown>,
): Record<string, unknown> {
  const version = options.version ?? defaults.version;
  const idToken = options.idToken ?? defaults.idToken;
  const side = (value: Record<string, unknown>, whole: boolean) =>
    normalizeEndpoints(fromV3(value, { version, idToken, whole }), version);
  return deepMerge(side(defaults, true), side(options, false));
}
