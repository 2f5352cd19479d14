/**
 * The options after validation: complete, frozen, and nothing but options. What changes while
 * the app runs lives in the {@link AuthRuntime} beside it.
 */
import type { ConfigError } from "../../errors.js";
import type { ResolvedProvider } from "../../provider-types.js";
import type {
  CallbacksOptions,
  CookiesOptions,
  EventCallbacks,
  JWTOptions,
  PagesOptions,
  RateLimit,
} from "../../types.js";

/** The theme with every default filled in. */
export interface ResolvedTheme {
  readonly colorScheme: "auto" | "dark" | "light";
  readonly brandColor: string;
  readonly buttonText: string;
  readonly logo: string | undefined;
}

/** The rate limits with every default filled in; `false` where one is off. */
export interface ResolvedRateLimits {
  readonly perIdentifier: RateLimit | false;
  readonly perPair: RateLimit | false;
  readonly perAddress: RateLimit | false;
  readonly emailPerIdentifier: RateLimit | false;
  readonly emailPerAddress: RateLimit | false;
}

/** Two-factor authentication with every default filled in (see `TwoFactorOptions`). */
export interface ResolvedTwoFactor {
  /** Provider types and ids whose sign-ins ask for the second factor. */
  readonly requireFor: ReadonlySet<string>;
  /** The name authenticator apps show; `null`: the app's host. */
  readonly issuer: string | null;
  /** Seconds a sign-in waits for its second factor. */
  readonly pendingMaxAge: number;
  /** Seconds a trusted device skips the second factor; `false`: no "trust this device". */
  readonly trustDeviceMaxAge: number | false;
}

/** The options after `resolveConfig()`: complete, validated, frozen. */
export interface ResolvedConfig {
  readonly providers: readonly ResolvedProvider[];
  readonly providerById: ReadonlyMap<string, ResolvedProvider>;
  /**
   * Providers turned off by a mistake in their own options, with the error saying what to
   * change: listed nowhere, their own routes answer a Configuration error.
   */
  readonly brokenProviders: ReadonlyMap<string, ConfigError>;
  readonly secrets: readonly string[];
  readonly basePath: string;
  /** The configured public origin, or `null` when it comes from each request. */
  readonly url: URL | null;
  readonly trustHost: boolean;
  /** Proxies trusted to append to `X-Forwarded-For` (0: the header is not read). */
  readonly trustedProxyHops: number;
  readonly environment: "development" | "production" | "test";
  readonly debug: boolean;
  readonly useSecureCookies: boolean | undefined;
  /** Whether an adapter (a database) is configured. */
  readonly hasAdapter: boolean;
  readonly cookies: { readonly secure: CookiesOptions; readonly insecure: CookiesOptions };
  readonly session: {
    readonly strategy: "jwt" | "database";
    readonly maxAge: number;
    readonly updateAge: number;
    readonly maxCookieBytes: number;
    readonly absoluteMaxAge: number | undefined;
    readonly generateSessionToken: (() => string) | undefined;
  };
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
  readonly rateLimit: ResolvedRateLimits | false;
  /** Two-factor authentication, or `null` when the `twoFactor` option is not given. */
  readonly twoFactor: ResolvedTwoFactor | null;
  readonly maxBodyBytes: number;
  readonly maxTokenLength: number;
}
