/**
 * Email sign-in tokens: 256 random bits in the link, a keyed hash (HMAC-SHA-256 under a key
 * derived from the secret) in the database — so neither a database dump nor a guessed hash can
 * be turned into a working link. Every configured secret can verify, so rotating the secret does
 * not break links already sent.
 */
import { base64urlEncode, hkdfSha256, hmacSha256, randomBytes } from "#crypto";
import { utf8 } from "../../lib/encoding.js";
import { RuntimeSlot, type AuthRuntime } from "../../lib/runtime.js";

const INFO = utf8.encode("Gatehouse email token hash key");

const KEYS = new RuntimeSlot("email token keys", (runtime: AuthRuntime) =>
  Promise.all(runtime.config.secrets.map((secret) => hkdfSha256(utf8.encode(secret), new Uint8Array(0), INFO, 32))),
);

/** A new token for a link. */
export function newVerificationToken(): string {
  return base64urlEncode(randomBytes(32));
}

/** The stored forms of `token`, one per secret; the first is the one to store. */
export async function verificationHashes(runtime: AuthRuntime, token: string): Promise<string[]> {
  const data = utf8.encode(token);
  return Promise.all((await runtime.slot(KEYS)).map(async (key) => base64urlEncode(await hmacSha256(key, data))));
}
