/**
 * Salesforce, OpenID Connect. https://help.salesforce.com/s/articleView?id=sf.remoteaccess_using_openid.htm
 *
 * Quirks: sandboxes sign in at https://test.salesforce.com and My Domain orgs at their own
 * host — override `issuer`.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims Salesforce sends. */
export interface SalesforceProfile extends OidcProfile {
  user_id?: string;
  organization_id?: string;
}

/**
 * Sign in with a Salesforce account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Salesforce from "gatehouse/providers/salesforce";
 * Salesforce({ clientId: process.env.SALESFORCE_ID!, clientSecret: process.env.SALESFORCE_SECRET! });
 * ```
 */
export default function Salesforce<P extends SalesforceProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("salesforce", "Salesforce", options, {
    issuer: "https://login.salesforce.com",
    style: { bg: "#00a1e0", text: "#ffffff" },
  });
}
