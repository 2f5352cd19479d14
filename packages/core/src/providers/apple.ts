/**
 * Sign in with Apple, OpenID Connect. https://developer.apple.com/documentation/sign_in_with_apple
 *
 * Quirks: the callback is a cross-site `form_post`; the user's name is sent only on the first
 * sign-in, as a JSON `user` field of that post (not in the ID token), so store it then; the
 * email may be a private relay address; the client secret is a short-lived ES256 JWT you sign
 * with the key from Apple's console — see {@link appleClientSecret}.
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { epochSeconds } from "../lib/clock.js";
import { defineProvider } from "../lib/providers/define-provider.js";

/** The ID token claims, plus the first sign-in's `user` field. */
export interface AppleProfile extends Record<string, unknown> {
  sub: string;
  email?: string;
  email_verified?: boolean | "true" | "false";
  is_private_email?: boolean | "true" | "false";
  user?: { name?: { firstName?: string; lastName?: string }; email?: string };
}

/**
 * Sign in with Apple.
 *
 * @param options - `clientId` (the Services ID) and `clientSecret` (the signed JWT, see {@link
 *   appleClientSecret}); any other option overrides the defaults (merged deeply, as in next-auth
 *   v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Apple from "gatehouse/providers/apple";
 * Apple({ clientId: process.env.APPLE_ID!, clientSecret: process.env.APPLE_SECRET! });
 * ```
 */
export default function Apple<P extends AppleProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return defineProvider<P>(
    {
      id: "apple",
      name: "Apple",
      type: "oauth",
      idToken: true,
      issuer: "https://appleid.apple.com",
      authorization: { params: { scope: "name email", response_mode: "form_post" } },
      client: { token_endpoint_auth_method: "client_secret_post" },
      // The name arrives once, as a JSON `user` field of the form_post.
      callbackUser: true,
      profile: (profile) => {
        const name = [profile.user?.name?.firstName, profile.user?.name?.lastName].filter(Boolean).join(" ");
        return { id: profile.sub, name: name === "" ? null : name, email: profile.email ?? null, image: null };
      },
      style: { bg: "#000000", text: "#ffffff" },
    },
    options,
  );
}

/** What {@link appleClientSecret} needs, from Apple's developer console. */
export interface AppleSecretInput {
  /** The Services ID (the provider's `clientId`). */
  clientId: string;
  /** Your Apple Developer team id (the JWT's `iss`). */
  teamId: string;
  /** The id of the Sign in with Apple key (the JWT's `kid`). */
  keyId: string;
  /** The `.p8` private key, PEM. */
  privateKey: string;
  /** Seconds; Apple allows at most six months. @default 15552000 */
  expiresIn?: number;
  /** The clock, in milliseconds. @default the system clock */
  now?: () => number;
}

function base64url(bytes: Uint8Array | string): string {
  const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  return btoa(String.fromCharCode(...data))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/**
 * Signs Apple's client secret (an ES256 JWT). Call it at start-up and pass the result as
 * `clientSecret`; it is valid for up to six months, so restart (or re-create) before then.
 * The claims are those Apple documents: `iss` the team, `sub` the Services ID, `aud`
 * `https://appleid.apple.com`, signed with the `.p8` key named by `kid`.
 * @param input - The Services ID, team id, key id and `.p8` key from Apple's console; optionally
 *   the lifetime and the clock.
 * @returns The compact JWT.
 * @throws DOMException (from WebCrypto) when `privateKey` is not a PKCS #8 P-256 key.
 * @example `clientSecret: await appleClientSecret({ clientId, teamId, keyId, privateKey })`
 */
export async function appleClientSecret(input: AppleSecretInput): Promise<string> {
  const der = Uint8Array.from(atob(input.privateKey.replace(/-----[^-]+-----|\s/g, "")), (c) => c.charCodeAt(0));
  const key = await globalThis.crypto.subtle.importKey("pkcs8", der, { name: "ECDSA", namedCurve: "P-256" }, false, [
    "sign",
  ]);
  const now = epochSeconds(input.now);
  const header = base64url(JSON.stringify({ alg: "ES256", kid: input.keyId }));
  const payload = base64url(
    JSON.stringify({
      iss: input.teamId,
      iat: now,
      exp: now + (input.expiresIn ?? 15_552_000),
      aud: "https://appleid.apple.com",
      sub: input.clientId,
    }),
  );
  const signature = await globalThis.crypto.subtle.sign(
    { name: "ECDSA", hash: "SHA-256" },
    key,
    new TextEncoder().encode(`${header}.${payload}`),
  );
  return `${header}.${payload}.${base64url(new Uint8Array(signature))}`;
}
