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

/**
 * Sign in with a Twitch account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Twitch from "gatehouse/providers/twitch";
 * Twitch({ clientId: process.env.TWITCH_ID!, clientSecret: process.env.TWITCH_SECRET! });
 * ```
 */
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
