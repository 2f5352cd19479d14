/**
 * The ID token checks of OpenID Connect Core §3.1.3.7 that oauth4webapi leaves to the client.
 *
 * `processAuthorizationCodeResponse` already checks the algorithm, `iss`, that `aud` includes
 * our client id, `exp`, `sub`, `nonce`, `auth_time` (when asked for), and `azp` when `aud` has
 * several entries but no `azp` at all. What it accepts, and we refuse here:
 * - an `aud` array with an audience besides ours that the provider does not list in
 *   `trustedAudiences` (item 3: "or if it contains additional audiences not trusted by the
 *   Client"), even when `azp` names us;
 * - an `azp` that is not our client id, whatever `aud` holds (item 5);
 * - an `iat` in the future, beyond the clock tolerance (item 10);
 * - an `at_hash` that does not match the access token it came with (§3.1.3.8, §3.2.2.9).
 * https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
import { base64urlDecode, base64urlEncode } from "#crypto";
import { AuthError } from "../../errors.js";
import { fromUtf8, utf8 } from "../../lib/encoding.js";
import { CLOCK_TOLERANCE } from "../../lib/token.js";
import type { ResolvedOAuthProvider } from "../../provider-types.js";

function refused(message: string): AuthError {
  return new AuthError("OAuthCallbackCheck", message);
}

/** The digest an `at_hash` is made with: the hash of the ID token's own signing algorithm. */
function hashFor(alg: unknown): "SHA-256" | "SHA-384" | "SHA-512" | undefined {
  if (typeof alg !== "string") return undefined;
  if (alg === "EdDSA" || alg === "Ed25519") return "SHA-512";
  const bits = /^(?:RS|PS|ES)(256|384|512)$/.exec(alg)?.[1];
  return bits === undefined ? undefined : (`SHA-${bits}` as "SHA-256" | "SHA-384" | "SHA-512");
}

/** The ID token's protected header (the token itself was already parsed by oauth4webapi). */
export function idTokenHeader(idToken: string): Record<string, unknown> {
  const bytes = base64urlDecode(idToken.split(".")[0] ?? "");
  if (bytes === null) throw refused("the ID token's header is not base64url");
  const header = JSON.parse(fromUtf8.decode(bytes)) as unknown;
  if (typeof header !== "object" || header === null || Array.isArray(header)) {
    throw refused("the ID token's header is not a JSON object");
  }
  return header as Record<string, unknown>;
}

/**
 * Refuses an ID token that oauth4webapi accepted but OpenID Connect says to reject.
 * @param claims the claims oauth4webapi validated.
 * @param idToken the compact token (for its header's `alg`).
 * @param accessToken the access token of the same response.
 * @param nowMs the auth instance's clock.
 * @throws {AuthError} `OAuthCallbackCheck`, its message saying which check failed.
 */
export async function checkIdTokenClaims(
  provider: ResolvedOAuthProvider,
  claims: Readonly<Record<string, unknown>>,
  idToken: string,
  accessToken: string | undefined,
  nowMs: number,
): Promise<void> {
  if (Array.isArray(claims.aud)) {
    const untrusted = claims.aud.filter(
      (audience) => audience !== provider.clientId && !provider.trustedAudiences.includes(String(audience)),
    );
    if (untrusted.length > 0) {
      throw refused(
        `the ID token is also meant for ${JSON.stringify(untrusted)}; list audiences you trust in the provider's \`trustedAudiences\``,
      );
    }
  }
  if (claims.azp !== undefined && claims.azp !== provider.clientId) {
    throw refused(`the ID token's azp (${JSON.stringify(claims.azp)}) is not this client`);
  }
  if (typeof claims.iat === "number" && claims.iat > nowMs / 1000 + CLOCK_TOLERANCE) {
    throw refused("the ID token was issued in the future (iat), beyond the clock tolerance");
  }
  if (claims.at_hash !== undefined) {
    const hash = hashFor(idTokenHeader(idToken).alg);
    if (typeof claims.at_hash !== "string" || hash === undefined || accessToken === undefined) {
      throw refused("the ID token's at_hash cannot be checked");
    }
    const digest = new Uint8Array(await globalThis.crypto.subtle.digest(hash, utf8.encode(accessToken)));
    if (base64urlEncode(digest.subarray(0, digest.length / 2)) !== claims.at_hash) {
      throw refused("the ID token's at_hash does not match the access token");
    }
  }
}
