/**
 * Reddit, OAuth 2.0. https://github.com/reddit-archive/reddit/wiki/OAuth2
 *
 * Quirks: the API wants a descriptive User-Agent; refresh tokens need `duration=permanent`;
 * there is no email; `icon_img` comes HTML-escaped (`&amp;`).
 */
import type { OAuthConfig, PartialOAuthUserConfig } from "../provider-types.js";
import { defineProvider, fetchJson, userinfoUrl } from "../lib/providers/define-provider.js";

/** `GET https://oauth.reddit.com/api/v1/me`. */
export interface RedditProfile extends Record<string, unknown> {
  id: string;
  name: string;
  icon_img?: string;
}

/**
 * Sign in with a Reddit account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Reddit from "gatehouse/providers/reddit";
 * Reddit({ clientId: process.env.REDDIT_ID!, clientSecret: process.env.REDDIT_SECRET! });
 * ```
 */
export default function Reddit<P extends RedditProfile>(options: PartialOAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "reddit",
      name: "Reddit",
      type: "oauth",
      authorization: {
        url: "https://www.reddit.com/api/v1/authorize",
        params: { scope: "identity", duration: "permanent" },
      },
      token: "https://www.reddit.com/api/v1/access_token",
      userinfo: {
        url: "https://oauth.reddit.com/api/v1/me",
        request: (context) =>
          fetchJson<P>(context, userinfoUrl(context, "https://oauth.reddit.com/api/v1/me"), {
            headers: { "user-agent": "web:gatehouse:1 (sign-in)" },
          }),
      },
      profile: (profile) => ({
        id: profile.id,
        name: profile.name,
        email: null,
        image: profile.icon_img?.split("?")[0]?.replace(/&amp;/g, "&") ?? null,
      }),
      style: { bg: "#ff4500", text: "#ffffff" },
    },
    options,
  );
}
