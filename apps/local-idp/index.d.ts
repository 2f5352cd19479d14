/** Options of {@link startIdp}. */
export interface IdpOptions {
  /** @default 3300 */
  port?: number;
  /** oidc-provider client metadata. */
  clients: Record<string, unknown>[];
  /** Access token lifetime in seconds. @default 3600 */
  accessTokenTtl?: number;
  /** Called for grant, refresh and server-error events. */
  onEvent?: (event: string, detail: unknown) => void;
  /** Private signing keys (JWK); the first of an algorithm signs. Restart with another set to rotate. */
  jwks?: { keys: Record<string, unknown>[] };
  /** Extra claims every account has, released with the `profile` scope. */
  profileClaims?: Record<string, unknown>;
  /** The `email_verified` claim, for every account or per login name. @default true */
  emailVerified?: boolean | ((login: string) => boolean);
}

/** A running local IdP. */
export interface LocalIdp {
  issuer: string;
  provider: unknown;
  close(): Promise<void>;
}

/** Starts a local OpenID Connect provider on 127.0.0.1. */
export function startIdp(options: IdpOptions): Promise<LocalIdp>;
