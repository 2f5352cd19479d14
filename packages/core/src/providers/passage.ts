/**
 * Passage by 1Password, OpenID Connect. https://docs.passage.id/hosted-login/oidc-client-configuration
 *
 * Give `issuer`: https://auth.passage.id/v1/apps/APP_ID (a trailing slash is dropped, as in
 * next-auth v4). Passage signs in with passkeys; the profile has an email address but no name.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider } from "../lib/providers/issuer-provider.js";

/** The claims Passage sends. */
export interface PassageProfile extends Record<string, unknown> {
  sub: string;
  email?: string;
  email_verified?: boolean;
  phone?: string;
  phone_number_verified?: boolean;
}

/**
 * Sign in with Passage.
 *
 * @param options - `issuer`, `clientId` and `clientSecret`; any other option overrides the
 *   defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Passage from "gatehouse/providers/passage";
 * Passage({
 *   clientId: process.env.PASSAGE_ID!,
 *   clientSecret: process.env.PASSAGE_SECRET!,
 *   issuer: process.env.PASSAGE_ISSUER,
 * });
 * ```
 */
export default function Passage<P extends PassageProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  const issuer = options.issuer?.replace(/\/$/, "");
  return issuerProvider<P>(
    "passage",
    "Passage",
    { ...options, issuer },
    {
      authorization: { params: { scope: "openid email" } },
      client: { token_endpoint_auth_method: "client_secret_basic" },
      profile: (profile) => ({ id: profile.sub, name: null, email: profile.email ?? null, image: null }),
      style: { bg: "#ffffff", text: "#000000" },
    },
  );
}
