/**
 * FACEIT, OAuth 2.0. https://docs.faceit.com/getting-started/authentication/faceit-login-with-faceit
 *
 * Quirks: the token endpoint takes the client credentials as HTTP Basic (the default here); the
 * user's id is `guid` and the display name `nickname`.
 */
import type { OAuthConfig, PartialOAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://api.faceit.com/auth/v1/resources/userinfo`. */
export interface FaceitProfile extends Record<string, unknown> {
  guid: string;
  nickname?: string;
  name?: string;
  email?: string;
  picture?: string;
}

/**
 * Sign in with a FACEIT account.
 *
 * @param options - `clientId` and `clientSecret` from the FACEIT developer portal; any other
 *   option overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import FACEIT from "gatehouse/providers/faceit";
 * FACEIT({ clientId: process.env.FACEIT_CLIENT_ID!, clientSecret: process.env.FACEIT_CLIENT_SECRET! });
 * ```
 */
export default function FACEIT<P extends FaceitProfile>(options: PartialOAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "faceit",
      name: "FACEIT",
      type: "oauth",
      authorization: { url: "https://accounts.faceit.com/accounts", params: { redirect_popup: "true" } },
      token: "https://api.faceit.com/auth/v1/oauth/token",
      userinfo: "https://api.faceit.com/auth/v1/resources/userinfo",
      profile: (profile) => ({
        id: profile.guid,
        name: profile.name ?? profile.nickname ?? null,
        email: profile.email ?? null,
        image: profile.picture ?? null,
      }),
    },
    options,
  );
}
