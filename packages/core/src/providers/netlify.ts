/**
 * Netlify, OAuth 2.0. https://docs.netlify.com/api/get-started/#authentication
 */
import type { OAuthConfig, PartialOAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://api.netlify.com/api/v1/user`. */
export interface NetlifyProfile extends Record<string, unknown> {
  id: string;
  full_name?: string | null;
  email?: string;
  avatar_url?: string | null;
}

/**
 * Sign in with a Netlify account.
 *
 * @param options - `clientId` and `clientSecret` of the OAuth application; any other option
 *   overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Netlify from "gatehouse/providers/netlify";
 * Netlify({ clientId: process.env.NETLIFY_CLIENT_ID!, clientSecret: process.env.NETLIFY_CLIENT_SECRET! });
 * ```
 */
export default function Netlify<P extends NetlifyProfile>(options: PartialOAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "netlify",
      name: "Netlify",
      type: "oauth",
      authorization: { url: "https://app.netlify.com/authorize" },
      token: "https://api.netlify.com/oauth/token",
      userinfo: "https://api.netlify.com/api/v1/user",
      profile: (profile) => ({
        id: profile.id,
        name: profile.full_name ?? null,
        email: profile.email ?? null,
        image: profile.avatar_url ?? null,
      }),
    },
    options,
  );
}
