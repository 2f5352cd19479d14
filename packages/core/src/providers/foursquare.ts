/**
 * Foursquare, OAuth 2.0. https://docs.foursquare.com/developer/docs/authentication
 *
 * Quirks: the token response has no `token_type` (repaired here); the v2 API takes the token as
 * the `oauth_token` query parameter, not a header, and a version date `v` (option `apiVersion`,
 * https://docs.foursquare.com/developer/reference/versioning). The user is nested in
 * `response.user`, the email in `contact.email`, and the photo is a `prefix` and `suffix` around
 * a size.
 */
import type { OAuthConfig, PartialOAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://api.foursquare.com/v2/users/self`. */
export interface FoursquareProfile extends Record<string, unknown> {
  response: {
    user: {
      id: string;
      firstName?: string;
      lastName?: string;
      contact?: { email?: string };
      photo?: { prefix: string; suffix: string };
    };
  };
}

/** Options of {@link Foursquare}. */
export type FoursquareOptions<P extends FoursquareProfile> = PartialOAuthUserConfig<P> & {
  /** The API version date, YYYYMMDD. @default "20230131" */
  apiVersion?: string | undefined;
};

/**
 * Sign in with a Foursquare account.
 *
 * @param options - `clientId` and `clientSecret`; any other option overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Foursquare from "gatehouse/providers/foursquare";
 * Foursquare({ clientId: process.env.FOURSQUARE_CLIENT_ID!, clientSecret: process.env.FOURSQUARE_CLIENT_SECRET! });
 * ```
 */
export default function Foursquare<P extends FoursquareProfile>(options: FoursquareOptions<P>): OAuthConfig<P> {
  const version = options.apiVersion ?? "20230131";
  return defineProvider<P>(
    {
      id: "foursquare",
      name: "Foursquare",
      type: "oauth",
      authorization: { url: "https://foursquare.com/oauth2/authenticate" },
      token: "https://foursquare.com/oauth2/access_token",
      conformTokenResponse: (body) => ({ token_type: "bearer", ...body }),
      userinfo: {
        async request(context) {
          const url = new URL("https://api.foursquare.com/v2/users/self");
          url.searchParams.set("v", version);
          url.searchParams.set("oauth_token", context.tokens.access_token ?? "");
          const response = await context.fetch(url, { headers: { accept: "application/json" } });
          if (!response.ok) throw new Error(`api.foursquare.com answered ${response.status}`);
          return (await response.json()) as P;
        },
      },
      profile: ({ response: { user } }) => ({
        id: user.id,
        name: [user.firstName, user.lastName].filter(Boolean).join(" ") || null,
        email: user.contact?.email ?? null,
        image: user.photo === undefined ? null : `${user.photo.prefix}original${user.photo.suffix}`,
      }),
      style: { bg: "#000000", text: "#ffffff" },
    },
    options,
  );
}
