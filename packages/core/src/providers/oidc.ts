/**
 * Any OpenID Connect provider, configured by its `issuer` alone (discovery does the rest).
 * https://openid.net/specs/openid-connect-discovery-1_0.html
 *
 * @example OIDC({ id: "corp", name: "Corp SSO", issuer: "https://sso.corp.example", clientId, clientSecret })
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

export type { OidcProfile };

/**
 * Sign in with any OpenID Connect provider, found by its `issuer`.
 *
 * @param options - `issuer`, `clientId` and `clientSecret`, and optionally the `id` and `name`
 *   it appears under; any other option overrides the defaults (merged deeply, as in next-auth
 *   v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import OIDC from "gatehouse/providers/oidc";
 * OIDC({ clientId: process.env.OIDC_ID!, clientSecret: process.env.OIDC_SECRET!, issuer: "https://sso.example.com" });
 * ```
 */
export default function OIDC<P extends OidcProfile>(
  options: OAuthUserConfig<P> & { issuer: string; id?: string; name?: string },
): OAuthConfig<P> {
  return issuerProvider<P>(options.id ?? "oidc", options.name ?? "OpenID Connect", options, { type: "oidc" });
}
