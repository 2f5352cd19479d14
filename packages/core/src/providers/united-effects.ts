/**
 * United Effects, OpenID Connect. https://docs.unitedeffects.com/
 *
 * Give `issuer`: your auth group's issuer, https://auth.unitedeffects.com/AUTH_GROUP. The issuer
 * is also sent as the `resource` authorization parameter (RFC 8707), as next-auth v4 does, so
 * the access token is issued for it. The profile has no display name.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider } from "../lib/providers/issuer-provider.js";

/** The claims United Effects sends. */
export interface UnitedEffectsProfile extends Record<string, unknown> {
  sub: string;
  email?: string;
}

/**
 * Sign in with United Effects.
 *
 * @param options - `issuer`, `clientId` and `clientSecret`; any other option overrides the
 *   defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import UnitedEffects from "gatehouse/providers/united-effects";
 * UnitedEffects({
 *   clientId: process.env.UE_CLIENT_ID!,
 *   clientSecret: process.env.UE_CLIENT_SECRET!,
 *   issuer: process.env.UE_ISSUER!,
 * });
 * ```
 */
export default function UnitedEffects<P extends UnitedEffectsProfile>(
  options: OAuthUserConfig<P> & { issuer: string },
): OAuthConfig<P> {
  return issuerProvider<P>("united-effects", "United Effects", options, {
    authorization: { params: { scope: "openid email profile", resource: options.issuer } },
    profile: (profile) => ({ id: profile.sub, name: null, email: profile.email ?? null, image: null }),
  });
}
