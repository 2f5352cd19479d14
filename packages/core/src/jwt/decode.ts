import { epochSeconds } from "../lib/clock.js";
import { MAX_TOKEN_LENGTH } from "../lib/config/defaults.js";
import { openToken } from "../lib/token.js";
import type { JWT, JWTDecodeParams } from "../types.js";
import { keyringFor } from "./keyring-cache.js";

/**
 * Opens a token sealed by {@link encode} (or, for a session-token purpose, by next-auth v4).
 * Signature as next-auth v4's `decode`, but it never throws on a bad token: anything that is not
 * a valid, unexpired token of this purpose is `null`.
 *
 * @param params.token the compact JWE.
 * @param params.secret a secret or several (any may decrypt).
 * @param params.salt the purpose it was sealed for. @default ""
 * @returns the claims, or `null`.
 * @example
 * ```ts
 * const claims = await decode({ token, secret, salt: "next-auth.session-token" })
 * ```
 */
export async function decode(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, secret, salt = "" } = params;
  if (typeof token !== "string" || token.length === 0) return null;
  const opened = await openToken(keyringFor(secret), token, {
    salt,
    legacy: salt === "" || salt.endsWith("session-token"),
    nowSeconds: epochSeconds(),
    maxLength: MAX_TOKEN_LENGTH,
  });
  return opened?.payload ?? null;
}
