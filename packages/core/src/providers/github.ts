/**
 * GitHub, OAuth 2.0 (GitHub Apps and OAuth Apps).
 * https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
 *
 * Quirks: `/user` has `email: null` when the address is private; the primary verified address
 * then comes from `/user/emails` (needs the `user:email` scope). The API refuses requests
 * without a `User-Agent`. `name` is optional; `login` always exists.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider, fetchJson, userinfoUrl } from "../lib/providers/define-provider.js";

/** `GET https://api.github.com/user`. */
export interface GitHubProfile extends Record<string, unknown> {
  id: number;
  login: string;
  name: string | null;
  email: string | null;
  avatar_url: string;
  html_url?: string;
}

/** `GET https://api.github.com/user/emails`. */
export interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
  visibility: "public" | "private" | null;
}

/** GitHub Enterprise Server: `enterprise: { baseUrl: "https://github.example.com" }`. */
export type GitHubOptions<P extends GitHubProfile> = OAuthUserConfig<P> & { enterprise?: { baseUrl?: string } };

/**
 * Sign in with a GitHub account (github.com, or GitHub Enterprise Server with `enterprise.baseUrl`).
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import GitHub from "gatehouse/providers/github";
 * GitHub({ clientId: process.env.GITHUB_ID!, clientSecret: process.env.GITHUB_SECRET! });
 * ```
 */
export default function GitHub<P extends GitHubProfile>(options: GitHubOptions<P>): OAuthConfig<P> {
  const base = options.enterprise?.baseUrl?.replace(/\/$/, "") ?? "https://github.com";
  const api = options.enterprise?.baseUrl === undefined ? "https://api.github.com" : `${base}/api/v3`;
  const headers = { "user-agent": "gatehouse", accept: "application/vnd.github+json" };
  return defineProvider<P>(
    {
      id: "github",
      name: "GitHub",
      type: "oauth",
      authorization: { url: `${base}/login/oauth/authorize`, params: { scope: "read:user user:email" } },
      token: `${base}/login/oauth/access_token`,
      userinfo: {
        url: `${api}/user`,
        async request(context) {
          const profile = await fetchJson<P>(context, userinfoUrl(context, `${api}/user`), { headers });
          if (profile.email === null) {
            const emails = await fetchJson<GitHubEmail[]>(context, `${api}/user/emails`, { headers }).catch(() => []);
            const primary =
              emails.find((entry) => entry.primary && entry.verified) ?? emails.find((entry) => entry.verified);
            if (primary !== undefined) return { ...profile, email: primary.email };
          }
          return profile;
        },
      },
      profile: (profile) => ({
        id: String(profile.id),
        name: profile.name ?? profile.login,
        email: profile.email,
        image: profile.avatar_url,
      }),
      style: { bg: "#24292f", text: "#ffffff" },
    },
    options,
  );
}
