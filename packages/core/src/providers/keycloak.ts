/**
 * Keycloak, OpenID Connect. https://www.keycloak.org/docs/latest/securing_apps/#_oidc
 *
 * Give `issuer`: the realm URL, https://keycloak.example.com/realms/REALM. The name falls back to `preferred_username`.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims Keycloak sends. */
export type KeycloakProfile = OidcProfile;

/**
 * Sign in with Keycloak.
 *
 * @param options - `issuer` (the realm's URL), `clientId` and `clientSecret`; any other option
 *   overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Keycloak from "gatehouse/providers/keycloak";
 * Keycloak({ clientId: process.env.KEYCLOAK_ID!, clientSecret: process.env.KEYCLOAK_SECRET!, issuer: process.env.KEYCLOAK_ISSUER });
 * ```
 */
export default function Keycloak<P extends KeycloakProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("keycloak", "Keycloak", options);
}
