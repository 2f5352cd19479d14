/**
 * Keycloak, OpenID Connect. https://www.keycloak.org/docs/latest/securing_apps/#_oidc
 *
 * Give `issuer`: the realm URL, https://keycloak.example.com/realms/REALM. The name falls back to `preferred_username`.
 */
import type { OAuthConfig, OAuthUserConfig } from "../oauth-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims Keycloak sends. */
export type KeycloakProfile = OidcProfile;

export default function Keycloak<P extends KeycloakProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("keycloak", "Keycloak", options);
}
