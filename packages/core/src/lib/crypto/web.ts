import type { AesKey, Sealed } from "./types.js";

export type { AesKey, Sealed } from "./types.js";

const subtle = globalThis.crypto.subtle;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Imports 32 raw bytes as an AES-256-GCM key. */
export async function importAesKey(raw: Uint8Array): Promise<AesKey> {
  const key = await subtle.importKey("raw", raw as Uint8Array<ArrayBuffer>, "AES-GCM", false, ["encrypt", "decrypt"]);
  return key as unknown as AesKey;
}

/** Encrypts with AES-GCM (128-bit tag). */
export async function aesGcmSeal(key: AesKey, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Promise<Sealed> {
  const out = new Uint8Array(
    await subtle.encrypt(
      {
        name: "AES-GCM",
        iv: iv as Uint8Array<ArrayBuffer>,
        additionalData: aad as Uint8Array<ArrayBuffer>,
        tagLength: 128,
      },
      key as unknown as CryptoKey,
      plaintext as Uint8Array<ArrayBuffer>,
    ),
  );
  return { ciphertext: out.subarray(0, out.length - 16), tag: out.subarray(out.length - 16) };
}

/** Decrypts with AES-GCM; `null` when the tag does not verify. */
export async function aesGcmOpen(
  key: AesKey,
  iv: Uint8Array,
  ciphertext: Uint8Array,
  tag: Uint8Array,
  aad: Uint8Array,
): Promise<Uint8Array | null> {
  const joined = new Uint8Array(ciphertext.length + tag.length);
  joined.set(ciphertext);
  joined.set(tag, ciphertext.length);
  try {
    const plain = await subtle.decrypt(
      {
        name: "AES-GCM",
        iv: iv as Uint8Array<ArrayBuffer>,
        additionalData: aad as Uint8Array<ArrayBuffer>,
        tagLength: 128,
      },
      key as unknown as CryptoKey,
      joined,
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

/** HKDF-SHA-256 (RFC 5869). */
export async function hkdfSha256(
  ikm: Uint8Array,
  salt: Uint8Array,
  info: Uint8Array,
  length: number,
): Promise<Uint8Array> {
  const base = await subtle.importKey("raw", ikm as Uint8Array<ArrayBuffer>, "HKDF", false, ["deriveBits"]);
  const bits = await subtle.deriveBits(
    { name: "HKDF", hash: "SHA-256", salt: salt as Uint8Array<ArrayBuffer>, info: info as Uint8Array<ArrayBuffer> },
    base,
    length * 8,
  );
  return new Uint8Array(bits);
}

/** HMAC-SHA-256. */
export async function hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const k = await subtle.importKey("raw", key as Uint8Array<ArrayBuffer>, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return new Uint8Array(await subtle.sign("HMAC", k, data as Uint8Array<ArrayBuffer>));
}

/** SHA-256 digest. */
export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle.digest("SHA-256", data as Uint8Array<ArrayBuffer>));
}

/** `n` bytes from the CSPRNG. */
export function randomBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** Compares two byte strings without an early exit. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

/** Unpadded base64url (RFC 4648 §5). */
export function base64urlEncode(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Strict unpadded base64url decoding; `null` for any character outside the alphabet. */
export function base64urlDecode(text: string): Uint8Array | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  let binary: string;
  try {
    binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return null;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
