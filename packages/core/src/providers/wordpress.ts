/**
 * WordPress.com, OAuth 2.0. https://developer.wordpress.com/docs/oauth2/
 *
 * Quirks: the token endpoint takes the secret in the body; the user's `ID` is a number and the
 * avatar is `avatar_URL` (https://developer.wordpress.com/docs/api/1.1/get/me/).
 */
import type { OAuthConfig, PartialOAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://public-api.wordpress.com/rest/v1/me`. */
export interface WordPressProfile extends Record<string, unknown> {
  ID: number;
  display_name?: string;
  username: string;
  email?: string;
  avatar_URL?: string;
}

/**
 * Sign in with a WordPress.com account.
 *
 * @param options - `clientId` and `clientSecret` of the WordPress.com app; any other option
 *   overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import WordPress from "gatehouse/providers/wordpress";
 * WordPress({ clientId: process.env.WORDPRESS_CLIENT_ID!, clientSecret: process.env.WORDPRESS_CLIENT_SECRET! });
 * ```
 */
export default function WordPress<P extends WordPressProfile>(options: PartialOAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "wordpress",
      name: "WordPress.com",
      type: "oauth",
      authorization: { url: "https://public-api.wordpress.com/oauth2/authorize", params: { scope: "auth" } },
      token: "https://public-api.wordpress.com/oauth2/token",
      client: { token_endpoint_auth_method: "client_secret_post" },
      userinfo: "https://public-api.wordpress.com/rest/v1/me",
      profile: (profile) => ({
        id: String(profile.ID),
        name: profile.display_name ?? profile.username,
        email: profile.email ?? null,
        image: profile.avatar_URL ?? null,
      }),
      style: { bg: "#3499cd", text: "#ffffff" },
    },
    options,
  );
}
