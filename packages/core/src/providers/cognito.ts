/**
 * Cognito, OpenID Connect. https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-userpools-server-contract-reference.html
 *
 * Give `issuer`: https://cognito-idp.REGION.amazonaws.com/USER_POOL_ID (not the hosted-UI domain).
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims Cognito sends. */
export type CognitoProfile = OidcProfile;

/**
 * Sign in with an Amazon Cognito user pool.
 *
 * @param options - `issuer` (the user pool's issuer), `clientId` and `clientSecret`; any other
 *   option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Cognito from "gatehouse/providers/cognito";
 * Cognito({ clientId: process.env.COGNITO_ID!, clientSecret: process.env.COGNITO_SECRET!, issuer: process.env.COGNITO_ISSUER });
 * ```
 */
export default function Cognito<P extends CognitoProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("cognito", "Cognito", options);
}
