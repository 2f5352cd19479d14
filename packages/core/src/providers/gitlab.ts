/**
 * GitLab, OAuth 2.0, gitlab.com or self-managed (`baseUrl`). https://docs.gitlab.com/ee/api/oauth2.html
 *
 * Quirks: the `read_user` scope is needed for `/api/v4/user`; `email` there is the primary
 * address, and `public_email` may be empty.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET /api/v4/user`. */
export interface GitLabProfile extends Record<string, unknown> {
  id: number;
  username: string;
  name: string;
  email: string;
  avatar_url: string | null;
  state?: string;
}

/**
 * Sign in with a GitLab account (gitlab.com, or a self-managed instance with `baseUrl`).
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import GitLab from "gatehouse/providers/gitlab";
 * GitLab({ clientId: process.env.GITLAB_ID!, clientSecret: process.env.GITLAB_SECRET! });
 * ```
 */
export default function GitLab<P extends GitLabProfile>(
  options: OAuthUserConfig<P> & { baseUrl?: string },
): OAuthConfig<P> {
  const base = (options.baseUrl ?? "https://gitlab.com").replace(/\/$/, "");
  return defineProvider<P>(
    {
      id: "gitlab",
      name: "GitLab",
      type: "oauth",
      authorization: { url: `${base}/oauth/authorize`, params: { scope: "read_user" } },
      token: `${base}/oauth/token`,
      userinfo: `${base}/api/v4/user`,
      profile: (profile) => ({
        id: String(profile.id),
        name: profile.name || profile.username,
        email: profile.email,
        image: profile.avatar_url,
      }),
      style: { bg: "#fc6d26", text: "#ffffff" },
    },
    options,
  );
}
