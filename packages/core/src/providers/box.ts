/**
 * Box, OAuth 2.0. https://developer.box.com/guides/authentication/oauth2/
 *
 * Quirks: the token endpoint takes the secret in the body; the email is the `login`.
 */
import type { OAuthConfig, PartialOAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://api.box.com/2.0/users/me`. */
export interface BoxProfile extends Record<string, unknown> {
  id: string;
  name: string;
  login: string;
  avatar_url?: string;
}

/**
 * Sign in with a Box account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Box from "gatehouse/providers/box";
 * Box({ clientId: process.env.BOX_ID!, clientSecret: process.env.BOX_SECRET! });
 * ```
 */
export default function Box<P extends BoxProfile>(options: PartialOAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "box",
      name: "Box",
      type: "oauth",
      authorization: { url: "https://account.box.com/api/oauth2/authorize" },
      token: "https://api.box.com/oauth2/token",
      userinfo: "https://api.box.com/2.0/users/me",
      client: { token_endpoint_auth_method: "client_secret_post" },
      profile: (profile) => ({
        id: profile.id,
        name: profile.name,
        email: profile.login,
        image: profile.avatar_url ?? null,
      }),
      style: { bg: "#0061d5", text: "#ffffff" },
    },
    options,
  );
}
