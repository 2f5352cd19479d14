/**
 * FusionAuth, OpenID Connect. https://fusionauth.io/docs/lifecycle/authenticate-users/oauth/endpoints
 *
 * Give `issuer`: your FusionAuth URL. With `tenantId` (next-auth v4's option), discovery asks
 * for that tenant's metadata (`?tenantId=…`) and the tenant's own issuer, named there, is the one
 * ID tokens are checked against (https://fusionauth.io/docs/lifecycle/authenticate-users/oauth/endpoints#openid-configuration).
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims FusionAuth sends. */
export type FusionAuthProfile = OidcProfile;

/**
 * Sign in with FusionAuth.
 *
 * @param options - `issuer`, `clientId` and `clientSecret`, and `tenantId` for a tenant other
 *   than the default; any other option overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import FusionAuth from "gatehouse/providers/fusionauth";
 * FusionAuth({
 *   clientId: process.env.FUSIONAUTH_CLIENT_ID!,
 *   clientSecret: process.env.FUSIONAUTH_SECRET!,
 *   issuer: process.env.FUSIONAUTH_ISSUER,
 *   tenantId: process.env.FUSIONAUTH_TENANT_ID,
 * });
 * ```
 */
export default function FusionAuth<P extends FusionAuthProfile>(
  options: OAuthUserConfig<P> & { tenantId?: string | undefined },
): OAuthConfig<P> {
  const { tenantId, issuer } = options;
  if (tenantId === undefined || issuer === undefined) return issuerProvider<P>("fusionauth", "FusionAuth", options);
  return issuerProvider<P>(
    "fusionauth",
    "FusionAuth",
    { ...options, issuer: undefined },
    {
      wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration?tenantId=${encodeURIComponent(tenantId)}`,
    },
  );
}
