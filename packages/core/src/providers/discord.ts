/**
 * Discord, OAuth 2.0. https://discord.com/developers/docs/topics/oauth2
 *
 * Quirks: the avatar is a hash to build a CDN URL from (animated ones start with `a_`); users
 * without one get a default avatar chosen from their id (new usernames, discriminator "0") or
 * their discriminator (legacy ones). `global_name` is the display name when set.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET https://discord.com/api/users/@me`. */
export interface DiscordProfile extends Record<string, unknown> {
  id: string;
  username: string;
  global_name?: string | null;
  discriminator: string;
  avatar: string | null;
  email?: string | null;
  verified?: boolean;
}

/**
 * The avatar URL Discord's clients show for this user: the uploaded avatar (animated ones, `a_…`,
 * as GIF), else the default avatar Discord picks from the user id (new usernames,
 * discriminator `"0"`) or from the discriminator (legacy `name#1234` users).
 *
 * @param profile - The user's `id`, `avatar` hash and `discriminator`, as `/users/@me` returns them.
 * @returns An https URL on cdn.discordapp.com.
 *
 * @example
 * ```ts
 * discordAvatar({ id: "80351110224678912", avatar: null, discriminator: "0" });
 * // "https://cdn.discordapp.com/embed/avatars/<0–5>.png"
 * ```
 */
export function discordAvatar(profile: Pick<DiscordProfile, "id" | "avatar" | "discriminator">): string {
  if (profile.avatar !== null) {
    return `https://cdn.discordapp.com/avatars/${profile.id}/${profile.avatar}.${profile.avatar.startsWith("a_") ? "gif" : "png"}`;
  }
  const index =
    profile.discriminator === "0" ? Number((BigInt(profile.id) >> 22n) % 6n) : Number(profile.discriminator) % 5;
  return `https://cdn.discordapp.com/embed/avatars/${index}.png`;
}

/**
 * Sign in with a Discord account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Discord from "gatehouse/providers/discord";
 * Discord({ clientId: process.env.DISCORD_ID!, clientSecret: process.env.DISCORD_SECRET! });
 * ```
 */
export default function Discord<P extends DiscordProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "discord",
      name: "Discord",
      type: "oauth",
      authorization: { url: "https://discord.com/oauth2/authorize", params: { scope: "identify email" } },
      token: "https://discord.com/api/oauth2/token",
      userinfo: "https://discord.com/api/users/@me",
      profile: (profile) => ({
        id: profile.id,
        name: profile.global_name ?? profile.username,
        email: profile.email ?? null,
        image: discordAvatar(profile),
      }),
      style: { bg: "#5865f2", text: "#ffffff" },
    },
    options,
  );
}
