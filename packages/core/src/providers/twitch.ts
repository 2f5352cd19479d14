/**
 * Twitch, OpenID Connect. https://dev.twitch.tv/docs/authentication/getting-tokens-oidc/
 *
 * Quirks: email and picture are only in the ID token when asked for with the `claims`
 * parameter; the token endpoint takes the secret in the body.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims Twitch sends. */
export type TwitchProfile = OidcProfile;

export default function Twitch<P extends TwitchProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("twitch", "Twitch", options, {
    issuer: "https://id.twitch.tv/oauth2",
    authorization: {
      params: {
        scope: "openid user:read:email",
        claims: JSON.stringify({
          id_token: { email: null, email_verified: null, picture: null, preferred_username: null },
        }),
      },
    },
    client: { token_endpoint_auth_method: "client_secret_post" },
    style: { bg: "#9146ff", text: "#ffffff" },
  });
}
