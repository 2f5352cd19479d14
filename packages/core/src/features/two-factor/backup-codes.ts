/**
 * Backup codes: 10 single-use codes of 50 random bits each, shown once and stored only as a
 * keyed hash (HMAC-SHA-256 with a key derived from the auth secret), so a database dump cannot
 * be brute-forced offline without the secret too.
 */
import { base64urlEncode, hkdfSha256, hmacSha256, randomBytes } from "#crypto";
import { utf8 } from "../../lib/encoding.js";

/** How many codes a user gets. */
export const BACKUP_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: read aloud and typed by hand
const INFO = utf8.encode("Gatehouse two-factor backup code key");

/** Fresh codes, formatted as people read them (`xxxxx-xxxxx`). */
export function newBackupCodes(): string[] {
  return Array.from({ length: BACKUP_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    // 10 symbols from 31 (~49.5 bits); the modulo bias of 256 % 31 is below 2 % per symbol.
    const chars = Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length] as string).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A code as typed, in its canonical form, or `null` if it cannot be a backup code. */
export function normalizeBackupCode(code: string): string | null {
  const canonical = code.toLowerCase().replace(/[\s-]+/g, "");
  return /^[a-z0-9]{10}$/.test(canonical) ? canonical : null;
}

/** The stored form of a code, under each secret's key (the first is what new codes are stored with). */
export async function hashBackupCode(secrets: readonly string[], userId: string, code: string): Promise<string[]> {
  const canonical = normalizeBackupCode(code);
  if (canonical === null) return [];
  return Promise.all(
    secrets.map(async (secret) => {
      const key = await hkdfSha256(utf8.encode(secret), utf8.encode(userId), INFO, 32);
      return base64urlEncode(await hmacSha256(key, utf8.encode(canonical)));
    }),
  );
}
