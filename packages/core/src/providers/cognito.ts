/**
 * Cognito, OpenID Connect. https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-userpools-server-contract-reference.html
 *
 * Give `issuer`: https://cognito-idp.REGION.amazonaws.com/USER_POOL_ID (not the hosted-UI domain).
 */
import type { OAuthConfig, OAuthUserConfig } from "../oauth-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims Cognito sends. */
export type CognitoProfile = OidcProfile;

export default function Cognito<P extends CognitoProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("cognito", "Cognito", options);
}
