/**
 * Todoist, OAuth 2.0. https://developer.todoist.com/api/v1/#tag/Authorization
 *
 * Quirks: the token endpoint takes the secret in the body. The user comes from the unified API
 * v1 (`GET /api/v1/user`); next-auth v4 read it through the Sync API v9, which Todoist retired.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://api.todoist.com/api/v1/user`. */
export interface TodoistProfile extends Record<string, unknown> {
  /** A string in API v1 (a number in the retired Sync API v9). */
  id: string | number;
  email: string;
  full_name: string;
  avatar_big?: string | null;
}

/**
 * Sign in with a Todoist account.
 *
 * @param options - `clientId` and `clientSecret` of the Todoist app; any other option overrides
 *   the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Todoist from "gatehouse/providers/todoist";
 * Todoist({ clientId: process.env.TODOIST_ID!, clientSecret: process.env.TODOIST_SECRET! });
 * ```
 */
export default function Todoist<P extends TodoistProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "todoist",
      name: "Todoist",
      type: "oauth",
      authorization: { url: "https://todoist.com/oauth/authorize", params: { scope: "data:read" } },
      token: "https://todoist.com/oauth/access_token",
      client: { token_endpoint_auth_method: "client_secret_post" },
      userinfo: "https://api.todoist.com/api/v1/user",
      profile: (profile) => ({
        id: String(profile.id),
        name: profile.full_name,
        email: profile.email,
        image: profile.avatar_big ?? null,
      }),
      style: { bg: "#e44332", text: "#000000" },
    },
    options,
  );
}
