/**
 * Validates an OAuth/OIDC provider once, at configuration: the user's `options` merged over the
 * provider's defaults (deeply, as next-auth does), endpoints and checks settled, and a default
 * profile mapper where none is given.
 */
import { ConfigError } from "../../errors.js";
import type { ClientAuthMethod, OAuthCheck, ResolvedOAuthProvider } from "../../provider-types.js";
import type { Profile, User } from "../../types.js";
import { DEFAULTS } from "../../lib/config/defaults.js";
import { isPlainObject } from "../../lib/encoding.js";

const AUTH_METHODS: ReadonlySet<ClientAuthMethod> = new Set<ClientAuthMethod>([
  "client_secret_basic",
  "client_secret_post",
  "private_key_jwt",
  "none",
]);
/** Parameters the flow owns; user-supplied values for them are refused. */
export const RESERVED_PARAMS: ReadonlySet<string> = new Set([
  "client_id",
  "redirect_uri",
  "response_type",
  "state",
  "nonce",
  "code_challenge",
  "code_challenge_method",
  "oauth_token",
]);

function endpoint(id: string, name: string, value: unknown): { url?: string; params: Record<string, string> } {
  if (value === undefined) return { params: {} };
  if (typeof value === "string") return { url: checkUrl(id, name, value), params: {} };
  if (!isPlainObject(value))
    throw new ConfigError("InvalidProvider", `Provider "${id}": \`${name}\` must be a URL or { url, params }.`);
  const params: Record<string, string> = {};
  for (const [key, param] of Object.entries(isPlainObject(value.params) ? value.params : {})) {
    if (typeof param === "string" || typeof param === "number" || typeof param === "boolean")
      params[key] = String(param);
  }
  return { ...(typeof value.url === "string" ? { url: checkUrl(id, name, value.url) } : {}), params };
}

function checkUrl(id: string, option: string, value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === "https:" || url.protocol === "http:") return url.href;
  } catch {
    // fall through
  }
  throw new ConfigError(
    "InvalidUrl",
    `Provider "${id}": \`${option}\` is not an http(s) URL: ${JSON.stringify(value)}.`,
  );
}

function defaultProfile(profile: Profile): User {
  const id = profile.sub ?? profile.id;
  const user: User = { id: typeof id === "string" || typeof id === "number" ? String(id) : "" };
  if (typeof profile.name === "string") user.name = profile.name;
  if (typeof profile.email === "string") user.email = profile.email;
  const image = profile.picture ?? profile.image;
  if (typeof image === "string") user.image = image;
  return user;
}

/** Validates one OAuth/OIDC provider (already merged with its `options`). */
export function resolveOAuthProvider(
  id: string,
  name: string,
  options: Record<string, unknown>,
): ResolvedOAuthProvider {
  const type = options.type as "oauth" | "oidc";
  const oauth1 = typeof options.version === "string" && ["1.0", "1.0a", "1.0A"].includes(options.version);
  const { clientId, clientSecret } = options;
  if (typeof clientId !== "string" || clientId === "") {
    throw new ConfigError(
      "InvalidProvider",
      `Provider "${id}" has no \`clientId\`. Set it from the provider's console, e.g. clientId: process.env.AUTH_${id.toUpperCase().replace(/-/g, "_")}_ID.`,
    );
  }
  const client = isPlainObject(options.client) ? options.client : {};
  const clientAuth = (client.token_endpoint_auth_method ?? "client_secret_basic") as ClientAuthMethod;
  if (!AUTH_METHODS.has(clientAuth)) {
    throw new ConfigError(
      "InvalidProvider",
      `Provider "${id}": \`client.token_endpoint_auth_method\` must be one of ${[...AUTH_METHODS].join(", ")}.`,
    );
  }
  const privateKey =
    options.privateKey === undefined
      ? undefined
      : isPlainObject(options.privateKey) && "key" in options.privateKey
        ? (options.privateKey as { key: CryptoKey; kid?: string })
        : { key: options.privateKey as CryptoKey };
  if (clientAuth === "private_key_jwt" && privateKey === undefined) {
    throw new ConfigError(
      "InvalidProvider",
      `Provider "${id}" uses private_key_jwt: set \`privateKey\` to the client's private CryptoKey.`,
    );
  }
  if (
    (clientAuth === "client_secret_basic" || clientAuth === "client_secret_post" || oauth1) &&
    (typeof clientSecret !== "string" || clientSecret === "")
  ) {
    throw new ConfigError(
      "InvalidProvider",
      `Provider "${id}" has no \`clientSecret\`. Set it from the provider's console, e.g. clientSecret: process.env.AUTH_${id.toUpperCase().replace(/-/g, "_")}_SECRET (or use client: { token_endpoint_auth_method: "none" } for a public client).`,
    );
  }

  const authorization = endpoint(id, "authorization", options.authorization);
  const token = endpoint(id, "token", options.token);
  const userinfo = endpoint(id, "userinfo", options.userinfo);
  const userinfoRequest =
    isPlainObject(options.userinfo) && typeof options.userinfo.request === "function"
      ? (options.userinfo.request as ResolvedOAuthProvider["userinfoRequest"])
      : undefined;
  const issuer =
    typeof options.issuer === "string" ? checkUrl(id, "issuer", options.issuer).replace(/\/$/, "") : undefined;
  const wellKnown = typeof options.wellKnown === "string" ? checkUrl(id, "wellKnown", options.wellKnown) : undefined;

  let oauth1Endpoints: ResolvedOAuthProvider["oauth1"];
  if (oauth1) {
    const { requestTokenUrl, accessTokenUrl, profileUrl } = options;
    if (
      typeof requestTokenUrl !== "string" ||
      typeof accessTokenUrl !== "string" ||
      typeof profileUrl !== "string" ||
      authorization.url === undefined
    ) {
      throw new ConfigError(
        "InvalidProvider",
        `OAuth 1.0a provider "${id}" needs \`requestTokenUrl\`, \`accessTokenUrl\`, \`profileUrl\` and \`authorization\`.`,
      );
    }
    oauth1Endpoints = {
      requestToken: checkUrl(id, "requestTokenUrl", requestTokenUrl),
      accessToken: checkUrl(id, "accessTokenUrl", accessTokenUrl),
      profile: checkUrl(id, "profileUrl", profileUrl),
    };
  } else if (
    wellKnown === undefined &&
    issuer === undefined &&
    (authorization.url === undefined || token.url === undefined)
  ) {
    throw new ConfigError(
      "InvalidProvider",
      `Provider "${id}" has no endpoints: give \`issuer\` (or \`wellKnown\`) for discovery, or both \`authorization\` and \`token\` URLs.`,
    );
  }

  const isOidc = type === "oidc" || options.idToken === true;
  const rawChecks = Array.isArray(options.checks)
    ? (options.checks as OAuthCheck[])
    : isOidc
      ? ["pkce", "state", "nonce"]
      : ["pkce", "state"];
  for (const check of rawChecks) {
    if (!["pkce", "state", "nonce", "none"].includes(check)) {
      throw new ConfigError(
        "InvalidProvider",
        `Provider "${id}": unknown check ${JSON.stringify(check)}; use "pkce", "state", "nonce" or "none".`,
      );
    }
  }
  const checks = new Set(rawChecks.filter((check): check is Exclude<OAuthCheck, "none"> => check !== "none"));
  if (oauth1) checks.clear();

  for (const key of Object.keys(authorization.params)) {
    if (RESERVED_PARAMS.has(key))
      throw new ConfigError(
        "InvalidProvider",
        `Provider "${id}": \`authorization.params.${key}\` is set by Gatehouse; remove it.`,
      );
  }
  const authorizationParams = { ...authorization.params };
  if (authorizationParams.scope === undefined && isOidc) authorizationParams.scope = "openid profile email";

  const timeout = typeof options.timeout === "number" && options.timeout > 0 ? options.timeout : DEFAULTS.oauth.timeout;
  const trustedAudiences = options.trustedAudiences ?? [];
  if (!Array.isArray(trustedAudiences) || !trustedAudiences.every((audience) => typeof audience === "string")) {
    throw new ConfigError(
      "InvalidProvider",
      `Provider "${id}": \`trustedAudiences\` must be a list of client ids, e.g. ["my-api"].`,
    );
  }
  const style = isPlainObject(options.style)
    ? Object.fromEntries(
        Object.entries(options.style).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
      )
    : undefined;
  return Object.freeze({
    id,
    name,
    type,
    version: oauth1 ? "1.0A" : "2.0",
    clientId,
    clientSecret: typeof clientSecret === "string" && clientSecret !== "" ? clientSecret : undefined,
    clientAuth,
    privateKey,
    idTokenAlg:
      typeof client.id_token_signed_response_alg === "string" ? client.id_token_signed_response_alg : undefined,
    issuer,
    wellKnown,
    endpoints: Object.freeze({
      ...(authorization.url === undefined ? {} : { authorization: authorization.url }),
      ...(token.url === undefined ? {} : { token: token.url }),
      ...(userinfo.url === undefined ? {} : { userinfo: userinfo.url }),
    }),
    oauth1: oauth1Endpoints,
    authorizationParams: Object.freeze(authorizationParams),
    tokenParams: Object.freeze({ ...token.params }),
    userinfoParams: Object.freeze({ ...userinfo.params }),
    userinfoRequest,
    checks,
    idToken: options.idToken === undefined ? type === "oidc" : options.idToken === true,
    profile:
      typeof options.profile === "function" ? (options.profile as ResolvedOAuthProvider["profile"]) : defaultProfile,
    allowDangerousEmailAccountLinking: options.allowDangerousEmailAccountLinking === true,
    trustedAudiences: Object.freeze([...trustedAudiences]),
    callbackUser: options.callbackUser === true,
    style: style === undefined ? undefined : Object.freeze(style),
    refresh: options.refresh === true,
    logout: options.logout === true,
    timeout,
    formPost: authorizationParams.response_mode === "form_post",
    conformTokenResponse:
      typeof options.conformTokenResponse === "function"
        ? (options.conformTokenResponse as ResolvedOAuthProvider["conformTokenResponse"])
        : undefined,
  });
}
