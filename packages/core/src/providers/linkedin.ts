/**
 * LinkedIn, "Sign In with LinkedIn using OpenID Connect".
 * https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2
 *
 * Quirks: the token endpoint wants the secret in the body (`client_secret_post`).
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims LinkedIn sends. */
export interface LinkedInProfile extends OidcProfile {
  given_name?: string;
  family_name?: string;
  locale?: { country?: string; language?: string } | string;
}

/**
 * Sign in with a LinkedIn account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import LinkedIn from "gatehouse/providers/linkedin";
 * LinkedIn({ clientId: process.env.LINKEDIN_ID!, clientSecret: process.env.LINKEDIN_SECRET! });
 * ```
 */
export default function LinkedIn<P extends LinkedInProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("linkedin", "LinkedIn", options, {
    issuer: "https://www.linkedin.com/oauth",
    client: { token_endpoint_auth_method: "client_secret_post" },
    style: { bg: "#0a66c2", text: "#ffffff" },
  });
}
