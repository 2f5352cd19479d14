/**
 * EVE Online single sign-on (SSO v2), OAuth 2.0. https://docs.esi.evetech.net/docs/sso/
 *
 * Quirks: the character (not an account) signs in; `CharacterID` is a number. The character comes
 * from the `oauth/verify` endpoint; the portrait from the image server
 * (https://docs.esi.evetech.net/docs/image_server.html). There is no email address.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://login.eveonline.com/oauth/verify`. */
export interface EVEOnlineProfile extends Record<string, unknown> {
  CharacterID: number;
  CharacterName: string;
  ExpiresOn?: string;
  Scopes?: string;
  TokenType?: string;
  CharacterOwnerHash?: string;
  IntellectualProperty?: string;
}

/**
 * Sign in with an EVE Online character.
 *
 * @param options - `clientId` and `clientSecret` of the application from
 *   developers.eveonline.com; any other option overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import EVEOnline from "gatehouse/providers/eveonline";
 * EVEOnline({ clientId: process.env.EVE_CLIENT_ID!, clientSecret: process.env.EVE_CLIENT_SECRET! });
 * ```
 */
export default function EVEOnline<P extends EVEOnlineProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "eveonline",
      name: "EVE Online",
      type: "oauth",
      authorization: { url: "https://login.eveonline.com/v2/oauth/authorize", params: { scope: "publicData" } },
      token: "https://login.eveonline.com/v2/oauth/token",
      userinfo: "https://login.eveonline.com/oauth/verify",
      profile: (profile) => ({
        id: String(profile.CharacterID),
        name: profile.CharacterName,
        email: null,
        image: `https://images.evetech.net/characters/${profile.CharacterID}/portrait?size=128`,
      }),
    },
    options,
  );
}
