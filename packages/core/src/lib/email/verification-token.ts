/**
 * Email sign-in tokens: 256 random bits in the link, a keyed hash (HMAC-SHA-256 under a key
 * derived from the secret) in the database — so neither a database dump nor a guessed hash can
 * be turned into a working link. Every configured secret can verify, so rotating the secret does
 * not break links already sent.
 */
import { base64urlEncode, hkdfSha256, hmacSha256, randomBytes } from "#crypto";
import { utf8 } from "../encoding.js";
import type { ResolvedConfig } from "../config/resolved-config.js";

const INFO = utf8.encode("Gatehouse email token hash key");
const keys = new WeakMap<ResolvedConfig, Promise<Uint8Array[]>>();

function keysFor(config: ResolvedConfig): Promise<Uint8Array[]> {
  let entry = keys.get(config);
  if (entry === undefined) {
    entry = Promise.all(config.secrets.map((secret) => hkdfSha256(utf8.encode(secret), new Uint8Array(0), INFO, 32)));
    keys.set(config, entry);
  }
  return entry;
}

/** A new token for a link. */
export function newVerificationToken(): string {
  return base64urlEncode(randomBytes(32));
}

/** The stored forms of `token`, one per secret; the first is the one to store. */
export async function verificationHashes(config: ResolvedConfig, token: string): Promise<string[]> {
  const data = utf8.encode(token);
  return Promise.all((await keysFor(config)).map(async (key) => base64urlEncode(await hmacSha256(key, data))));
}
