/**
 * Auth0, OpenID Connect. https://auth0.com/docs/authenticate/protocols/openid-connect-protocol
 *
 * Give `issuer`: your tenant's domain, e.g. https://YOUR_TENANT.us.auth0.com (with a trailing slash in Auth0's own metadata; both forms work).
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims Auth0 sends. */
export type Auth0Profile = OidcProfile;

/**
 * Sign in with Auth0.
 *
 * @param options - `issuer` (your tenant's domain), `clientId` and `clientSecret`; any other
 *   option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Auth0 from "gatehouse/providers/auth0";
 * Auth0({ clientId: process.env.AUTH0_ID!, clientSecret: process.env.AUTH0_SECRET!, issuer: process.env.AUTH0_ISSUER });
 * ```
 */
export default function Auth0<P extends Auth0Profile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("auth0", "Auth0", options);
}
