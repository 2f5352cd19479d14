/**
 * Battle.net (Blizzard), OpenID Connect. https://develop.battle.net/documentation/guides/using-oauth
 *
 * Give `issuer`: the region's OAuth base, https://oauth.battle.net (global), or one of v4's
 * regional ones (https://us.battle.net/oauth, …, https://www.battlenet.com.cn/oauth).
 *
 * Quirks: Battle.net has no email address for apps; the display name is the BattleTag, in the
 * `battle_tag` claim of the ID token.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider } from "../lib/providers/issuer-provider.js";

/** The ID token claims Battle.net sends. */
export interface BattleNetProfile extends Record<string, unknown> {
  sub: string;
  battle_tag?: string;
}

/** The issuers next-auth v4 names (any Battle.net OAuth base works). */
export type BattleNetIssuer =
  | "https://oauth.battle.net"
  | "https://oauth.battlenet.com.cn"
  | "https://www.battlenet.com.cn/oauth"
  | `https://${"us" | "eu" | "kr" | "tw"}.battle.net/oauth`;

/**
 * Sign in with a Battle.net account.
 *
 * @param options - `clientId`, `clientSecret` and the region's `issuer`; any other option
 *   overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import BattleNet from "gatehouse/providers/battlenet";
 * BattleNet({
 *   clientId: process.env.BATTLENET_CLIENT_ID!,
 *   clientSecret: process.env.BATTLENET_CLIENT_SECRET!,
 *   issuer: "https://oauth.battle.net",
 * });
 * ```
 */
export default function BattleNet<P extends BattleNetProfile>(
  options: OAuthUserConfig<P> & { issuer: BattleNetIssuer | (string & {}) },
): OAuthConfig<P> {
  return issuerProvider<P>("battlenet", "Battle.net", options, {
    authorization: { params: { scope: "openid" } },
    profile: (profile) => ({ id: profile.sub, name: profile.battle_tag ?? null, email: null, image: null }),
    style: { bg: "#148eff", text: "#ffffff" },
  });
}
