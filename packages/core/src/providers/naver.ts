/**
 * Naver, OAuth 2.0. https://developers.naver.com/docs/login/api/api.md
 *
 * Quirks: the profile is wrapped in `response`, beside `resultcode`/`message`.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://openapi.naver.com/v1/nid/me`. */
export interface NaverProfile extends Record<string, unknown> {
  resultcode: string;
  message: string;
  response: { id: string; nickname?: string; name?: string; email?: string; profile_image?: string };
}

/**
 * Sign in with a Naver account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Naver from "gatehouse/providers/naver";
 * Naver({ clientId: process.env.NAVER_ID!, clientSecret: process.env.NAVER_SECRET! });
 * ```
 */
export default function Naver<P extends NaverProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "naver",
      name: "Naver",
      type: "oauth",
      authorization: { url: "https://nid.naver.com/oauth2.0/authorize" },
      token: "https://nid.naver.com/oauth2.0/token",
      userinfo: "https://openapi.naver.com/v1/nid/me",
      profile: ({ response }) => ({
        id: response.id,
        name: response.nickname ?? response.name ?? null,
        email: response.email ?? null,
        image: response.profile_image ?? null,
      }),
      style: { bg: "#03c75a", text: "#ffffff" },
    },
    options,
  );
}
