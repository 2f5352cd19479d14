/**
 * Mail.ru, OAuth 2.0. https://help.mail.ru/developers/oauth/about
 *
 * Quirks: the userinfo endpoint takes the token as the `access_token` query parameter; a token
 * response without `token_type` is given the standard "bearer".
 */
import type { OAuthConfig, PartialOAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://oauth.mail.ru/userinfo`. */
export interface MailRuProfile extends Record<string, unknown> {
  id: string;
  email?: string;
  name?: string;
  first_name?: string;
  last_name?: string;
  nickname?: string;
  image?: string;
}

/**
 * Sign in with a Mail.ru account.
 *
 * @param options - `clientId` and `clientSecret`; any other option overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import MailRu from "gatehouse/providers/mailru";
 * MailRu({ clientId: process.env.MAILRU_CLIENT_ID!, clientSecret: process.env.MAILRU_CLIENT_SECRET! });
 * ```
 */
export default function MailRu<P extends MailRuProfile>(options: PartialOAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "mailru",
      name: "Mail.ru",
      type: "oauth",
      authorization: { url: "https://oauth.mail.ru/login", params: { scope: "userinfo" } },
      token: "https://oauth.mail.ru/token",
      conformTokenResponse: (body) => ({ token_type: "bearer", ...body }),
      userinfo: {
        async request(context) {
          const url = new URL("https://oauth.mail.ru/userinfo");
          url.searchParams.set("access_token", context.tokens.access_token ?? "");
          const response = await context.fetch(url, { headers: { accept: "application/json" } });
          if (!response.ok) throw new Error(`oauth.mail.ru answered ${response.status}`);
          return (await response.json()) as P;
        },
      },
      profile: (profile) => ({
        id: profile.id,
        name: profile.name ?? null,
        email: profile.email ?? null,
        image: profile.image ?? null,
      }),
    },
    options,
  );
}
