/**
 * Okta, OpenID Connect. https://developer.okta.com/docs/reference/api/oidc/
 *
 * Give `issuer`: https://YOUR_ORG.okta.com, or a custom authorization server's issuer (…/oauth2/default).
 */
import type { OAuthConfig, OAuthUserConfig } from "../oauth-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims Okta sends. */
export type OktaProfile = OidcProfile;

export default function Okta<P extends OktaProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("okta", "Okta", options);
}
