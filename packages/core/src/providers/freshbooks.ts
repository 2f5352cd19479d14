/**
 * FreshBooks, OAuth 2.0. https://www.freshbooks.com/api/authentication
 *
 * Quirks: the identity is wrapped in `response` (https://www.freshbooks.com/api/me_endpoint);
 * the token endpoint takes the client credentials in the body.
 */
import type { OAuthConfig, PartialOAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://api.freshbooks.com/auth/api/v1/users/me`. */
export interface FreshbooksProfile extends Record<string, unknown> {
  response: {
    id: number;
    identity_id?: number;
    first_name?: string;
    last_name?: string;
    email?: string;
  };
}

/**
 * Sign in with a FreshBooks account.
 *
 * @param options - `clientId` and `clientSecret` of the FreshBooks app; any other option
 *   overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Freshbooks from "gatehouse/providers/freshbooks";
 * Freshbooks({ clientId: process.env.FRESHBOOKS_CLIENT_ID!, clientSecret: process.env.FRESHBOOKS_CLIENT_SECRET! });
 * ```
 */
export default function Freshbooks<P extends FreshbooksProfile>(options: PartialOAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "freshbooks",
      name: "Freshbooks",
      type: "oauth",
      authorization: { url: "https://auth.freshbooks.com/oauth/authorize" },
      token: "https://api.freshbooks.com/auth/oauth/token",
      client: { token_endpoint_auth_method: "client_secret_post" },
      userinfo: "https://api.freshbooks.com/auth/api/v1/users/me",
      profile: ({ response: user }) => ({
        id: String(user.id),
        name: [user.first_name, user.last_name].filter(Boolean).join(" ") || null,
        email: user.email ?? null,
        image: null,
      }),
      style: { bg: "#0075dd", text: "#ffffff" },
    },
    options,
  );
}
