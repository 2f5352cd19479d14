/**
 * OneLogin, OpenID Connect. https://developers.onelogin.com/openid-connect
 *
 * Give `issuer`: your OneLogin domain, https://SUBDOMAIN.onelogin.com, as in next-auth v4 — the
 * OpenID Connect issuer is under it, at `/oidc/2` (a full `…/oidc/2` issuer is accepted too).
 */
import type { OAuthConfig, PartialOAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims OneLogin sends. */
export type OneLoginProfile = OidcProfile;

/**
 * Sign in with OneLogin.
 *
 * @param options - `issuer` (your OneLogin domain), `clientId` and `clientSecret`; any other
 *   option overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import OneLogin from "gatehouse/providers/onelogin";
 * OneLogin({
 *   clientId: process.env.ONELOGIN_CLIENT_ID!,
 *   clientSecret: process.env.ONELOGIN_CLIENT_SECRET!,
 *   issuer: process.env.ONELOGIN_ISSUER,
 * });
 * ```
 */
export default function OneLogin<P extends OneLoginProfile>(options: PartialOAuthUserConfig<P>): OAuthConfig<P> {
  const base = options.issuer?.replace(/\/+$/, "");
  const issuer = base === undefined || base.endsWith("/oidc/2") ? base : `${base}/oidc/2`;
  return issuerProvider<P>(
    "onelogin",
    "OneLogin",
    { ...options, issuer },
    {
      profile: (profile) => ({
        id: profile.sub,
        name: profile.nickname ?? profile.name ?? null,
        email: profile.email ?? null,
        image: profile.picture ?? null,
      }),
    },
  );
}
