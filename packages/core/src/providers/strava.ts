/**
 * Strava, OAuth 2.0. https://developers.strava.com/docs/authentication/
 *
 * Quirks: the athlete comes in the token response; the token endpoint takes the secret in the
 * body; there is no email address.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `athlete` of Strava's token response. */
export interface StravaProfile extends Record<string, unknown> {
  id: number;
  firstname?: string;
  lastname?: string;
  username?: string | null;
  profile?: string;
}

/**
 * Sign in with a Strava account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Strava from "gatehouse/providers/strava";
 * Strava({ clientId: process.env.STRAVA_ID!, clientSecret: process.env.STRAVA_SECRET! });
 * ```
 */
export default function Strava<P extends StravaProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "strava",
      name: "Strava",
      type: "oauth",
      authorization: {
        url: "https://www.strava.com/oauth/authorize",
        params: { scope: "read", approval_prompt: "auto" },
      },
      token: "https://www.strava.com/api/v3/oauth/token",
      client: { token_endpoint_auth_method: "client_secret_post" },
      userinfo: {
        request({ tokens }) {
          const athlete = tokens.athlete as P | undefined;
          if (athlete === undefined) throw new Error("Strava's token response has no athlete");
          return athlete;
        },
      },
      profile: (profile) => ({
        id: String(profile.id),
        name: [profile.firstname, profile.lastname].filter(Boolean).join(" ") || (profile.username ?? null),
        email: null,
        image: profile.profile ?? null,
      }),
      style: { bg: "#fc4c02", text: "#ffffff" },
    },
    options,
  );
}
