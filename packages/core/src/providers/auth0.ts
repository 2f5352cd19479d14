/**
 * Auth0, OpenID Connect. https://auth0.com/docs/authenticate/protocols/openid-connect-protocol
 *
 * Give `issuer`: your tenant's domain, e.g. https://YOUR_TENANT.us.auth0.com (with a trailing slash in Auth0's own metadata; both forms work).
 */
import type { OAuthConfig, OAuthUserConfig } from "../oauth-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims Auth0 sends. */
export type Auth0Profile = OidcProfile;

export default function Auth0<P extends Auth0Profile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("auth0", "Auth0", options);
}
