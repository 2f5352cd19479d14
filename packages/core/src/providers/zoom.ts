/**
 * Zoom, OAuth 2.0. https://developers.zoom.us/docs/integrations/oauth/
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://api.zoom.us/v2/users/me`. */
export interface ZoomProfile extends Record<string, unknown> {
  id: string;
  first_name?: string;
  last_name?: string;
  display_name?: string;
  email: string;
  pic_url?: string;
}

/**
 * Sign in with a Zoom account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Zoom from "gatehouse/providers/zoom";
 * Zoom({ clientId: process.env.ZOOM_ID!, clientSecret: process.env.ZOOM_SECRET! });
 * ```
 */
export default function Zoom<P extends ZoomProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "zoom",
      name: "Zoom",
      type: "oauth",
      authorization: { url: "https://zoom.us/oauth/authorize" },
      token: "https://zoom.us/oauth/token",
      userinfo: "https://api.zoom.us/v2/users/me",
      profile: (profile) => ({
        id: profile.id,
        name: profile.display_name ?? ([profile.first_name, profile.last_name].filter(Boolean).join(" ") || null),
        email: profile.email,
        image: profile.pic_url ?? null,
      }),
      style: { bg: "#0b5cff", text: "#ffffff" },
    },
    options,
  );
}
