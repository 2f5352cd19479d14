/**
 * Instagram ("Instagram API with Instagram Login"), OAuth 2.0.
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login
 *
 * Quirks: the token endpoint wants the secret in the body and answers without `token_type` —
 * `{ access_token, user_id }`, or, for Business Login, wrapped in a `data` array — repaired here
 * (https://developers.facebook.com/docs/instagram-platform/reference/oauth-access-token). There is
 * no email address. The Basic Display API (scope `user_profile`, next-auth v4's default) was shut
 * down in December 2024, so the default scope is `instagram_business_basic`.
 */
import type { OAuthConfig, PartialOAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://graph.instagram.com/me?fields=id,username,account_type,name`. */
export interface InstagramProfile extends Record<string, unknown> {
  id: string;
  username: string;
  account_type?: string;
  name?: string;
}

function conformToken(body: Record<string, unknown>): Record<string, unknown> {
  const first: unknown = Array.isArray(body.data) ? body.data[0] : undefined;
  const token = typeof first === "object" && first !== null ? (first as Record<string, unknown>) : body;
  const { permissions, ...rest } = token;
  return {
    token_type: "bearer",
    ...rest,
    ...(Array.isArray(permissions) ? { scope: permissions.join(" ") } : {}),
    ...(typeof permissions === "string" ? { scope: permissions } : {}),
  };
}

/**
 * Sign in with an Instagram professional account.
 *
 * @param options - `clientId` (the Instagram app id) and `clientSecret`; any other option
 *   overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Instagram from "gatehouse/providers/instagram";
 * Instagram({ clientId: process.env.INSTAGRAM_CLIENT_ID!, clientSecret: process.env.INSTAGRAM_CLIENT_SECRET! });
 * ```
 */
export default function Instagram<P extends InstagramProfile>(options: PartialOAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "instagram",
      name: "Instagram",
      type: "oauth",
      authorization: {
        url: "https://api.instagram.com/oauth/authorize",
        params: { scope: "instagram_business_basic" },
      },
      token: "https://api.instagram.com/oauth/access_token",
      client: { token_endpoint_auth_method: "client_secret_post" },
      conformTokenResponse: conformToken,
      userinfo: "https://graph.instagram.com/me?fields=id,username,account_type,name",
      profile: (profile) => ({ id: profile.id, name: profile.username, email: null, image: null }),
      style: { bg: "#ffffff", text: "#000000" },
    },
    options,
  );
}
