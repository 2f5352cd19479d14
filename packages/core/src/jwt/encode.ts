import { epochSeconds } from "../lib/clock.js";
import { SESSION_MAX_AGE } from "../lib/config/defaults.js";
import { sealToken } from "../lib/token.js";
import type { JWTEncodeParams } from "../types.js";
import { keyringFor } from "./keyring-cache.js";

/**
 * Seals a token the way Gatehouse seals its session cookie: a JWE (`dir`, `A256GCM`) under a key
 * derived for `salt`, with `iat`, `exp` (now + `maxAge`) and a `jti` (kept if the token has one).
 * Signature as next-auth v4's `encode`.
 *
 * @param params.token the claims. @default {}
 * @param params.secret a secret, or several: the first encrypts.
 * @param params.maxAge seconds until expiry. @default 2592000 (30 days)
 * @param params.salt the purpose; Gatehouse uses the cookie name. @default ""
 * @returns the compact JWE.
 * @throws {TypeError} when `secret` is missing.
 * @example
 * ```ts
 * const jwt = await encode({ token: { sub: "42" }, secret, salt: "next-auth.session-token" })
 * ```
 */
export async function encode(params: JWTEncodeParams): Promise<string> {
  const { token = {}, secret, maxAge = SESSION_MAX_AGE, salt = "" } = params;
  return sealToken(keyringFor(secret), salt, token, epochSeconds(), maxAge);
}
