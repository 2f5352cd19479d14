/**
 * 42 (the school network's intranet), OAuth 2.0. https://api.intra.42.fr/apidoc/guides/web_application_flow
 *
 * Quirks: the user id is a number (stringified here, as next-auth v4 does, so stored accounts
 * keep matching); `usual_full_name` is often null, `displayname` and `login` always exist; the
 * picture moved from `image_url` to `image.link` in the v2 API — both are read.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://api.intra.42.fr/v2/me` (the fields sign-in uses; the API sends many more). */
export interface FortyTwoProfile extends Record<string, unknown> {
  id: number;
  login: string;
  email: string;
  displayname?: string;
  usual_full_name?: string | null;
  first_name?: string;
  last_name?: string;
  /** Older API answers. */
  image_url?: string | null;
  image?: { link?: string | null; versions?: Record<string, string | null> } | null;
}

/**
 * Sign in with a 42 intranet account.
 *
 * @param options - `clientId` and `clientSecret` of the application registered on the intranet;
 *   any other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import FortyTwo from "gatehouse/providers/42-school";
 * FortyTwo({ clientId: process.env.FORTY_TWO_CLIENT_ID!, clientSecret: process.env.FORTY_TWO_CLIENT_SECRET! });
 * ```
 */
export default function FortyTwo<P extends FortyTwoProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "42-school",
      name: "42 School",
      type: "oauth",
      authorization: { url: "https://api.intra.42.fr/oauth/authorize", params: { scope: "public" } },
      token: "https://api.intra.42.fr/oauth/token",
      userinfo: "https://api.intra.42.fr/v2/me",
      profile: (profile) => ({
        id: String(profile.id),
        name: profile.usual_full_name ?? profile.displayname ?? profile.login,
        email: profile.email,
        image: profile.image?.link ?? profile.image_url ?? null,
      }),
      style: { bg: "#000000", text: "#ffffff" },
    },
    options,
  );
}
