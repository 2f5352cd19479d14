/**
 * VK, OAuth 2.0 (the classic oauth.vk.com flow). https://dev.vk.com/en/api/access-token/authcode-flow-user
 *
 * Quirks: the token response has no `token_type` (repaired here) and carries the email; the
 * profile API needs the version parameter `v` and wraps users in `response`.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider, fetchJson, userinfoUrl } from "../lib/providers/define-provider.js";

/** `GET https://api.vk.com/method/users.get`, with the token's email added. */
export interface VkProfile extends Record<string, unknown> {
  id: number;
  first_name?: string;
  last_name?: string;
  photo_100?: string;
  email?: string | null;
}

/**
 * Sign in with a VK account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import VK from "gatehouse/providers/vk";
 * VK({ clientId: process.env.VK_ID!, clientSecret: process.env.VK_SECRET! });
 * ```
 */
export default function VK<P extends VkProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  const url = "https://api.vk.com/method/users.get?fields=photo_100&v=5.199";
  return defineProvider<P>(
    {
      id: "vk",
      name: "VK",
      type: "oauth",
      authorization: { url: "https://oauth.vk.com/authorize", params: { scope: "email", v: "5.199" } },
      token: "https://oauth.vk.com/access_token",
      checks: ["state"],
      conformTokenResponse: (body) => ({ token_type: "bearer", ...body }),
      userinfo: {
        url,
        async request(context) {
          const { response } = await fetchJson<{ response?: P[] }>(context, userinfoUrl(context, url));
          const user = response?.[0];
          if (user === undefined) throw new Error("VK's users.get returned no user");
          return { ...user, email: typeof context.tokens.email === "string" ? context.tokens.email : null };
        },
      },
      profile: (profile) => ({
        id: String(profile.id),
        name: [profile.first_name, profile.last_name].filter(Boolean).join(" ") || null,
        email: profile.email ?? null,
        image: profile.photo_100 ?? null,
      }),
      style: { bg: "#0077ff", text: "#ffffff" },
    },
    options,
  );
}
