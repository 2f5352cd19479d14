/**
 * Coinbase, OAuth 2.0. https://docs.cdp.coinbase.com/coinbase-app/oauth2-integration/overview
 *
 * Quirks: the user is wrapped in `data`; the email needs the `wallet:user:email` scope.
 */
import type { OAuthConfig, PartialOAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://api.coinbase.com/v2/user`. */
export interface CoinbaseProfile extends Record<string, unknown> {
  data: {
    id: string;
    name?: string | null;
    username?: string | null;
    email?: string;
    avatar_url?: string;
  };
}

/**
 * Sign in with a Coinbase account.
 *
 * @param options - `clientId` and `clientSecret` of the OAuth application; any other option
 *   overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Coinbase from "gatehouse/providers/coinbase";
 * Coinbase({ clientId: process.env.COINBASE_CLIENT_ID!, clientSecret: process.env.COINBASE_CLIENT_SECRET! });
 * ```
 */
export default function Coinbase<P extends CoinbaseProfile>(options: PartialOAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "coinbase",
      name: "Coinbase",
      type: "oauth",
      authorization: {
        url: "https://www.coinbase.com/oauth/authorize",
        params: { scope: "wallet:user:email wallet:user:read" },
      },
      token: "https://api.coinbase.com/oauth/token",
      userinfo: "https://api.coinbase.com/v2/user",
      profile: ({ data }) => ({
        id: data.id,
        name: data.name ?? data.username ?? null,
        email: data.email ?? null,
        image: data.avatar_url ?? null,
      }),
      style: { bg: "#0052ff", text: "#ffffff" },
    },
    options,
  );
}
