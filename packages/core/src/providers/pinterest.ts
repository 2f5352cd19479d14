/**
 * Pinterest (API v5), OAuth 2.0. https://developers.pinterest.com/docs/getting-started/authentication-and-scopes/
 *
 * Quirks: the account is identified by its `username`, as in next-auth v4 (kept so stored
 * accounts match); there is no email address. PKCE is not used, as in v4.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://api.pinterest.com/v5/user_account`. */
export interface PinterestProfile extends Record<string, unknown> {
  username: string;
  account_type?: "BUSINESS" | "PINNER";
  profile_image?: string;
  website_url?: string;
}

/**
 * Sign in with a Pinterest account.
 *
 * @param options - `clientId` and `clientSecret` of the Pinterest app; any other option
 *   overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Pinterest from "gatehouse/providers/pinterest";
 * Pinterest({ clientId: process.env.PINTEREST_ID!, clientSecret: process.env.PINTEREST_SECRET! });
 * ```
 */
export default function Pinterest<P extends PinterestProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "pinterest",
      name: "Pinterest",
      type: "oauth",
      authorization: { url: "https://www.pinterest.com/oauth", params: { scope: "user_accounts:read" } },
      checks: ["state"],
      token: "https://api.pinterest.com/v5/oauth/token",
      userinfo: "https://api.pinterest.com/v5/user_account",
      profile: (profile) => ({
        id: profile.username,
        name: profile.username,
        email: null,
        image: profile.profile_image ?? null,
      }),
      style: { bg: "#e60023", text: "#ffffff" },
    },
    options,
  );
}
