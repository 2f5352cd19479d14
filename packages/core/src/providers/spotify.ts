/**
 * Spotify, OAuth 2.0. https://developer.spotify.com/documentation/web-api/tutorials/code-pkce-flow
 *
 * Quirks: the display name may be null; images come largest first.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://api.spotify.com/v1/me`. */
export interface SpotifyProfile extends Record<string, unknown> {
  id: string;
  display_name: string | null;
  email?: string;
  images?: { url: string; height?: number | null; width?: number | null }[];
}

/**
 * Sign in with a Spotify account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Spotify from "gatehouse/providers/spotify";
 * Spotify({ clientId: process.env.SPOTIFY_ID!, clientSecret: process.env.SPOTIFY_SECRET! });
 * ```
 */
export default function Spotify<P extends SpotifyProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "spotify",
      name: "Spotify",
      type: "oauth",
      authorization: { url: "https://accounts.spotify.com/authorize", params: { scope: "user-read-email" } },
      token: "https://accounts.spotify.com/api/token",
      userinfo: "https://api.spotify.com/v1/me",
      profile: (profile) => ({
        id: profile.id,
        name: profile.display_name,
        email: profile.email ?? null,
        image: profile.images?.[0]?.url ?? null,
      }),
      style: { bg: "#1db954", text: "#000000" },
    },
    options,
  );
}
