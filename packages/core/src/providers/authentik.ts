/**
 * Authentik, OpenID Connect. https://docs.goauthentik.io/docs/add-secure-apps/providers/oauth2/
 *
 * Give `issuer`: the application's issuer, https://authentik.example.com/application/o/SLUG/ (note the trailing slash, part of the issuer).
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims Authentik sends. */
export type AuthentikProfile = OidcProfile;

/**
 * Sign in with Authentik.
 *
 * @param options - `issuer` (the application's issuer), `clientId` and `clientSecret`; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Authentik from "gatehouse/providers/authentik";
 * Authentik({ clientId: process.env.AUTHENTIK_ID!, clientSecret: process.env.AUTHENTIK_SECRET!, issuer: process.env.AUTHENTIK_ISSUER });
 * ```
 */
export default function Authentik<P extends AuthentikProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("authentik", "Authentik", options);
}
