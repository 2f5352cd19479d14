/**
 * ZITADEL, OpenID Connect. https://zitadel.com/docs/apis/openidoauth/endpoints
 *
 * Give `issuer`: your instance, https://INSTANCE.zitadel.cloud.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims ZITADEL sends. */
export type ZitadelProfile = OidcProfile;

/**
 * Sign in with ZITADEL.
 *
 * @param options - `issuer` (your instance), `clientId` and `clientSecret`; any other option
 *   overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Zitadel from "gatehouse/providers/zitadel";
 * Zitadel({ clientId: process.env.ZITADEL_ID!, clientSecret: process.env.ZITADEL_SECRET!, issuer: process.env.ZITADEL_ISSUER });
 * ```
 */
export default function Zitadel<P extends ZitadelProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("zitadel", "ZITADEL", options);
}
