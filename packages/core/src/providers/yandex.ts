/**
 * Yandex ID, OAuth 2.0. https://yandex.ru/dev/id/doc/en/
 *
 * Quirks: the profile API wants `Authorization: OAuth <token>`, not Bearer; the avatar is an
 * id to build a URL from, unless `is_avatar_empty`.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider, fetchJson, userinfoUrl } from "../lib/providers/define-provider.js";

/** `GET https://login.yandex.ru/info?format=json`. */
export interface YandexProfile extends Record<string, unknown> {
  id: string;
  login: string;
  display_name?: string;
  real_name?: string;
  default_email?: string;
  default_avatar_id?: string;
  is_avatar_empty?: boolean;
}

/**
 * Sign in with a Yandex account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Yandex from "gatehouse/providers/yandex";
 * Yandex({ clientId: process.env.YANDEX_ID!, clientSecret: process.env.YANDEX_SECRET! });
 * ```
 */
export default function Yandex<P extends YandexProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  const url = "https://login.yandex.ru/info?format=json";
  return defineProvider<P>(
    {
      id: "yandex",
      name: "Yandex",
      type: "oauth",
      authorization: {
        url: "https://oauth.yandex.ru/authorize",
        params: { scope: "login:info login:email login:avatar" },
      },
      token: "https://oauth.yandex.ru/token",
      userinfo: { url, request: (context) => fetchJson<P>(context, userinfoUrl(context, url), { scheme: "OAuth" }) },
      profile: (profile) => ({
        id: profile.id,
        name: profile.display_name ?? profile.real_name ?? profile.login,
        email: profile.default_email ?? null,
        image:
          profile.is_avatar_empty === true || profile.default_avatar_id === undefined
            ? null
            : `https://avatars.yandex.net/get-yapic/${profile.default_avatar_id}/islands-200`,
      }),
      style: { bg: "#ffcc00", text: "#000000" },
    },
    options,
  );
}
