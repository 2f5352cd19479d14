import type { EphemeralStore } from "../store/ephemeral-store.js";
import type { Adapter } from "../../adapter.js";
import type { CsrfKeys } from "../csrf.js";
import type { Keyring } from "../keyring.js";
import type { ResolvedEmailProvider } from "../email/resolve-email-provider.js";
import type { ResolvedOAuthProvider } from "../oauth/resolve-oauth-provider.js";
import type { RefreshFlights } from "../oauth/refresh.js";
import type { ServerMetadataCache } from "../oauth/server-metadata.js";
import type {
  CallbacksOptions,
  CookiesOptions,
  CredentialInput,
  CredentialsProvider,
  EventCallbacks,
  JWTOptions,
  LoggerInstance,
  PagesOptions,
  RateLimit,
} from "../../types.js";

/** An email kept by the development mailbox. */
export interface DevMessage {
  to: string;
  url: string;
  at: Date;
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

/** Any provider after validation. */
export type ResolvedProvider = ResolvedCredentialsProvider | ResolvedOAuthProvider | ResolvedEmailProvider;

/** The theme with every default filled in. */
export interface ResolvedTheme {
  readonly colorScheme: "auto" | "dark" | "light";
  readonly brandColor: string;
  readonly buttonText: string;
  readonly logo: string | undefined;
}

/** The options after `resolveConfig()`: complete, validated, frozen. */
export interface ResolvedConfig {
  readonly providers: readonly ResolvedProvider[];
  readonly providerById: ReadonlyMap<string, ResolvedProvider>;
  readonly keyring: Keyring;
  readonly csrfKeys: CsrfKeys;
  readonly secrets: readonly string[];
  readonly basePath: string;
  /** The configured public origin, or `null` when it comes from each request. */
  readonly url: URL | null;
  readonly trustHost: boolean;
  readonly environment: "development" | "production" | "test";
  readonly useSecureCookies: boolean | undefined;
  readonly cookies: { readonly secure: CookiesOptions; readonly insecure: CookiesOptions };
  readonly session: {
    readonly strategy: "jwt" | "database";
    readonly maxAge: number;
    readonly updateAge: number;
    readonly maxCookieBytes: number;
    readonly absoluteMaxAge: number | undefined;
    readonly generateSessionToken: (() => string) | undefined;
  };
  /** Development only: sign-in emails that had nowhere to go, newest last. */
  readonly devMailbox: DevMessage[];
  /** The adapter, checked to have what the configuration needs. */
  readonly adapter: Adapter | undefined;
  readonly jwt: {
    readonly maxAge: number;
    readonly encode: JWTOptions["encode"];
    readonly decode: JWTOptions["decode"];
  };
  readonly pages: Readonly<PagesOptions>;
  readonly callbacks: Readonly<CallbacksOptions>;
  /** Which callbacks the user supplied (the defaults allow fast paths). */
  readonly custom: { readonly jwt: boolean; readonly session: boolean };
  readonly events: Readonly<Partial<EventCallbacks>>;
  readonly theme: ResolvedTheme;
  readonly logger: LoggerInstance;
  readonly rateLimit: { readonly perIdentifier: RateLimit | false; readonly perAddress: RateLimit | false } | false;
  readonly store: EphemeralStore;
  readonly now: () => number;
  /** The fetch for identity-provider requests. */
  readonly fetch: typeof fetch;
  /** Discovered OAuth server metadata and JWKS, per provider. */
  readonly oauthMetadata: ServerMetadataCache;
  /** Provider-token refreshes in flight (and just finished). */
  readonly refreshFlights: RefreshFlights;
  readonly maxBodyBytes: number;
  readonly maxTokenLength: number;
}
