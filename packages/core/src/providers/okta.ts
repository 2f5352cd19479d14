/**
 * Okta, OpenID Connect. https://developer.okta.com/docs/reference/api/oidc/
 *
 * Give `issuer`: https://YOUR_ORG.okta.com, or a custom authorization server's issuer (…/oauth2/default).
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims Okta sends. */
export type OktaProfile = OidcProfile;

/**
 * Sign in with Okta.
 *
 * @param options - `issuer` (your Okta org, or a custom authorization server), `clientId` and
 *   `clientSecret`; any other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Okta from "gatehouse/providers/okta";
 * Okta({ clientId: process.env.OKTA_ID!, clientSecret: process.env.OKTA_SECRET!, issuer: process.env.OKTA_ISSUER });
 * ```
 */
export default function Okta<P extends OktaProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("okta", "Okta", options);
}
