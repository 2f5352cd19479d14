/**
 * Notion, public integrations (OAuth 2.0). https://developers.notion.com/docs/authorization
 *
 * Quirks: the user comes in the token response (`owner.user`), not from a userinfo endpoint;
 * the authorization request needs `owner=user`.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `owner.user` of Notion's token response. */
export interface NotionProfile extends Record<string, unknown> {
  id: string;
  name?: string;
  avatar_url?: string | null;
  person?: { email?: string };
}

/**
 * Sign in with a Notion account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Notion from "gatehouse/providers/notion";
 * Notion({ clientId: process.env.NOTION_ID!, clientSecret: process.env.NOTION_SECRET! });
 * ```
 */
export default function Notion<P extends NotionProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "notion",
      name: "Notion",
      type: "oauth",
      authorization: { url: "https://api.notion.com/v1/oauth/authorize", params: { owner: "user" } },
      token: "https://api.notion.com/v1/oauth/token",
      userinfo: {
        request({ tokens }) {
          const owner = tokens.owner as { user?: P } | undefined;
          if (owner?.user === undefined) throw new Error("Notion's token response has no owner.user");
          return owner.user;
        },
      },
      profile: (profile) => ({
        id: profile.id,
        name: profile.name ?? null,
        email: profile.person?.email ?? null,
        image: profile.avatar_url ?? null,
      }),
      style: { bg: "#000000", text: "#ffffff" },
    },
    options,
  );
}
