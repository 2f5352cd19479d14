/**
 * LINE Login v2.1, OpenID Connect. https://developers.line.biz/en/docs/line-login/integrate-line-login/
 *
 * Quirks: email needs the permission granted in the LINE console and the `email` scope; the
 * token endpoint takes the secret in the body.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims LINE sends. */
export type LineProfile = OidcProfile;

/**
 * Sign in with a LINE account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import LINE from "gatehouse/providers/line";
 * LINE({ clientId: process.env.LINE_ID!, clientSecret: process.env.LINE_SECRET! });
 * ```
 */
export default function LINE<P extends LineProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("line", "LINE", options, {
    issuer: "https://access.line.me",
    client: { token_endpoint_auth_method: "client_secret_post" },
    style: { bg: "#06c755", text: "#ffffff" },
  });
}
