/**
 * Every provider type in one place: what provider factories return (next-auth v4's shapes —
 * OAuth 2.0 / OpenID Connect and OAuth 1.0a, email links, credentials), and what each becomes
 * once validated at configuration (`Resolved*`). A provider factory returns its defaults plus the
 * app's `options`, merged once, deeply, when the auth instance is created.
 */
import type { Awaitable, Profile, ProviderType, Theme, User } from "./types.js";

export type { ProviderType } from "./types.js";

// ---------------------------------------------------------------------------------------------
// OAuth 2.0 / OpenID Connect / OAuth 1.0a

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

/**
 * The PKCE, state and nonce checks: RFC 7636 (https://www.rfc-editor.org/rfc/rfc7636), RFC 6749
 * §10.12 (https://www.rfc-editor.org/rfc/rfc6749#section-10.12), OIDC Core §3.1.2.1
 * (https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest). `"none"` turns them off.
 */
export type OAuthCheck = "pkce" | "state" | "nonce" | "none";

/** A provider's profile: whatever JSON object its userinfo or ID token holds. */
export type AnyProfile = Record<string, unknown>;

/** The named options of an OAuth or OIDC provider. */
export interface OAuthFields<P extends AnyProfile = Profile> {
  id: string;
  name: string;
  type: "oauth" | "oidc";
  /** OAuth 1.0a providers say "1.0A". @default "2.0" */
  version?: "2.0" | "1.0" | "1.0A" | "1.0a" | undefined;
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
  /** OAuth 1.0a endpoints; next-auth v3's OAuth 2.0 providers also named theirs so (see below). */
  requestTokenUrl?: string | undefined;
  accessTokenUrl?: string | undefined;
  profileUrl?: string | undefined;
  /** next-auth v3: the authorization endpoint (today's `authorization`). */
  authorizationUrl?: string | undefined;
  /** next-auth v3: the scopes to ask for (today's `authorization.params.scope`). */
  scope?: string | string[] | undefined;
  /** next-auth v3: parameters of the token request (today's `token.params`). */
  params?: Record<string, string> | undefined;
  /** next-auth v3: the checks (today's `checks`). */
  protection?: OAuthCheck | OAuthCheck[] | "both" | undefined;
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
  /**
   * Gatehouse: audiences besides `clientId` that an ID token may also name (its `aud` array).
   * An ID token meant for anyone else as well is refused (OIDC Core §3.1.3.7 item 3).
   * @default []
   */
  trustedAudiences?: string[] | undefined;
  /**
   * Gatehouse: take the callback's JSON `user` field into the profile as `profile.user` (Sign in
   * with Apple posts the user's name that way, on the first sign-in only). Other providers never
   * see a `user` parameter someone added to their callback.
   * @default false (true for Apple)
   */
  callbackUser?: boolean | undefined;
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

/**
 * The options of the providers next-auth v4 types as all-optional (`Partial<OAuthConfig>`: Box,
 * Dropbox, Reddit, Zoho, …), so `clientId: process.env.BOX_CLIENT_ID` compiles as it does there.
 * A provider left without its `clientId` fails its own sign-in, naming the option.
 */
export type PartialOAuthUserConfig<P extends AnyProfile = Profile> = Omit<OAuthUserConfig<P>, "clientId"> & {
  clientId?: string | undefined;
};

// ---------------------------------------------------------------------------------------------
// Credentials

/** One field of a credentials form; rendered as an `<input>` on the built-in sign-in page. */
export interface CredentialInput {
  /** The field's label on the built-in sign-in page. @default the field's name */
  label?: string;
  /** The input's `type` (`text`, `email`, `password`, …; anything unknown is `text`). @default "text" */
  type?: string;
  /** A pre-filled value (never for a password; a failed attempt's input wins). */
  value?: string;
  /** The input's placeholder. */
  placeholder?: string;
  [attribute: string]: unknown;
}

/**
 * The request as `authorize()` sees it: next-auth v4's plain-object shape, plus the standard
 * `Request` (its body already read).
 */
export interface AuthorizeRequest {
  method: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, string>;
  /** Gatehouse: the incoming request. */
  request: Request;
}

/** A credentials provider, as `Credentials({...})` returns it. */
export interface CredentialsProvider {
  id: string;
  name: string;
  type: "credentials";
  credentials: Record<string, CredentialInput>;
  authorize: (
    credentials: Record<string, string> | undefined,
    request: AuthorizeRequest,
  ) => Awaitable<User | null | false>;
  /** Gatehouse: which field names the account, for rate limiting (default: the first non-password field). */
  identifierField?: string;
  [option: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// Email links

/** What `sendVerificationRequest` receives. */
export interface SendVerificationRequestParams {
  /** The (normalized) address to send to. */
  identifier: string;
  /** The sign-in link. */
  url: string;
  /** When the link stops working (now + the provider's `maxAge`). */
  expires: Date;
  /** The email provider: its id, name, `server`, `from` and `maxAge` (seconds). */
  provider: { id: string; name: string; server: EmailServer | undefined; from: string; maxAge: number };
  /** The raw token in the link (stored only as a keyed hash). */
  token: string;
  /** The configured `theme`, to style the email like the pages. */
  theme: Theme;
  /** The request that asked for the link. */
  request: Request;
}

/** A nodemailer transport: a connection URL (smtp://…) or options object. */
export type EmailServer = string | Record<string, unknown>;

/** Options of the `Email` provider. */
export interface EmailConfig {
  /** @default "email" */
  id?: string;
  /** @default "Email" */
  name?: string;
  /** The SMTP server (URL or nodemailer transport options). Required in production unless `sendVerificationRequest` is given. */
  server?: EmailServer | undefined;
  /** The sender. @default "Gatehouse <no-reply@localhost>" */
  from?: string | undefined;
  /** Seconds a link stays valid. @default 900 (15 minutes; next-auth: 24 hours) */
  maxAge?: number;
  /** Sends the email yourself (an API such as Postmark or SES). */
  sendVerificationRequest?: (params: SendVerificationRequestParams) => Awaitable<void>;
  /** Makes the token (at least 256 bits of randomness by default). */
  generateVerificationToken?: () => Awaitable<string>;
  /** Normalizes the address after Gatehouse's strict validation; its result is validated again. */
  normalizeIdentifier?: (identifier: string) => string;
  [option: string]: unknown;
}

/** The email provider object. */
export interface EmailProvider extends EmailConfig {
  id: string;
  name: string;
  type: "email";
}

// ---------------------------------------------------------------------------------------------
// Passkeys (WebAuthn)

/** WebAuthn's user verification requirement (a PIN, a fingerprint, a face). */
export type UserVerificationRequirement = "required" | "preferred" | "discouraged";

/** Options of the `Passkey` provider. */
export interface PasskeyConfig {
  /** @default "passkey" */
  id?: string;
  /** @default "Passkey" */
  name?: string;
  /** The site's name, shown by the browser and the passkey manager. @default the host of the configured URL */
  relyingPartyName?: string | undefined;
  /**
   * The relying party id: the configured URL's host name or a registrable suffix of it
   * (`example.com` for `https://auth.example.com`).
   * @default the host name of the configured URL (`url`, NEXTAUTH_URL / AUTH_URL)
   */
  relyingPartyId?: string | undefined;
  /**
   * Whether someone signed out may create an account with a passkey alone (a new user with no
   * email). Without it, passkeys are added by signed-in users only.
   * @default false
   */
  allowSignUp?: boolean | undefined;
  /** What the authenticator is asked about user verification. @default "preferred" */
  userVerification?: UserVerificationRequirement | undefined;
  [option: string]: unknown;
}

/** The passkey provider object. */
export interface PasskeyProvider extends PasskeyConfig {
  id: string;
  name: string;
  type: "webauthn";
}

// Password accounts

/** The mails the `Password` provider sends. */
export type PasswordMailKind = "verifyEmail" | "resetPassword" | "passwordChanged" | "accountExists";

/** What a password mail sender receives. */
export interface PasswordMailParams {
  /** Which mail this is: verification, reset, a changed password, or a sign-up for a taken address. */
  kind: PasswordMailKind;
  /** The (normalized) address to send to. */
  identifier: string;
  /** The link to put in the mail (verification, reset, or the sign-in page). */
  url: string;
  /** When the link stops working (`verifyEmail`, `resetPassword`); `null` for notices. */
  expires: Date | null;
  /** The Password provider sending it: its id, name, SMTP server and sender address. */
  provider: { id: string; name: string; server: EmailServer | undefined; from: string };
  /** The configured theme, for mails that match the built-in pages. */
  theme: Theme;
  /** The request that caused the mail. */
  request: Request;
}

/** Options of the `Password` provider. */
export interface PasswordConfig {
  /** @default "password" */
  id?: string;
  /** @default "Password" */
  name?: string;
  /** The SMTP server for its mails (URL or nodemailer options). Required in production unless every mail kind has a sender in `sendMail`. */
  server?: EmailServer | undefined;
  /** The sender. @default "Gatehouse <no-reply@localhost>" */
  from?: string | undefined;
  /** Sends a kind of mail yourself (an API such as Postmark or SES), instead of through `server`. */
  sendMail?: Partial<Record<PasswordMailKind, (params: PasswordMailParams) => Awaitable<void>>>;
  /** An unverified address cannot sign in (it gets a new link on trying). @default true */
  requireEmailVerification?: boolean;
  /** Seconds a verification link works. @default 86400 (24 hours) */
  verificationMaxAge?: number;
  /** Seconds a reset link works. @default 900 (15 minutes) */
  resetMaxAge?: number;
  /** Fewest characters (after NFKC). @default 8 */
  minLength?: number;
  /** Most characters (after NFKC). @default 128 */
  maxLength?: number;
  /** argon2id parameters for new hashes; raise them and older hashes are rehashed at sign-in. @default { memoryCost: 19456, timeCost: 2, parallelism: 1 } */
  hash?: { memoryCost?: number; timeCost?: number; parallelism?: number };
  /**
   * Says whether a new password is known to be breached (e.g. a k-anonymity range query to Have
   * I Been Pwned). `true` refuses it. Off by default, since it needs the network.
   */
  isBreached?: (password: string) => Awaitable<boolean>;
  [option: string]: unknown;
}

/** The password provider object. */
export interface PasswordProvider extends PasswordConfig {
  id: string;
  name: string;
  type: "password";
}

// ---------------------------------------------------------------------------------------------
// Any provider

/** Any provider object (each OAuth provider has its own profile type). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the union must accept every provider's profile type
export type Provider = CredentialsProvider | OAuthConfig<any> | EmailProvider | PasswordProvider | PasskeyProvider;

/** A provider as accepted in `providers`: the object, or a factory called with no options. */
export type ProviderInput = Provider | (() => Provider);

// ---------------------------------------------------------------------------------------------
// After validation

/** An OAuth/OIDC provider after validation. */
export interface ResolvedOAuthProvider {
  readonly id: string;
  readonly name: string;
  readonly type: "oauth" | "oidc";
  readonly version: "2.0" | "1.0A";
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  readonly clientAuth: ClientAuthMethod;
  readonly privateKey: { key: CryptoKey; kid?: string } | undefined;
  readonly idTokenAlg: string | undefined;
  readonly issuer: string | undefined;
  readonly wellKnown: string | undefined;
  readonly endpoints: { readonly authorization?: string; readonly token?: string; readonly userinfo?: string };
  readonly oauth1:
    { readonly requestToken: string; readonly accessToken: string; readonly profile: string } | undefined;
  readonly authorizationParams: Readonly<Record<string, string>>;
  readonly tokenParams: Readonly<Record<string, string>>;
  /** Query parameters of the userinfo request. */
  readonly userinfoParams: Readonly<Record<string, string>>;
  readonly userinfoRequest: ((context: UserinfoContext) => Awaitable<Profile>) | undefined;
  readonly checks: ReadonlySet<Exclude<OAuthCheck, "none">>;
  readonly idToken: boolean;
  readonly profile: (profile: Profile, tokens: TokenSet) => Awaitable<User>;
  readonly allowDangerousEmailAccountLinking: boolean;
  /** Audiences an ID token may name besides the client id. */
  readonly trustedAudiences: readonly string[];
  /** Whether the callback's `user` field joins the profile (Apple). */
  readonly callbackUser: boolean;
  readonly style: Readonly<Record<string, string>> | undefined;
  readonly refresh: boolean;
  readonly logout: boolean;
  readonly timeout: number;
  /** `response_mode=form_post`: the IdP posts the callback cross-site. */
  readonly formPost: boolean;
  readonly conformTokenResponse: ((body: Record<string, unknown>) => Record<string, unknown>) | undefined;
}

/** An email provider after validation. */
export interface ResolvedEmailProvider {
  readonly id: string;
  readonly name: string;
  readonly type: "email";
  readonly server: EmailServer | undefined;
  readonly from: string;
  readonly maxAge: number;
  /** The app's sender, if it gave one. */
  readonly sendVerificationRequest: ((params: SendVerificationRequestParams) => Awaitable<void>) | undefined;
  readonly generateVerificationToken: (() => Awaitable<string>) | undefined;
  readonly normalizeIdentifier: ((identifier: string) => string) | undefined;
  /** No server and no sender in development: links go to the console and the dev mailbox. */
  readonly devMailbox: boolean;
}

/** A credentials provider after validation. */
export interface ResolvedCredentialsProvider {
  readonly id: string;
  readonly name: string;
  readonly type: "credentials";
  readonly credentials: Readonly<Record<string, CredentialInput>>;
  readonly authorize: CredentialsProvider["authorize"];
  /** The field whose value names the account (rate limiting). */
  readonly identifierField: string | undefined;
}

/** A passkey provider after validation. */
export interface ResolvedPasskeyProvider {
  readonly id: string;
  readonly name: string;
  readonly type: "webauthn";
  readonly relyingPartyName: string | undefined;
  readonly relyingPartyId: string | undefined;
  readonly allowSignUp: boolean;
  readonly userVerification: UserVerificationRequirement;
}

/** A password provider after validation. */
export interface ResolvedPasswordProvider {
  readonly id: string;
  readonly name: string;
  readonly type: "password";
  readonly server: EmailServer | undefined;
  readonly from: string;
  readonly sendMail: Readonly<Partial<Record<PasswordMailKind, (params: PasswordMailParams) => Awaitable<void>>>>;
  readonly requireEmailVerification: boolean;
  readonly verificationMaxAge: number;
  readonly resetMaxAge: number;
  readonly minLength: number;
  readonly maxLength: number;
  readonly hash: { readonly memoryCost: number; readonly timeCost: number; readonly parallelism: number };
  readonly isBreached: ((password: string) => Awaitable<boolean>) | undefined;
  /** No server and no sender in development: links go to the console and the dev mailbox. */
  readonly devMailbox: boolean;
}

/** Any provider after validation. */
export type ResolvedProvider =
  | ResolvedCredentialsProvider
  | ResolvedOAuthProvider
  | ResolvedEmailProvider
  | ResolvedPasswordProvider
  | ResolvedPasskeyProvider;

/** The validated provider of one type. */
export type ResolvedProviderOf<T extends ProviderType> = ResolvedProvider extends infer P
  ? P extends { type: infer U }
    ? T extends U
      ? P
      : never
    : never
  : never;
