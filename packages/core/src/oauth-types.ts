/**
 * OAuth 2.0 / OpenID Connect (and OAuth 1.0a) provider options, in next-auth v4's shape: a
 * provider factory returns defaults plus the user's `options`, merged once at configuration.
 */
import type { Awaitable, Profile, User } from "./types.js";

/** Tokens from the token endpoint, with `expires_at` (seconds since the epoch) filled in. */
export interface TokenSet {
  access_token?: string;
  token_type?: string;
  id_token?: string;
  refresh_token?: string;
  expires_in?: number;
  expires_at?: number;
  scope?: string;
  [key: string]: unknown;
}

/** An endpoint given as a URL, or as a URL and extra parameters. */
export type EndpointConfig = string | { url?: string; params?: Record<string, string> };

/** What a custom `userinfo.request` receives. */
export interface UserinfoContext {
  tokens: TokenSet;
  provider: { id: string; clientId: string; userinfoUrl: string | undefined };
  /** The IdP fetch: timeout, size cap and the configured `fetch`. */
  fetch: typeof fetch;
  /** The ID token's claims, already validated, when the provider sent one. */
  claims?: Record<string, unknown>;
}

/** How the client authenticates at the token endpoint (RFC 6749 §2.3, OIDC Core §9). */
export type ClientAuthMethod = "client_secret_basic" | "client_secret_post" | "private_key_jwt" | "none";

/** The PKCE, state and nonce checks (RFC 7636, RFC 6749 §10.12, OIDC Core §3.1.2.1). */
export type OAuthCheck = "pkce" | "state" | "nonce" | "none";

/** A provider's profile: whatever JSON object its userinfo or ID token holds. */
export type AnyProfile = Record<string, unknown>;

/** The named options of an OAuth or OIDC provider. */
export interface OAuthFields<P extends AnyProfile = Profile> {
  id: string;
  name: string;
  type: "oauth" | "oidc";
  /** OAuth 1.0a providers say "1.0A". @default "2.0" */
  version?: "2.0" | "1.0" | "1.0A" | undefined;
  /** The issuer: discovery (`/.well-known/openid-configuration`) and the RFC 9207 `iss` check. */
  issuer?: string | undefined;
  /** A discovery document URL. */
  wellKnown?: string | undefined;
  authorization?: EndpointConfig | undefined;
  token?: EndpointConfig | undefined;
  userinfo?:
    | EndpointConfig
    | { url?: string; params?: Record<string, string>; request?: (context: UserinfoContext) => Awaitable<P> }
    | undefined;
  /** OAuth 1.0a endpoints. */
  requestTokenUrl?: string | undefined;
  accessTokenUrl?: string | undefined;
  profileUrl?: string | undefined;
  client?: { token_endpoint_auth_method?: ClientAuthMethod; id_token_signed_response_alg?: string } | undefined;
  clientId: string;
  clientSecret?: string | undefined;
  /** The key for `private_key_jwt` client authentication. */
  privateKey?: CryptoKey | { key: CryptoKey; kid?: string } | undefined;
  /** @default ["pkce", "state"] plus "nonce" for OIDC */
  checks?: OAuthCheck[] | undefined;
  /** Take the profile from the ID token's claims instead of the userinfo endpoint. @default true for "oidc" */
  idToken?: boolean | undefined;
  /** Maps the provider's profile to a user. */
  profile?: ((profile: P, tokens: TokenSet) => Awaitable<User>) | undefined;
  /** Sign in to an existing user with the same email even if this account is not linked to it. */
  allowDangerousEmailAccountLinking?: boolean | undefined;
  style?: { logo?: string; bg?: string; text?: string } | undefined;
  /** Gatehouse: refresh the access token with the refresh token when it expires. */
  refresh?: boolean | undefined;
  /** Gatehouse: sign out at the IdP too (RP-initiated logout), when it has an end_session_endpoint. */
  logout?: boolean | undefined;
  /**
   * Gatehouse: repairs a token endpoint answer that bends the standard (a missing `token_type`,
   * say) before it is checked. For provider definitions; quirks only.
   */
  conformTokenResponse?: ((body: Record<string, unknown>) => Record<string, unknown>) | undefined;
  /** Gatehouse: milliseconds before a request to the IdP is abandoned. @default 10000 */
  timeout?: number | undefined;
  /** next-auth v4: the user's options, merged over the provider's defaults. */
  options?: Partial<OAuthFields<P>> & Record<string, unknown>;
}

/** An OAuth or OIDC provider (named options plus any provider-specific ones). */
export interface OAuthConfig<P extends AnyProfile = Profile> extends OAuthFields<P> {
  [option: string]: unknown;
}

/** What apps pass to a built-in provider: credentials and any option to override. */
export type OAuthUserConfig<P extends AnyProfile = Profile> = Omit<Partial<OAuthFields<P>>, "options" | "type"> & {
  clientId: string;
  clientSecret?: string | undefined;
};
