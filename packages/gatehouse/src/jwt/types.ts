import type { EphemeralStore, JWT as CoreJWT, JWTDecodeParams, JWTEncodeParams } from "@gatehouse/core";

/** The claims next-auth puts in a session token (core's, re-declared here to be augmentable). */
export type DefaultJWT = CoreJWT;

/** The decoded session token. Augment (here or on "gatehouse") to add claims. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface so apps can augment it
export interface JWT extends CoreJWT {}

export type { JWTDecodeParams, JWTEncodeParams };

/** Any request `getToken` can read: `NextRequest`, `NextApiRequest`, or a plain `Request`. */
export type TokenRequest =
  | Request
  | {
      headers: Headers | Record<string, string | string[] | undefined>;
      cookies?:
        | Partial<Record<string, string>>
        | { get(name: string): { value: string } | undefined; getAll(): { name: string; value: string }[] };
      url?: string;
    };

/** Options of `getToken`, as in next-auth v4. */
export interface GetTokenParams<R extends boolean = false> {
  /** The request: a web `Request`/`NextRequest`, or Node's (`headers`, and `cookies` if parsed). */
  req: TokenRequest;
  /** @default NEXTAUTH_SECRET or AUTH_SECRET */
  secret?: string | string[] | undefined;
  /** Read the `__Secure-` cookie. @default true when NEXTAUTH_URL/AUTH_URL (or else the request) is https */
  secureCookie?: boolean | undefined;
  /** @default "next-auth.session-token" (with `__Secure-` when secure) */
  cookieName?: string | undefined;
  /** Return the encoded token instead of its claims. */
  raw?: R;
  /** The purpose the token was sealed for. @default the cookie name */
  salt?: string | undefined;
  /** A custom decoder (next-auth's `jwt.decode`). */
  decode?: ((params: JWTDecodeParams) => Promise<JWT | null> | JWT | null) | undefined;
  /**
   * Gatehouse: a store to check for sign-outs besides the stores of this process's auth
   * instances with the same secret (which are always checked). Pass the app's shared store (e.g.
   * `RedisStore`) where no auth instance runs in this process; on Edge, only a store that works
   * there (one over `fetch`). A store that fails makes the token read as `null`.
   * @default none
   */
  store?: EphemeralStore | undefined;
  /** next-auth v4 accepted a logger; kept for compatibility, unused. */
  logger?: unknown;
}
