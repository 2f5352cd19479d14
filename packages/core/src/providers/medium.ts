/**
 * Medium, OAuth 2.0. https://github.com/Medium/medium-api-docs#2-authentication
 *
 * Quirks: the token response lists `scope` as an array and gives `expires_at` in milliseconds
 * (both repaired here: a space-separated scope, seconds); the token endpoint takes the secret in
 * the body; the user is wrapped in `data`; there is no email address. (Medium no longer issues
 * new integration tokens, but existing apps keep working.)
 */
import type { OAuthConfig, PartialOAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://api.medium.com/v1/me`. */
export interface MediumProfile extends Record<string, unknown> {
  data: { id: string; username: string; name?: string; url?: string; imageUrl?: string };
}

function conformToken(body: Record<string, unknown>): Record<string, unknown> {
  const { scope, expires_at: expiresAt, ...rest } = body;
  return {
    ...rest,
    ...(Array.isArray(scope) ? { scope: scope.join(" ") } : typeof scope === "string" ? { scope } : {}),
    ...(typeof expiresAt === "number"
      ? { expires_at: expiresAt > 1e11 ? Math.floor(expiresAt / 1000) : expiresAt }
      : {}),
  };
}

/**
 * Sign in with a Medium account.
 *
 * @param options - `clientId` and `clientSecret`; any other option overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Medium from "gatehouse/providers/medium";
 * Medium({ clientId: process.env.MEDIUM_CLIENT_ID!, clientSecret: process.env.MEDIUM_CLIENT_SECRET! });
 * ```
 */
export default function Medium<P extends MediumProfile>(options: PartialOAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "medium",
      name: "Medium",
      type: "oauth",
      authorization: { url: "https://medium.com/m/oauth/authorize", params: { scope: "basicProfile" } },
      token: "https://api.medium.com/v1/tokens",
      client: { token_endpoint_auth_method: "client_secret_post" },
      conformTokenResponse: conformToken,
      userinfo: "https://api.medium.com/v1/me",
      profile: ({ data }) => ({
        id: data.id,
        name: data.name ?? data.username,
        email: null,
        image: data.imageUrl ?? null,
      }),
    },
    options,
  );
}
