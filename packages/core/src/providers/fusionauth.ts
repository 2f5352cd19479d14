/**
 * FusionAuth, OpenID Connect. https://fusionauth.io/docs/lifecycle/authenticate-users/oauth/endpoints
 *
 * Give `issuer`: your FusionAuth URL (or tenant issuer, if you changed it).
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims FusionAuth sends. */
export type FusionAuthProfile = OidcProfile;

export default function FusionAuth<P extends FusionAuthProfile>(
  options: OAuthUserConfig<P> & { issuer: string },
): OAuthConfig<P> {
  return issuerProvider<P>("fusionauth", "FusionAuth", options);
}
