/**
 * TOTP secrets at rest: encrypted (`dir`/`A256GCM` JWE) with a key derived from the auth secret
 * by HKDF for this purpose alone, and bound to their user, so a database dump reveals no secret
 * and a secret copied onto another user's row does not open. Secret rotation works as for
 * session tokens: the first secret seals, every one opens.
 */
import { fromUtf8, isPlainObject, utf8 } from "../../lib/encoding.js";
import { openJwe, sealJwe, splitJwe } from "../../lib/jwe.js";
import type { Keyring } from "../../lib/keyring.js";

const PURPOSE = "gatehouse.two-factor.secret";

/** Encrypts a user's TOTP secret for storage. */
export async function sealSecret(keyring: Keyring, userId: string, secret: string): Promise<string> {
  const { current } = await keyring.purpose(PURPOSE);
  return sealJwe(current, utf8.encode(JSON.stringify({ u: userId, s: secret })));
}

/** The stored secret in clear, or `null` if it does not open (another secret, another user, damage). */
export async function openSecret(keyring: Keyring, userId: string, sealed: string): Promise<string | null> {
  const parts = splitJwe(sealed);
  if (parts === null) return null;
  const known = (await keyring.purpose(PURPOSE)).byHeader.get(parts.header);
  if (known === undefined) return null;
  const plain = await openJwe(known.key, parts);
  if (plain === null) return null;
  try {
    const value: unknown = JSON.parse(fromUtf8.decode(plain));
    if (!isPlainObject(value) || value.u !== userId || typeof value.s !== "string") return null;
    return value.s;
  } catch {
    return null;
  }
}
