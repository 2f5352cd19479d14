/**
 * Osso, SAML single sign-on spoken to as OAuth 2.0. https://ossoapp.com/docs/
 *
 * Osso runs the SAML exchange with the customer's identity provider and hands the app an OAuth
 * 2.0 code flow; `oauth/me` answers with the user the assertion named. Give `issuer`: your Osso
 * deployment's URL.
 *
 * Quirks: Osso picks the customer's identity provider from a `domain` (or `email`) authorization
 * parameter — pass it when signing in: `signIn("osso", {}, { domain: "example.com" })`. The
 * profile has no display name.
 */
import type { OAuthConfig, PartialOAuthUserConfig } from "../provider-types.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** `GET {issuer}/oauth/me`. */
export interface OssoProfile extends Record<string, unknown> {
  id: string;
  email: string;
  name?: string;
  /** The identity provider the user signed in at (e.g. "Okta"). */
  idp?: string;
  requested?: Record<string, string>;
}

/**
 * Sign in through a SAML identity provider via Osso.
 *
 * @param options - `issuer` (Osso's URL), `clientId` and `clientSecret`; any other option
 *   overrides the defaults.
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Osso from "gatehouse/providers/osso";
 * Osso({
 *   clientId: process.env.OSSO_CLIENT_ID!,
 *   clientSecret: process.env.OSSO_CLIENT_SECRET!,
 *   issuer: process.env.OSSO_ISSUER,
 * });
 * ```
 */
export default function Osso<P extends OssoProfile>(options: PartialOAuthUserConfig<P>): OAuthConfig<P> {
  // next-auth v4 appends the paths to `issuer` as given (so it expected a trailing slash); both
  // spellings work here.
  const base = (options.issuer ?? "").replace(/\/+$/, "");
  return defineProvider<P>(
    {
      id: "osso",
      name: "Osso",
      type: "oauth",
      authorization: { url: `${base}/oauth/authorize` },
      token: `${base}/oauth/token`,
      userinfo: `${base}/oauth/me`,
      profile: (profile) => ({ id: profile.id, name: profile.name ?? null, email: profile.email, image: null }),
    },
    options,
  );
}
