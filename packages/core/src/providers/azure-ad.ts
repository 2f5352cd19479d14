/**
 * Azure Active Directory (now Microsoft Entra ID), next-auth v4's `azure-ad` provider: OpenID
 * Connect v2.0. https://learn.microsoft.com/en-us/entra/identity-platform/v2-protocols-oidc
 *
 * The same service as the `microsoft-entra-id` provider, under v4's id, name and options,
 * so a v4 app's stored accounts (`provider: "azure-ad"`) and callback URL keep working.
 *
 * Quirks: discovery goes through `…/v2.0/.well-known/openid-configuration?appid=CLIENT_ID`, which
 * makes Microsoft publish the keys of apps with custom signing keys. Without `tenantId` the
 * multi-tenant "common" endpoint is used (any work or school account signs in); it publishes an
 * issuer template (`…/{tenantid}/v2.0`), and each ID token is checked against the template filled
 * with its own `tid`. Give `tenantId` (a GUID or domain) to let one directory in. The photo is not in the token:
 * it is fetched from Microsoft Graph (https://learn.microsoft.com/en-us/graph/api/profilephoto-get)
 * and kept as a `data:` URL, as v4 does; a user without one simply has no image.
 */
import type { OAuthConfig, OAuthUserConfig, UserinfoContext } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** The ID token claims Azure AD sends, plus the photo fetched from Graph. */
export interface AzureADProfile extends Record<string, unknown> {
  sub: string;
  oid?: string;
  tid?: string;
  name?: string;
  email?: string;
  preferred_username?: string;
  /** A `data:image/jpeg;base64,…` URL, when Graph has a photo. */
  picture?: string;
}

/** The square photo sizes Graph serves. */
export type AzureADPhotoSize = 48 | 64 | 96 | 120 | 240 | 360 | 432 | 504 | 648;

/** Options of {@link AzureAD}: next-auth v4's. */
export type AzureADOptions<P extends AzureADProfile> = OAuthUserConfig<P> & {
  /** The directory: a tenant GUID or domain. @default "common" */
  tenantId?: string | undefined;
  /** The photo's width and height in pixels. @default 48 */
  profilePhotoSize?: AzureADPhotoSize | undefined;
};

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

async function photo(context: UserinfoContext, size: number): Promise<string | undefined> {
  try {
    const response = await context.fetch(`https://graph.microsoft.com/v1.0/me/photos/${size}x${size}/$value`, {
      headers: { authorization: `Bearer ${context.tokens.access_token ?? ""}` },
    });
    if (!response.ok) return undefined;
    return `data:image/jpeg;base64,${base64(new Uint8Array(await response.arrayBuffer()))}`;
  } catch {
    // A missing photo is not a failed sign-in.
    return undefined;
  }
}

/**
 * Sign in with a work or school account (next-auth v4's `azure-ad`).
 *
 * @param options - `clientId` and `clientSecret` of the app registration, and `tenantId`; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import AzureAD from "gatehouse/providers/azure-ad";
 * AzureAD({
 *   clientId: process.env.AZURE_AD_CLIENT_ID!,
 *   clientSecret: process.env.AZURE_AD_CLIENT_SECRET!,
 *   tenantId: process.env.AZURE_AD_TENANT_ID,
 * });
 * ```
 */
export default function AzureAD<P extends AzureADProfile>(options: AzureADOptions<P>): OAuthConfig<P> {
  const tenant = options.tenantId ?? "common";
  const size = options.profilePhotoSize ?? 48;
  return defineProvider<P>(
    {
      id: "azure-ad",
      name: "Azure Active Directory",
      type: "oauth",
      idToken: true,
      wellKnown: `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/v2.0/.well-known/openid-configuration?appid=${encodeURIComponent(options.clientId)}`,
      authorization: { params: { scope: "openid profile email" } },
      userinfo: {
        async request(context) {
          if (context.claims === undefined) throw new Error("Azure AD sent no ID token");
          const picture = await photo(context, size);
          return { ...context.claims, ...(picture === undefined ? {} : { picture }) } as P;
        },
      },
      profile: (profile) => ({
        id: profile.sub,
        name: profile.name ?? null,
        email: profile.email ?? null,
        image: profile.picture ?? null,
      }),
      style: { bg: "#0072c6", text: "#ffffff" },
    },
    options,
  );
}
