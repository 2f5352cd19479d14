/**
 * Bitbucket Cloud, OAuth 2.0. https://developer.atlassian.com/cloud/bitbucket/oauth-2/
 *
 * Quirks: the profile has no email; the primary confirmed address comes from `/user/emails`
 * (the `email` scope).
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider, fetchJson, userinfoUrl } from "../lib/providers/define-provider.js";

/** `GET https://api.bitbucket.org/2.0/user`, with the primary email added. */
export interface BitbucketProfile extends Record<string, unknown> {
  uuid: string;
  account_id?: string;
  display_name: string;
  username?: string;
  links?: { avatar?: { href?: string } };
  email?: string | null;
}

/**
 * Sign in with a Bitbucket account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Bitbucket from "gatehouse/providers/bitbucket";
 * Bitbucket({ clientId: process.env.BITBUCKET_ID!, clientSecret: process.env.BITBUCKET_SECRET! });
 * ```
 */
export default function Bitbucket<P extends BitbucketProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "bitbucket",
      name: "Bitbucket",
      type: "oauth",
      authorization: { url: "https://bitbucket.org/site/oauth2/authorize", params: { scope: "account email" } },
      token: "https://bitbucket.org/site/oauth2/access_token",
      userinfo: {
        url: "https://api.bitbucket.org/2.0/user",
        async request(context) {
          const profile = await fetchJson<P>(context, userinfoUrl(context, "https://api.bitbucket.org/2.0/user"));
          const emails = await fetchJson<{ values?: { email: string; is_primary: boolean; is_confirmed: boolean }[] }>(
            context,
            "https://api.bitbucket.org/2.0/user/emails",
          ).catch(() => ({ values: [] }));
          const primary = emails.values?.find((entry) => entry.is_primary && entry.is_confirmed);
          return { ...profile, email: primary?.email ?? null };
        },
      },
      profile: (profile) => ({
        id: profile.uuid,
        name: profile.display_name,
        email: profile.email ?? null,
        image: profile.links?.avatar?.href ?? null,
      }),
      style: { bg: "#0052cc", text: "#ffffff" },
    },
    options,
  );
}
