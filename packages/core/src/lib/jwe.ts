/**
 * Compact JWE with `alg: "dir"` and `enc: "A256GCM"` (RFC 7516 §3.1, RFC 7518 §4.5, §5.3): the
 * only shape Gatehouse writes or reads. The protected header is matched as the exact string we
 * issue before any base64 decoding or decryption, so a token with another algorithm, a `zip`, a
 * `crit` or an unknown key id costs a string comparison and nothing more.
 */
import { aesGcmOpen, aesGcmSeal, base64urlDecode, base64urlEncode, randomBytes, type AesKey } from "#crypto";
import { utf8 } from "./encoding.js";

/** A key ready to use, with the exact protected header that names it. */
export interface JweKey {
  readonly key: AesKey;
  /** base64url of the protected header, which is also the AAD. */
  readonly header: string;
  /** The header's bytes (ASCII), cached for the AAD. */
  readonly aad: Uint8Array;
}

/** Builds the protected header for a key, with or without a `kid`. */
export function jweKey(key: AesKey, kid: string | undefined): JweKey {
  const json = kid === undefined ? '{"alg":"dir","enc":"A256GCM"}' : `{"alg":"dir","enc":"A256GCM","kid":"${kid}"}`;
  const header = base64urlEncode(utf8.encode(json));
  return { key, header, aad: utf8.encode(header) };
}

/** Encrypts `plaintext` into a compact JWE under `key`. */
export async function sealJwe(key: JweKey, plaintext: Uint8Array): Promise<string> {
  const iv = randomBytes(12);
  const { ciphertext, tag } = await aesGcmSeal(key.key, iv, plaintext, key.aad);
  return `${key.header}..${base64urlEncode(iv)}.${base64urlEncode(ciphertext)}.${base64urlEncode(tag)}`;
}

/** The five segments of a compact JWE, split and checked for shape. */
export interface JweParts {
  header: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

/** Splits a compact `dir` JWE; `null` unless it has exactly five segments and no encrypted key. */
export function splitJwe(token: string): JweParts | null {
  const a = token.indexOf(".");
  if (a <= 0 || token.charCodeAt(a + 1) !== 0x2e /* "." : dir has an empty encrypted key */) return null;
  const b = a + 1;
  const c = token.indexOf(".", b + 1);
  const d = c < 0 ? -1 : token.indexOf(".", c + 1);
  if (c < 0 || d < 0 || token.indexOf(".", d + 1) !== -1) return null;
  return {
    header: token.slice(0, a),
    iv: token.slice(b + 1, c),
    ciphertext: token.slice(c + 1, d),
    tag: token.slice(d + 1),
  };
}

/** Decrypts a split JWE with one key; `null` on any malformed segment or a failed tag. */
export async function openJwe(key: JweKey, parts: JweParts): Promise<Uint8Array | null> {
  const iv = base64urlDecode(parts.iv);
  const tag = base64urlDecode(parts.tag);
  const ciphertext = base64urlDecode(parts.ciphertext);
  if (iv?.length !== 12 || tag?.length !== 16 || ciphertext === null) return null;
  return aesGcmOpen(key.key, iv, ciphertext, tag, key.aad);
}
