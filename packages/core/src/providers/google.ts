/**
 * Google, OpenID Connect. https://developers.google.com/identity/openid-connect/openid-connect
 *
 * Quirks: a refresh token is only issued with `authorization.params` `access_type: "offline"`
 * and `prompt: "consent"`; restrict to a Workspace domain with the `hd` parameter (and check
 * `profile.hd` in the `signIn` callback, since the parameter alone is only a hint).
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** The ID token claims Google sends. */
export interface GoogleProfile extends Record<string, unknown> {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
  given_name?: string;
  family_name?: string;
  picture?: string;
  locale?: string;
  /** The Workspace domain, when the account belongs to one. */
  hd?: string;
}

/**
 * Sign in with a Google account.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Google from "gatehouse/providers/google";
 * Google({ clientId: process.env.GOOGLE_ID!, clientSecret: process.env.GOOGLE_SECRET! });
 * ```
 */
export default function Google<P extends GoogleProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "google",
      name: "Google",
      type: "oauth",
      idToken: true,
      issuer: "https://accounts.google.com",
      authorization: { params: { scope: "openid email profile" } },
      profile: (profile) => ({
        id: profile.sub,
        name: profile.name,
        email: profile.email,
        image: profile.picture ?? null,
      }),
      style: { bg: "#ffffff", text: "#1f1f1f" },
    },
    options,
  );
}
