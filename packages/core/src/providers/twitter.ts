/**
 * X (Twitter). OAuth 2.0 with PKCE when `version: "2.0"`
 * (https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code), or the
 * legacy OAuth 1.0a flow by default, as in next-auth v4
 * (https://docs.x.com/resources/fundamentals/authentication/oauth-1-0a/obtaining-user-access-tokens).
 *
 * next-auth v4's names: "Twitter" for OAuth 2.0, "Twitter (Legacy)" for OAuth 1.0a (shown on the
 * sign-in page and by `GET /providers`; pass `name: "X"` to rename).
 *
 * Quirks: OAuth 2.0 gives no email address; the v2 profile is wrapped in `data`. OAuth 1.0a
 * returns the email only if the app has the permission; its avatar URL ends in `_normal`
 * (48 px), which is dropped for the full-size image.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://api.x.com/2/users/me` (OAuth 2.0). */
export interface TwitterProfile extends Record<string, unknown> {
  data: { id: string; name: string; username: string; profile_image_url?: string };
}

/** `GET https://api.twitter.com/1.1/account/verify_credentials.json` (OAuth 1.0a). */
export interface TwitterLegacyProfile extends Record<string, unknown> {
  id_str: string;
  name: string;
  screen_name: string;
  email?: string;
  profile_image_url_https?: string;
}

/**
 * Sign in with a Twitter (X) account: OAuth 1.0a by default, OAuth 2.0 with `version: "2.0"`, as in next-auth v4.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Twitter from "gatehouse/providers/twitter";
 * Twitter({ clientId: process.env.TWITTER_ID!, clientSecret: process.env.TWITTER_SECRET! });
 * ```
 */
export default function Twitter<P extends TwitterProfile | TwitterLegacyProfile>(
  options: OAuthUserConfig<P> & { version?: "2.0" | "1.0A" },
): OAuthConfig<P> {
  if (options.version === "2.0") {
    return defineProvider<P>(
      {
        id: "twitter",
        name: "Twitter",
        type: "oauth",
        version: "2.0",
        authorization: {
          url: "https://x.com/i/oauth2/authorize",
          params: { scope: "users.read tweet.read offline.access" },
        },
        token: "https://api.x.com/2/oauth2/token",
        userinfo: "https://api.x.com/2/users/me?user.fields=profile_image_url",
        profile: (profile) => {
          const { data } = profile as TwitterProfile;
          return { id: data.id, name: data.name, email: null, image: data.profile_image_url ?? null };
        },
        style: { bg: "#000000", text: "#ffffff" },
      },
      options,
    );
  }
  return defineProvider<P>(
    {
      id: "twitter",
      name: "Twitter (Legacy)",
      type: "oauth",
      version: "1.0A",
      requestTokenUrl: "https://api.twitter.com/oauth/request_token",
      authorization: "https://api.twitter.com/oauth/authenticate",
      accessTokenUrl: "https://api.twitter.com/oauth/access_token",
      profileUrl: "https://api.twitter.com/1.1/account/verify_credentials.json?include_email=true",
      profile: (profile) => {
        const legacy = profile as TwitterLegacyProfile;
        return {
          id: legacy.id_str,
          name: legacy.name,
          email: legacy.email ?? null,
          image: legacy.profile_image_url_https?.replace(/_normal\.(\w+)$/, ".$1") ?? null,
        };
      },
      style: { bg: "#000000", text: "#ffffff" },
    },
    options,
  );
}
