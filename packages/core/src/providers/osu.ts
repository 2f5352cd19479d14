/**
 * osu!, OAuth 2.0. https://osu.ppy.sh/docs/index.html#authentication
 *
 * Quirks: the user id is a number; there is no email address.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://osu.ppy.sh/api/v2/me` (the fields sign-in uses). */
export interface OsuProfile extends Record<string, unknown> {
  id: number;
  username: string;
  avatar_url?: string;
  country_code?: string;
  is_bot?: boolean;
}

/**
 * Sign in with an osu! account.
 *
 * @param options - `clientId` and `clientSecret` of the OAuth application; any other option
 *   overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Osu from "gatehouse/providers/osu";
 * Osu({ clientId: process.env.OSU_CLIENT_ID!, clientSecret: process.env.OSU_CLIENT_SECRET! });
 * ```
 */
export default function Osu<P extends OsuProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "osu",
      name: "Osu!",
      type: "oauth",
      authorization: { url: "https://osu.ppy.sh/oauth/authorize", params: { scope: "identify" } },
      token: "https://osu.ppy.sh/oauth/token",
      userinfo: "https://osu.ppy.sh/api/v2/me",
      profile: (profile) => ({
        id: String(profile.id),
        name: profile.username,
        email: null,
        image: profile.avatar_url ?? null,
      }),
    },
    options,
  );
}
