/**
 * Yahoo, OpenID Connect. https://developer.yahoo.com/oauth2/guide/openid_connect/
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims Yahoo sends. */
export type YahooProfile = OidcProfile;

export default function Yahoo<P extends YahooProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("yahoo", "Yahoo", options, {
    issuer: "https://api.login.yahoo.com",
    style: { bg: "#6001d2", text: "#ffffff" },
  });
}
