/**
 * LINE Login v2.1, OpenID Connect. https://developers.line.biz/en/docs/line-login/integrate-line-login/
 *
 * Quirks: email needs the permission granted in the LINE console and the `email` scope; the
 * token endpoint takes the secret in the body.
 */
import type { OAuthConfig, OAuthUserConfig } from "../oauth-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims LINE sends. */
export type LineProfile = OidcProfile;

export default function LINE<P extends LineProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("line", "LINE", options, {
    issuer: "https://access.line.me",
    client: { token_endpoint_auth_method: "client_secret_post" },
    style: { bg: "#06c755", text: "#ffffff" },
  });
}
