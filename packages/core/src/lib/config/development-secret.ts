import { base64urlEncode, randomBytes } from "#crypto";

/**
 * A secret for development when none is configured: random, so nobody else knows it (a fixed
 * one would let anyone forge sessions wherever development mode leaks out), and new each time
 * the process starts — sessions end at a restart, which development can live with.
 *
 * @returns 32 random bytes, base64url.
 *
 * @example
 * ```ts
 * const secret = options.secret ?? randomDevelopmentSecret(); // never in production
 * ```
 */
export function randomDevelopmentSecret(): string {
  return base64urlEncode(randomBytes(32));
}
