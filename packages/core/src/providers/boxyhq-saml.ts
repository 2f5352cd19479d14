/**
 * BoxyHQ SAML (SAML Jackson): SAML single sign-on, spoken to as OAuth 2.0.
 * https://boxyhq.com/docs/jackson/sso-flow
 *
 * Jackson runs the SAML exchange with the customer's identity provider and gives the app an
 * OAuth 2.0 code flow in front of it; `userinfo` answers with the SAML assertion's attributes.
 * Give `issuer`: your Jackson deployment's URL.
 *
 * Quirks: Jackson picks the SAML connection from `tenant` and `product`. Either pass them when
 * signing in — `signIn("boxyhq-saml", {}, { tenant, product })`, with `clientId`/`clientSecret`
 * "dummy" — or use the connection's real client id and secret. The token endpoint wants the
 * secret in the body.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET {issuer}/api/oauth/userinfo`: the SAML attributes. */
export interface BoxyHQSAMLProfile extends Record<string, unknown> {
  id: string;
  email: string;
  firstName?: string;
  lastName?: string;
  /** The tenant and product the sign-in asked for. */
  requested?: Record<string, string>;
}

/**
 * Sign in through a SAML identity provider via BoxyHQ SAML Jackson.
 *
 * @param options - `issuer` (Jackson's URL), `clientId` and `clientSecret`; any other option
 *   overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import BoxyHQSAML from "gatehouse/providers/boxyhq-saml";
 * BoxyHQSAML({ issuer: "https://jackson.example.com", clientId: "dummy", clientSecret: "dummy" });
 * // in the browser: signIn("boxyhq-saml", {}, { tenant: "example.com", product: "my-app" })
 * ```
 */
export default function BoxyHQSAML<P extends BoxyHQSAMLProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  const base = (options.issuer ?? "").replace(/\/$/, "");
  return defineProvider<P>(
    {
      id: "boxyhq-saml",
      name: "BoxyHQ SAML",
      type: "oauth",
      checks: ["pkce", "state"],
      authorization: { url: `${base}/api/oauth/authorize`, params: { provider: "saml" } },
      token: `${base}/api/oauth/token`,
      userinfo: `${base}/api/oauth/userinfo`,
      client: { token_endpoint_auth_method: "client_secret_post" },
      profile: (profile) => ({
        id: profile.id,
        name: [profile.firstName, profile.lastName].filter(Boolean).join(" ") || null,
        email: profile.email,
        image: null,
      }),
    },
    options,
  );
}
