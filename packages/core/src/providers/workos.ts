/**
 * WorkOS SSO, OAuth 2.0. https://workos.com/docs/reference/sso
 *
 * Quirks: the profile comes in the token response; the authorization request must name an
 * `organization`, `connection` or `provider` — pass it as `signIn("workos", {}, { organization })`
 * or in `authorization.params`. The token endpoint takes the secret in the body.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `profile` of WorkOS's token response. */
export interface WorkOSProfile extends Record<string, unknown> {
  id: string;
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  organization_id?: string | null;
  connection_id?: string;
  raw_attributes?: Record<string, unknown>;
}

/**
 * Sign in through WorkOS (enterprise SSO).
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import WorkOS from "gatehouse/providers/workos";
 * WorkOS({ clientId: process.env.WORKOS_ID!, clientSecret: process.env.WORKOS_SECRET! });
 * ```
 */
export default function WorkOS<P extends WorkOSProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "workos",
      name: "WorkOS",
      type: "oauth",
      authorization: { url: "https://api.workos.com/sso/authorize" },
      token: "https://api.workos.com/sso/token",
      client: { token_endpoint_auth_method: "client_secret_post" },
      userinfo: {
        request({ tokens }) {
          const profile = tokens.profile as P | undefined;
          if (profile === undefined) throw new Error("WorkOS's token response has no profile");
          return profile;
        },
      },
      profile: (profile) => ({
        id: profile.id,
        name: [profile.first_name, profile.last_name].filter(Boolean).join(" ") || null,
        email: profile.email,
        image: null,
      }),
      style: { bg: "#6363f1", text: "#ffffff" },
    },
    options,
  );
}
