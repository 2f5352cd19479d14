/**
 * Session-token keys. Each purpose (the salt: a cookie name such as `next-auth.session-token`)
 * gets its own key from HKDF-SHA-256 (RFC 5869), so a token minted for one cookie never decrypts
 * as another. With several secrets the first encrypts and every one decrypts; the `kid` in the
 * header says which, so decryption tries exactly one key.
 *
 * next-auth v4 session tokens (no `kid`, key from HKDF with an empty salt and the info
 * "NextAuth.js Generated Encryption Key") are recognised only where the caller allows it — the
 * session cookie — so a migrated app keeps its users signed in.
 */
import { base64urlEncode, hkdfSha256, importAesKey } from "#crypto";
import { utf8 } from "./encoding.js";
import { jweKey, type JweKey } from "./jwe.js";

const KEY_INFO = utf8.encode("Gatehouse session token encryption key");
const KID_INFO = utf8.encode("Gatehouse session token key id");
const NEXTAUTH_V4_INFO = utf8.encode("NextAuth.js Generated Encryption Key");
const EMPTY = new Uint8Array(0);

/** The keys of one purpose. */
export interface PurposeKeys {
  /** The key new tokens are sealed with (from the first secret). */
  readonly current: JweKey;
  /** Every key by its exact protected header. */
  readonly byHeader: ReadonlyMap<string, { key: JweKey; index: number }>;
}

/** Derives and caches keys for a list of secrets. */
export class Keyring {
  readonly #secrets: readonly Uint8Array[];
  readonly #purposes = new Map<string, Promise<PurposeKeys>>();
  #legacy: Promise<JweKey[]> | undefined;

  constructor(secrets: readonly string[]) {
    this.#secrets = secrets.map((secret) => utf8.encode(secret));
  }

  /** Keys for one purpose, derived on first use. */
  purpose(salt: string): Promise<PurposeKeys> {
    let keys = this.#purposes.get(salt);
    if (keys === undefined) {
      keys = this.#derive(salt);
      this.#purposes.set(salt, keys);
    }
    return keys;
  }

  /** next-auth v4's keys, one per secret, in order. */
  nextAuthV4(): Promise<JweKey[]> {
    this.#legacy ??= Promise.all(
      this.#secrets.map(async (secret) =>
        jweKey(await importAesKey(await hkdfSha256(secret, EMPTY, NEXTAUTH_V4_INFO, 32)), undefined),
      ),
    );
    return this.#legacy;
  }

  async #derive(salt: string): Promise<PurposeKeys> {
    const saltBytes = utf8.encode(salt);
    const keys = await Promise.all(
      this.#secrets.map(async (secret) => {
        const [raw, kid] = await Promise.all([
          hkdfSha256(secret, saltBytes, KEY_INFO, 32),
          hkdfSha256(secret, saltBytes, KID_INFO, 9),
        ]);
        return jweKey(await importAesKey(raw), base64urlEncode(kid));
      }),
    );
    const byHeader = new Map<string, { key: JweKey; index: number }>();
    keys.forEach((key, index) => {
      if (!byHeader.has(key.header)) byHeader.set(key.header, { key, index });
    });
    return { current: keys[0] as JweKey, byHeader };
  }
}
