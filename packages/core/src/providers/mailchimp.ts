/**
 * Mailchimp, OAuth 2.0. https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/
 *
 * Quirks: the token response bends the standard — no `token_type`, `"scope": null`, and
 * `"expires_in": 0` for a token that never expires — and is repaired here. The account comes
 * from the metadata endpoint, which takes the token with the `OAuth` scheme; the user's id and
 * email are nested in `login`.
 */
import type { OAuthConfig, PartialOAuthUserConfig } from "../provider-types.js";
import { defineProvider, fetchJson } from "../lib/providers/define-provider.js";

/** `GET https://login.mailchimp.com/oauth2/metadata`. */
export interface MailchimpProfile extends Record<string, unknown> {
  dc: string;
  accountname: string;
  user_id?: number;
  api_endpoint?: string;
  login: {
    login_id: number | string;
    login_name?: string;
    email: string;
    avatar?: string | null;
  };
}

const METADATA = "https://login.mailchimp.com/oauth2/metadata";

function conformToken(body: Record<string, unknown>): Record<string, unknown> {
  const { scope, expires_in: expiresIn, ...rest } = body;
  return {
    token_type: "bearer",
    ...rest,
    ...(typeof scope === "string" ? { scope } : {}),
    ...(typeof expiresIn === "number" && expiresIn > 0 ? { expires_in: expiresIn } : {}),
  };
}

/**
 * Sign in with a Mailchimp account.
 *
 * @param options - `clientId` and `clientSecret` of the registered app; any other option
 *   overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Mailchimp from "gatehouse/providers/mailchimp";
 * Mailchimp({ clientId: process.env.MAILCHIMP_CLIENT_ID!, clientSecret: process.env.MAILCHIMP_CLIENT_SECRET! });
 * ```
 */
export default function Mailchimp<P extends MailchimpProfile>(options: PartialOAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "mailchimp",
      name: "Mailchimp",
      type: "oauth",
      authorization: { url: "https://login.mailchimp.com/oauth2/authorize" },
      token: "https://login.mailchimp.com/oauth2/token",
      conformTokenResponse: conformToken,
      userinfo: { url: METADATA, request: (context) => fetchJson<P>(context, METADATA, { scheme: "OAuth" }) },
      profile: (profile) => ({
        id: String(profile.login.login_id),
        name: profile.accountname,
        email: profile.login.email,
        image: null,
      }),
      style: { bg: "#000000", text: "#ffffff" },
    },
    options,
  );
}
