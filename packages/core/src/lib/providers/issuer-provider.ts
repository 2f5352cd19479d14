/**
 * The providers that are "an OpenID Connect issuer you host or rent" (Auth0, Okta, Keycloak,
 * Cognito, Zitadel, Authentik, FusionAuth, IdentityServer, …): one shape, different names and
 * profile claims.
 *
 * next-auth v4 reports all of them as `type: "oauth"` (with `idToken: true`), and apps and
 * `GET /providers` clients see that type, so they keep it here too. `idToken: true` is what makes
 * the callback insist on an ID token and validate it in full, exactly as for `type: "oidc"`.
 */
import type {
  AnyProfile,
  OAuthConfig,
  OAuthFields,
  OAuthUserConfig,
  PartialOAuthUserConfig,
} from "../../provider-types.js";
import type { User } from "../../types.js";
import { defineProvider } from "./define-provider.js";

/** Claims every OIDC issuer may send. */
export interface OidcProfile extends Record<string, unknown> {
  sub: string;
  name?: string;
  preferred_username?: string;
  nickname?: string;
  email?: string;
  email_verified?: boolean;
  picture?: string;
}

/** The user from standard OIDC claims (name falling back to the username claims). */
export function standardUser(profile: OidcProfile): User {
  return {
    id: profile.sub,
    name: profile.name ?? profile.preferred_username ?? profile.nickname ?? null,
    email: profile.email ?? null,
    image: profile.picture ?? null,
  };
}

/**
 * An OpenID Connect provider found by its `issuer` (given in `options`, as in next-auth v4; a
 * missing one is a configuration error naming `issuer`). `extra` overrides the defaults.
 */
export function issuerProvider<P extends AnyProfile>(
  id: string,
  name: string,
  options: OAuthUserConfig<P> | PartialOAuthUserConfig<P>,
  extra: Partial<OAuthFields<P>> = {},
): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id,
      name,
      type: "oauth",
      idToken: true,
      authorization: { params: { scope: "openid profile email" } },
      profile: (profile) => standardUser(profile as unknown as OidcProfile),
      ...extra,
    },
    options,
  );
}
