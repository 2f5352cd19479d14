/**
 * IdentityServer4, OpenID Connect. https://identityserver4.readthedocs.io/en/latest/endpoints/discovery.html
 *
 * Give `issuer`: your IdentityServer's URL. (IdentityServer4 is no longer maintained; its
 * successor is Duende IdentityServer — see `duende-identity-server6`.)
 */
import type { OAuthConfig, PartialOAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims IdentityServer4 sends. */
export type IdentityServer4Profile = OidcProfile;

/**
 * Sign in with IdentityServer4.
 *
 * @param options - `issuer`, `clientId` and `clientSecret`; any other option overrides the
 *   defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import IdentityServer4 from "gatehouse/providers/identity-server4";
 * IdentityServer4({
 *   clientId: process.env.IdentityServer4_CLIENT_ID!,
 *   clientSecret: process.env.IdentityServer4_CLIENT_SECRET!,
 *   issuer: process.env.IdentityServer4_Issuer,
 * });
 * ```
 */
export default function IdentityServer4<P extends IdentityServer4Profile>(
  options: PartialOAuthUserConfig<P>,
): OAuthConfig<P> {
  return issuerProvider<P>("identity-server4", "IdentityServer4", options, {
    profile: (profile) => ({ id: profile.sub, name: profile.name ?? null, email: profile.email ?? null, image: null }),
  });
}
