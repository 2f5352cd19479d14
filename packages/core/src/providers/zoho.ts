/**
 * Zoho, OAuth 2.0. https://www.zoho.com/accounts/protocol/oauth/web-server-applications.html
 *
 * Quirks: the token endpoint takes the secret in the body; the user's `ZUID` is a number
 * (https://www.zoho.com/accounts/protocol/oauth/use-access-token.html). Accounts live in one of
 * several data centres: for users outside the US one, override `token` and `userinfo` with your
 * data centre's accounts server (e.g. https://accounts.zoho.eu/oauth/v2/token,
 * https://accounts.zoho.eu/oauth/user/info).
 */
import type { OAuthConfig, PartialOAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://accounts.zoho.com/oauth/user/info`. */
export interface ZohoProfile extends Record<string, unknown> {
  ZUID: number | string;
  First_Name?: string;
  Last_Name?: string;
  Display_Name?: string;
  Email?: string;
}

/**
 * Sign in with a Zoho account.
 *
 * @param options - `clientId` and `clientSecret` from the Zoho API console; any other option
 *   overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Zoho from "gatehouse/providers/zoho";
 * Zoho({ clientId: process.env.ZOHO_CLIENT_ID!, clientSecret: process.env.ZOHO_CLIENT_SECRET! });
 * ```
 */
export default function Zoho<P extends ZohoProfile>(options: PartialOAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "zoho",
      name: "Zoho",
      type: "oauth",
      authorization: { url: "https://accounts.zoho.com/oauth/v2/auth", params: { scope: "AaaServer.profile.Read" } },
      token: "https://accounts.zoho.com/oauth/v2/token",
      client: { token_endpoint_auth_method: "client_secret_post" },
      userinfo: "https://accounts.zoho.com/oauth/user/info",
      profile: (profile) => ({
        id: String(profile.ZUID),
        name: [profile.First_Name, profile.Last_Name].filter(Boolean).join(" ") || (profile.Display_Name ?? null),
        email: profile.Email ?? null,
        image: null,
      }),
    },
    options,
  );
}
