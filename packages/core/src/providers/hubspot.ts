/**
 * HubSpot, OAuth 2.0. https://developers.hubspot.com/docs/api/oauth-quickstart-guide
 *
 * Quirks: HubSpot has no userinfo endpoint: who signed in is read from the access token's own
 * metadata, `GET /oauth/v1/access-tokens/{token}` — the token travels in the path, not a header
 * (https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/get-oauth-token-metadata).
 * `user` is the email address and `user_id` a number. The token endpoint takes the secret in the
 * body.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://api.hubapi.com/oauth/v1/access-tokens/{token}`. */
export interface HubSpotProfile extends Record<string, unknown> {
  /** The user's email address. */
  user: string;
  user_id: number | string;
  hub_domain?: string;
  hub_id?: number | string;
  scopes?: string[];
}

const METADATA = "https://api.hubapi.com/oauth/v1/access-tokens";

/**
 * Sign in with a HubSpot account.
 *
 * @param options - `clientId` and `clientSecret` of the HubSpot app; any other option overrides
 *   the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import HubSpot from "gatehouse/providers/hubspot";
 * HubSpot({ clientId: process.env.HUBSPOT_CLIENT_ID!, clientSecret: process.env.HUBSPOT_CLIENT_SECRET! });
 * ```
 */
export default function HubSpot<P extends HubSpotProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "hubspot",
      name: "HubSpot",
      type: "oauth",
      authorization: { url: "https://app.hubspot.com/oauth/authorize", params: { scope: "oauth" } },
      token: "https://api.hubapi.com/oauth/v1/token",
      client: { token_endpoint_auth_method: "client_secret_post" },
      userinfo: {
        url: METADATA,
        async request(context) {
          const token = encodeURIComponent(context.tokens.access_token ?? "");
          const response = await context.fetch(`${METADATA}/${token}`, { headers: { accept: "application/json" } });
          if (!response.ok) throw new Error(`api.hubapi.com answered ${response.status}`);
          return (await response.json()) as P;
        },
      },
      profile: (profile) => ({ id: String(profile.user_id), name: profile.user, email: profile.user, image: null }),
      style: { bg: "#ff7a59", text: "#ffffff" },
    },
    options,
  );
}
