/**
 * Bungie.net, OAuth 2.0. https://github.com/Bungie-net/api/wiki/OAuth-Documentation
 *
 * Quirks: every Bungie.net API request needs the application's API key in an `X-API-Key` header
 * besides the access token — give it as `apiKey` (or as next-auth v4 apps do, in
 * `httpOptions.headers["X-API-Key"]`). The user comes from
 * `User/GetMembershipsForCurrentUser/`, wrapped in `Response.bungieNetUser`; its
 * `profilePicturePath` is relative to https://www.bungie.net. There is no email address.
 */
import type { OAuthConfig, PartialOAuthUserConfig } from "../provider-types.js";
import { defineProvider, fetchJson } from "../lib/providers/define-provider.js";

/** `GET https://www.bungie.net/Platform/User/GetMembershipsForCurrentUser/`. */
export interface BungieProfile extends Record<string, unknown> {
  Response: {
    bungieNetUser: {
      /** An int64: a JSON string, as Bungie.net sends int64s. */
      membershipId: string | number;
      uniqueName?: string;
      displayName?: string;
      profilePicturePath?: string;
    };
    destinyMemberships?: { membershipId: string; membershipType: number; displayName?: string }[];
  };
}

/** Options of {@link Bungie}. */
export type BungieOptions<P extends BungieProfile> = PartialOAuthUserConfig<P> & {
  /** The application's API key (bungie.net/en/Application). */
  apiKey?: string | undefined;
  /** next-auth v4's place for it: `{ headers: { "X-API-Key": … } }`. */
  httpOptions?: { headers?: Record<string, string> } | undefined;
};

const MEMBERSHIPS = "https://www.bungie.net/Platform/User/GetMembershipsForCurrentUser/";

/**
 * Sign in with a Bungie.net account.
 *
 * @param options - `clientId`, `clientSecret` and the `apiKey`; any other option overrides the
 *   defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Bungie from "gatehouse/providers/bungie";
 * Bungie({
 *   clientId: process.env.BUNGIE_CLIENT_ID!,
 *   clientSecret: process.env.BUNGIE_SECRET!,
 *   apiKey: process.env.BUNGIE_API_KEY,
 * });
 * ```
 */
export default function Bungie<P extends BungieProfile>(options: BungieOptions<P>): OAuthConfig<P> {
  const apiKey = options.apiKey ?? options.httpOptions?.headers?.["X-API-Key"] ?? "";
  return defineProvider<P>(
    {
      id: "bungie",
      name: "Bungie",
      type: "oauth",
      authorization: { url: "https://www.bungie.net/en/OAuth/Authorize", params: { reauth: "true" } },
      token: "https://www.bungie.net/platform/app/oauth/token/",
      userinfo: {
        url: MEMBERSHIPS,
        request: (context) => fetchJson<P>(context, MEMBERSHIPS, { headers: { "x-api-key": apiKey } }),
      },
      profile: (profile) => {
        const user = profile.Response.bungieNetUser;
        const path = user.profilePicturePath;
        return {
          id: String(user.membershipId),
          name: user.displayName ?? user.uniqueName ?? null,
          email: null,
          image: path === undefined ? null : `https://www.bungie.net${path.startsWith("/") ? "" : "/"}${path}`,
        };
      },
    },
    options,
  );
}
