/**
 * ZITADEL, OpenID Connect. https://zitadel.com/docs/apis/openidoauth/endpoints
 *
 * Give `issuer`: your instance, https://INSTANCE.zitadel.cloud.
 */
import type { OAuthConfig, OAuthUserConfig } from "../oauth-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims ZITADEL sends. */
export type ZitadelProfile = OidcProfile;

export default function Zitadel<P extends ZitadelProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("zitadel", "ZITADEL", options);
}
