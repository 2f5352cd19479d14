/**
 * Patreon, OAuth 2.0. https://docs.patreon.com/#oauth
 *
 * Quirks: the identity endpoint speaks JSON:API — the user is `data`, its fields under
 * `data.attributes`, and only the fields asked for with `fields[user]` are sent
 * (https://docs.patreon.com/#get-api-oauth2-v2-identity). The email needs the `identity[email]`
 * scope. The token endpoint takes the secret in the body.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://www.patreon.com/api/oauth2/v2/identity`. */
export interface PatreonProfile extends Record<string, unknown> {
  data: {
    id: string;
    type?: "user";
    attributes: { full_name?: string; email?: string; image_url?: string; vanity?: string | null };
  };
}

/**
 * Sign in with a Patreon account.
 *
 * @param options - `clientId` and `clientSecret` of the Patreon client; any other option
 *   overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Patreon from "gatehouse/providers/patreon";
 * Patreon({ clientId: process.env.PATREON_ID!, clientSecret: process.env.PATREON_SECRET! });
 * ```
 */
export default function Patreon<P extends PatreonProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "patreon",
      name: "Patreon",
      type: "oauth",
      authorization: {
        url: "https://www.patreon.com/oauth2/authorize",
        params: { scope: "identity identity[email]" },
      },
      token: "https://www.patreon.com/api/oauth2/token",
      client: { token_endpoint_auth_method: "client_secret_post" },
      userinfo: "https://www.patreon.com/api/oauth2/v2/identity?fields%5Buser%5D=full_name,email,image_url,vanity",
      profile: ({ data }) => ({
        id: data.id,
        name: data.attributes.full_name ?? null,
        email: data.attributes.email ?? null,
        image: data.attributes.image_url ?? null,
      }),
      style: { bg: "#e85b46", text: "#ffffff" },
    },
    options,
  );
}
