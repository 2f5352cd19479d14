/**
 * Duende IdentityServer 6, OpenID Connect. https://docs.duendesoftware.com/identityserver/reference/endpoints/discovery/
 *
 * Give `issuer`: your IdentityServer's URL. next-auth v4 calls this provider
 * `duende-identityserver6` (no dash between "identity" and "server"), while the module is
 * `providers/duende-identity-server6`: the id is v4's, so callback URLs and stored accounts match.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims IdentityServer sends. */
export type DuendeISUser = OidcProfile;

/**
 * Sign in with Duende IdentityServer 6.
 *
 * @param options - `issuer`, `clientId` and `clientSecret`; any other option overrides the
 *   defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import DuendeIdentityServer6 from "gatehouse/providers/duende-identity-server6";
 * DuendeIdentityServer6({
 *   clientId: process.env.DUENDE_IDS6_ID!,
 *   clientSecret: process.env.DUENDE_IDS6_SECRET!,
 *   issuer: process.env.DUENDE_IDS6_ISSUER,
 * });
 * ```
 */
export default function DuendeIdentityServer6<P extends DuendeISUser>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("duende-identityserver6", "DuendeIdentityServer6", options, {
    profile: (profile) => ({ id: profile.sub, name: profile.name ?? null, email: profile.email ?? null, image: null }),
  });
}
