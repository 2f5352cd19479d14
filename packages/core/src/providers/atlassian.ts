/**
 * Atlassian (Jira, Confluence), OAuth 2.0 (3LO). https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/
 *
 * Quirks: the authorization request needs `audience=api.atlassian.com` and `prompt=consent`;
 * the token endpoint takes the secret in the body.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://api.atlassian.com/me`. */
export interface AtlassianProfile extends Record<string, unknown> {
  account_id: string;
  name: string;
  email: string;
  picture?: string;
  nickname?: string;
}

/**
 * Sign in with an Atlassian account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Atlassian from "gatehouse/providers/atlassian";
 * Atlassian({ clientId: process.env.ATLASSIAN_ID!, clientSecret: process.env.ATLASSIAN_SECRET! });
 * ```
 */
export default function Atlassian<P extends AtlassianProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "atlassian",
      name: "Atlassian",
      type: "oauth",
      authorization: {
        url: "https://auth.atlassian.com/authorize",
        params: { audience: "api.atlassian.com", prompt: "consent", scope: "read:me" },
      },
      token: "https://auth.atlassian.com/oauth/token",
      userinfo: "https://api.atlassian.com/me",
      client: { token_endpoint_auth_method: "client_secret_post" },
      profile: (profile) => ({
        id: profile.account_id,
        name: profile.name,
        email: profile.email,
        image: profile.picture ?? null,
      }),
      style: { bg: "#0052cc", text: "#ffffff" },
    },
    options,
  );
}
