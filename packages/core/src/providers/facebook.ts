/**
 * Facebook Login, OAuth 2.0. https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow
 *
 * Quirks: the profile comes from the Graph API, whose fields must be asked for by name; the
 * picture is nested (`picture.data.url`); `email` is absent for accounts without a confirmed one.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://graph.facebook.com/me?fields=id,name,email,picture`. */
export interface FacebookProfile extends Record<string, unknown> {
  id: string;
  name: string;
  email?: string;
  picture?: { data?: { url?: string; is_silhouette?: boolean } };
}

/**
 * Sign in with a Facebook account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Facebook from "gatehouse/providers/facebook";
 * Facebook({ clientId: process.env.FACEBOOK_ID!, clientSecret: process.env.FACEBOOK_SECRET! });
 * ```
 */
export default function Facebook<P extends FacebookProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "facebook",
      name: "Facebook",
      type: "oauth",
      authorization: { url: "https://www.facebook.com/v19.0/dialog/oauth", params: { scope: "email public_profile" } },
      token: "https://graph.facebook.com/v19.0/oauth/access_token",
      userinfo: "https://graph.facebook.com/me?fields=id,name,email,picture",
      profile: (profile) => ({
        id: profile.id,
        name: profile.name,
        email: profile.email ?? null,
        image: profile.picture?.data?.url ?? null,
      }),
      style: { bg: "#1877f2", text: "#ffffff" },
    },
    options,
  );
}
