/**
 * Kakao, OAuth 2.0. https://developers.kakao.com/docs/latest/en/kakaologin/rest-api
 *
 * Quirks: the token endpoint takes the secret in the body; the profile is nested under
 * `kakao_account`, and each field is present only if the user agreed to share it.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://kapi.kakao.com/v2/user/me`. */
export interface KakaoProfile extends Record<string, unknown> {
  id: number;
  kakao_account?: { email?: string; profile?: { nickname?: string; profile_image_url?: string } };
  properties?: { nickname?: string; profile_image?: string };
}

/**
 * Sign in with a Kakao account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Kakao from "gatehouse/providers/kakao";
 * Kakao({ clientId: process.env.KAKAO_ID!, clientSecret: process.env.KAKAO_SECRET! });
 * ```
 */
export default function Kakao<P extends KakaoProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "kakao",
      name: "Kakao",
      type: "oauth",
      authorization: { url: "https://kauth.kakao.com/oauth/authorize" },
      token: "https://kauth.kakao.com/oauth/token",
      userinfo: "https://kapi.kakao.com/v2/user/me",
      client: { token_endpoint_auth_method: "client_secret_post" },
      profile: (profile) => ({
        id: String(profile.id),
        name: profile.kakao_account?.profile?.nickname ?? profile.properties?.nickname ?? null,
        email: profile.kakao_account?.email ?? null,
        image: profile.kakao_account?.profile?.profile_image_url ?? profile.properties?.profile_image ?? null,
      }),
      style: { bg: "#fee500", text: "#000000" },
    },
    options,
  );
}
