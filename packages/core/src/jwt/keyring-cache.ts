import { Keyring } from "../lib/keyring.js";

const MAX_KEYRINGS = 32;
const keyrings = new Map<string, Keyring>();

/**
 * A memo of derived keys per secret list, so `encode`/`decode` called per request do not re-run
 * HKDF. Bounded; it holds only what the secrets already determine.
 */
export function keyringFor(secret: string | readonly string[]): Keyring {
  const secrets = typeof secret === "string" ? [secret] : [...secret];
  if (secrets.length === 0 || secrets.some((s) => typeof s !== "string" || s.length === 0)) {
    throw new TypeError("`secret` must be a non-empty string or a non-empty array of them.");
  }
  const id = secrets.join("\u0000");
  let keyring = keyrings.get(id);
  if (keyring === undefined) {
    if (keyrings.size >= MAX_KEYRINGS) keyrings.clear();
    keyring = new Keyring(secrets);
    keyrings.set(id, keyring);
  }
  return keyring;
}
