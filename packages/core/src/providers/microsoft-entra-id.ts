/**
 * Microsoft Entra ID (Azure AD), OpenID Connect v2.0.
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-protocols-oidc
 *
 * Quirks: give `tenantId` (a GUID or domain). The multi-tenant "common"/"organizations"
 * endpoints publish an issuer template, not an issuer, so ID tokens from them cannot be checked
 * against one issuer: Gatehouse needs the tenant. Personal accounts may have no `email` claim;
 * `preferred_username` is the sign-in name then. Photos come from Microsoft Graph, not the token.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** The ID token claims Entra ID sends. */
export interface MicrosoftEntraIdProfile extends Record<string, unknown> {
  sub: string;
  oid?: string;
  tid?: string;
  name?: string;
  email?: string;
  preferred_username?: string;
}

/**
 * Sign in with Microsoft Entra ID (Azure AD) under Auth.js v5's id; next-auth v4 apps use `azure-ad`.
 *
 * @param options - `clientId`, `clientSecret` and `tenantId` (or `issuer`); any other option
 *   overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import MicrosoftEntraID from "gatehouse/providers/microsoft-entra-id";
 * MicrosoftEntraID({ clientId: process.env.MICROSOFT_ENTRA_ID_ID!, clientSecret: process.env.MICROSOFT_ENTRA_ID_SECRET!, tenantId: process.env.MICROSOFT_ENTRA_ID_TENANT_ID });
 * ```
 */
export default function MicrosoftEntraID<P extends MicrosoftEntraIdProfile>(
  options: OAuthUserConfig<P> & { tenantId?: string },
): OAuthConfig<P> {
  const issuer =
    options.issuer ??
    (options.tenantId === undefined ? undefined : `https://login.microsoftonline.com/${options.tenantId}/v2.0`);
  return defineProvider<P>(
    {
      id: "microsoft-entra-id",
      name: "Microsoft",
      type: "oidc",
      ...(issuer === undefined ? {} : { issuer }),
      authorization: { params: { scope: "openid profile email offline_access" } },
      profile: (profile) => ({
        id: profile.sub,
        name: profile.name ?? null,
        email: profile.email ?? profile.preferred_username ?? null,
        image: null,
      }),
      style: { bg: "#2f2f2f", text: "#ffffff" },
    },
    options,
  );
}
