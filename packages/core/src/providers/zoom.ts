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

export default function Zoom<P extends ZoomProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "zoom",
      name: "Zoom",
      type: "oauth",
      authorization: "https://zoom.us/oauth/authorize",
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
