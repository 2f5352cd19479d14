/**
 * Dropbox, OAuth 2.0. https://developers.dropbox.com/oauth-guide
 *
 * Quirks: the account is read with a POST that has no body (`get_current_account` refuses a
 * JSON `null` and a content type); refresh tokens need `token_access_type=offline`.
 */
import type { OAuthConfig, PartialOAuthUserConfig } from "../provider-types.js";
import { defineProvider, fetchJson, userinfoUrl } from "../lib/providers/define-provider.js";

/** `POST https://api.dropboxapi.com/2/users/get_current_account`. */
export interface DropboxProfile extends Record<string, unknown> {
  account_id: string;
  name: { display_name: string };
  email: string;
  email_verified?: boolean;
  profile_photo_url?: string;
}

/**
 * Sign in with a Dropbox account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Dropbox from "gatehouse/providers/dropbox";
 * Dropbox({ clientId: process.env.DROPBOX_ID!, clientSecret: process.env.DROPBOX_SECRET! });
 * ```
 */
export default function Dropbox<P extends DropboxProfile>(options: PartialOAuthUserConfig<P>): OAuthConfig<P> {
  const url = "https://api.dropboxapi.com/2/users/get_current_account";
  return defineProvider<P>(
    {
      id: "dropbox",
      name: "Dropbox",
      type: "oauth",
      authorization: {
        url: "https://www.dropbox.com/oauth2/authorize",
        params: { token_access_type: "offline", scope: "account_info.read" },
      },
      token: "https://api.dropboxapi.com/oauth2/token",
      userinfo: { url, request: (context) => fetchJson<P>(context, userinfoUrl(context, url), { method: "POST" }) },
      profile: (profile) => ({
        id: profile.account_id,
        name: profile.name.display_name,
        email: profile.email,
        image: profile.profile_photo_url ?? null,
      }),
      style: { bg: "#0061fe", text: "#ffffff" },
    },
    options,
  );
}
