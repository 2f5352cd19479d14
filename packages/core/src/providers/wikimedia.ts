/**
 * Wikimedia (Wikipedia and its sister projects), OAuth 2.0.
 * https://www.mediawiki.org/wiki/Extension:OAuth#OAuth_2
 *
 * Quirks: what the app may do is fixed by the grants chosen when the consumer was registered, so
 * no scope is sent; the email address is only in the profile with the "User identity
 * verification only, with access to real name and email address" grant
 * (https://www.mediawiki.org/wiki/OAuth/For_Developers#Identifying_the_user). `sub` is the
 * central user id.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://meta.wikimedia.org/w/rest.php/oauth2/resource/profile`. */
export interface WikimediaProfile extends Record<string, unknown> {
  sub: string | number;
  username: string;
  editcount?: number;
  confirmed_email?: boolean;
  blocked?: boolean;
  registered?: string;
  groups?: string[];
  rights?: string[];
  grants?: string[];
  realname?: string;
  email?: string;
}

/**
 * Sign in with a Wikimedia account.
 *
 * @param options - `clientId` and `clientSecret` of the OAuth 2.0 consumer; any other option
 *   overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Wikimedia from "gatehouse/providers/wikimedia";
 * Wikimedia({ clientId: process.env.WIKIMEDIA_ID!, clientSecret: process.env.WIKIMEDIA_SECRET! });
 * ```
 */
export default function Wikimedia<P extends WikimediaProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "wikimedia",
      name: "Wikimedia",
      type: "oauth",
      authorization: { url: "https://meta.wikimedia.org/w/rest.php/oauth2/authorize" },
      token: "https://meta.wikimedia.org/w/rest.php/oauth2/access_token",
      userinfo: "https://meta.wikimedia.org/w/rest.php/oauth2/resource/profile",
      profile: (profile) => ({
        id: String(profile.sub),
        name: profile.username,
        email: profile.email ?? null,
        image: null,
      }),
      style: { bg: "#000000", text: "#ffffff" },
    },
    options,
  );
}
