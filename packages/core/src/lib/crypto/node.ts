// The `node` condition of `#crypto`: the same functions as web.ts, on node:crypto's synchronous
// AES-GCM and HKDF, which skip WebCrypto's thread-pool hop (about 4× faster per token here).
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createSecretKey,
  hkdfSync,
  randomFillSync,
  timingSafeEqual as nodeTimingSafeEqual,
  type KeyObject,
} from "node:crypto";
import type { AesKey, Sealed } from "./types.js";

export type { AesKey, Sealed } from "./types.js";

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function importAesKey(raw: Uint8Array): Promise<AesKey> {
  return Promise.resolve(createSecretKey(raw) as unknown as AesKey);
}

export function aesGcmSeal(key: AesKey, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Promise<Sealed> {
  const cipher = createCipheriv("aes-256-gcm", key as unknown as KeyObject, iv, { authTagLength: 16 });
  cipher.setAAD(aad);
  const head = cipher.update(plaintext);
  const tail = cipher.final();
  const ciphertext = tail.length === 0 ? head : Buffer.concat([head, tail]);
  return Promise.resolve({ ciphertext, tag: cipher.getAuthTag() });
}

export function aesGcmOpen(
  key: AesKey,
  iv: Uint8Array,
  ciphertext: Uint8Array,
  tag: Uint8Array,
  aad: Uint8Array,
): Promise<Uint8Array | null> {
  if (tag.length !== 16) return Promise.resolve(null);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key as unknown as KeyObject, iv, { authTagLength: 16 });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    const head = decipher.update(ciphertext);
    const tail = decipher.final();
    return Promise.resolve(tail.length === 0 ? head : Buffer.concat([head, tail]));
  } catch {
    return Promise.resolve(null);
  }
}

export function hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Promise<Uint8Array> {
  return Promise.resolve(new Uint8Array(hkdfSync("sha256", ikm, salt, info, length)));
}

export function hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  return Promise.resolve(createHmac("sha256", key).update(data).digest());
}

export function sha256(data: Uint8Array): Promise<Uint8Array> {
  return Promise.resolve(createHash("sha256").update(data).digest());
}

// CSPRNG output is drawn in 4 KB batches, as Node does for randomUUID(): one getrandom() per
// batch instead of one per 12-byte IV. Each byte is handed out once, as a copy.
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;

export function randomBytes(n: number): Uint8Array {
  if (n > 256) return randomFillSync(Buffer.alloc(n));
  if (poolOffset + n > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafeSlow(POOL_SIZE));
    poolOffset = 0;
  }
  const out = Buffer.from(pool.subarray(poolOffset, poolOffset + n));
  poolOffset += n;
  return out;
}

export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && nodeTimingSafeEqual(a, b);
}

export function base64urlEncode(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
}

export function base64urlDecode(text: string): Uint8Array | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  return Buffer.from(text, "base64url");
}
