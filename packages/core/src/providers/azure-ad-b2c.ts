/**
 * Azure Active Directory B2C, OpenID Connect. https://learn.microsoft.com/en-us/azure/active-directory-b2c/openid-connect
 *
 * Give `tenantId` (the B2C tenant's name, "contoso" for contoso.onmicrosoft.com) and
 * `primaryUserFlow` (the sign-in policy, "B2C_1_signin"), or an `issuer` naming the policy's
 * discovery base, as in next-auth v4.
 *
 * Quirks: the policy's metadata names an issuer that differs from the URL it is served at (the
 * tenant's GUID, a trailing slash), so the issuer is taken from that document. B2C sends an
 * access token only when the app's own client id is among the scopes
 * (https://learn.microsoft.com/en-us/azure/active-directory-b2c/access-tokens#openid-connect-scopes),
 * so the default scope includes it — keep it if you override `authorization.params.scope`. The
 * addresses are in an `emails` array claim.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** The ID token claims B2C user flows send. */
export interface AzureB2CProfile extends Record<string, unknown> {
  sub: string;
  oid?: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  emails?: string[];
  email?: string;
  /** The user flow (policy) that signed the user in. */
  tfp?: string;
}

/** Options of {@link AzureADB2C}: next-auth v4's. */
export type AzureADB2COptions<P extends AzureB2CProfile> = OAuthUserConfig<P> & {
  /** The B2C tenant's name, as in `NAME.b2clogin.com`. */
  tenantId?: string | undefined;
  /** The sign-in user flow (policy), e.g. "B2C_1_signin". */
  primaryUserFlow?: string | undefined;
};

/**
 * Sign in through an Azure AD B2C user flow.
 *
 * @param options - `clientId` and `clientSecret` of the B2C app registration, with `tenantId`
 *   and `primaryUserFlow` (or `issuer`); any other option overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import AzureADB2C from "gatehouse/providers/azure-ad-b2c";
 * AzureADB2C({
 *   clientId: process.env.AZURE_AD_B2C_CLIENT_ID!,
 *   clientSecret: process.env.AZURE_AD_B2C_CLIENT_SECRET!,
 *   tenantId: process.env.AZURE_AD_B2C_TENANT_NAME,
 *   primaryUserFlow: process.env.AZURE_AD_B2C_PRIMARY_USER_FLOW,
 * });
 * ```
 */
export default function AzureADB2C<P extends AzureB2CProfile>(options: AzureADB2COptions<P>): OAuthConfig<P> {
  const { tenantId = "", primaryUserFlow = "" } = options;
  const base = options.issuer ?? `https://${tenantId}.b2clogin.com/${tenantId}.onmicrosoft.com/${primaryUserFlow}/v2.0`;
  return defineProvider<P>(
    {
      id: "azure-ad-b2c",
      name: "Azure Active Directory B2C",
      type: "oauth",
      idToken: true,
      wellKnown: `${base.replace(/\/$/, "")}/.well-known/openid-configuration`,
      authorization: { params: { scope: `openid offline_access ${options.clientId}` } },
      profile: (profile) => ({
        id: profile.sub,
        name: profile.name ?? null,
        email: profile.emails?.[0] ?? profile.email ?? null,
        image: null,
      }),
      style: { bg: "#0072c6", text: "#ffffff" },
    },
    // v4's `issuer` is where the metadata lives, not the issuer it names: it must not become the
    // expected issuer.
    { ...options, issuer: undefined },
  );
}
