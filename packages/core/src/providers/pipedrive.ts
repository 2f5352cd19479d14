/**
 * Pipedrive, OAuth 2.0. https://pipedrive.readme.io/docs/marketplace-oauth-authorization
 *
 * Quirks: API calls belong on the company's own domain, which the token response names in
 * `api_domain` (https://developers.pipedrive.com/changelog/post/new-parameter-in-oauth-oauthtoken-responses);
 * the user is read from `/api/v1/users/me` there, wrapped in `data`, with a numeric id
 * (https://pipedrive.readme.io/docs/marketplace-getting-user-data). Only an https
 * `*.pipedrive.com` domain is used; anything else falls back to api.pipedrive.com.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider, fetchJson } from "../lib/providers/define-provider.js";

/** `GET https://COMPANY.pipedrive.com/api/v1/users/me`. */
export interface PipedriveProfile extends Record<string, unknown> {
  success: boolean;
  data: {
    id: number;
    name: string;
    email: string;
    icon_url?: string | null;
    company_id?: number;
    company_domain?: string;
  };
}

function usersMe(apiDomain: unknown): string {
  if (typeof apiDomain === "string") {
    try {
      const url = new URL(apiDomain);
      if (url.protocol === "https:" && url.hostname.endsWith(".pipedrive.com")) return `${url.origin}/api/v1/users/me`;
    } catch {
      // Not a URL: use the default below.
    }
  }
  return "https://api.pipedrive.com/v1/users/me";
}

/**
 * Sign in with a Pipedrive account.
 *
 * @param options - `clientId` and `clientSecret` of the Marketplace app; any other option
 *   overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Pipedrive from "gatehouse/providers/pipedrive";
 * Pipedrive({ clientId: process.env.PIPEDRIVE_CLIENT_ID!, clientSecret: process.env.PIPEDRIVE_CLIENT_SECRET! });
 * ```
 */
export default function Pipedrive<P extends PipedriveProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "pipedrive",
      name: "Pipedrive",
      type: "oauth",
      authorization: { url: "https://oauth.pipedrive.com/oauth/authorize" },
      token: "https://oauth.pipedrive.com/oauth/token",
      userinfo: { request: (context) => fetchJson<P>(context, usersMe(context.tokens.api_domain)) },
      profile: ({ data }) => ({
        id: String(data.id),
        name: data.name,
        email: data.email,
        image: data.icon_url ?? null,
      }),
    },
    options,
  );
}
