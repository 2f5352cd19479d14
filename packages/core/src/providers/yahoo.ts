/**
 * Yahoo, OpenID Connect. https://developer.yahoo.com/oauth2/guide/openid_connect/
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims Yahoo sends. */
export type YahooProfile = OidcProfile;

/**
 * Sign in with a Yahoo account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Yahoo from "gatehouse/providers/yahoo";
 * Yahoo({ clientId: process.env.YAHOO_ID!, clientSecret: process.env.YAHOO_SECRET! });
 * ```
 */
export default function Yahoo<P extends YahooProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("yahoo", "Yahoo", options, {
    issuer: "https://api.login.yahoo.com",
    style: { bg: "#6001d2", text: "#ffffff" },
  });
}
