/**
 * Trakt, OAuth 2.0. https://trakt.docs.apiary.io/#reference/authentication-oauth
 *
 * Quirks: every API request carries `trakt-api-version: 2` and the client id as
 * `trakt-api-key` besides the token (https://trakt.docs.apiary.io/#introduction/required-headers);
 * the account is identified by its `ids.slug`, as in next-auth v4; there is no email address.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider, fetchJson } from "../lib/providers/define-provider.js";

/** `GET https://api.trakt.tv/users/me?extended=full`. */
export interface TraktUser extends Record<string, unknown> {
  username: string;
  name?: string | null;
  private?: boolean;
  vip?: boolean;
  ids: { slug: string };
  images?: { avatar?: { full?: string } };
}

const ME = "https://api.trakt.tv/users/me?extended=full";

/**
 * Sign in with a Trakt account.
 *
 * @param options - `clientId` and `clientSecret` of the Trakt application; any other option
 *   overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Trakt from "gatehouse/providers/trakt";
 * Trakt({ clientId: process.env.TRAKT_ID!, clientSecret: process.env.TRAKT_SECRET! });
 * ```
 */
export default function Trakt<P extends TraktUser>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "trakt",
      name: "Trakt",
      type: "oauth",
      authorization: { url: "https://trakt.tv/oauth/authorize" },
      token: "https://api.trakt.tv/oauth/token",
      userinfo: {
        url: ME,
        request: (context) =>
          fetchJson<P>(context, ME, {
            headers: { "trakt-api-version": "2", "trakt-api-key": context.provider.clientId },
          }),
      },
      profile: (profile) => ({
        id: profile.ids.slug,
        name: profile.name ?? profile.username,
        email: null,
        image: profile.images?.avatar?.full ?? null,
      }),
      style: { bg: "#ed2224", text: "#ffffff" },
    },
    options,
  );
}
