/**
 * Password hashes: argon2id with the provider's parameters for every new hash, each stored as a
 * PHC string that carries its own parameters, so they can be raised later and old hashes still
 * verify. Imported hashes from an app's own Credentials code — bcrypt (`$2a$`/`$2b$`/`$2y$`) and
 * scrypt in PHC form (`$scrypt$ln=…,r=…,p=…$salt$hash`) — verify too, and are flagged for a rehash
 * to argon2id at that sign-in. Passwords are NFKC-normalised first, so the same password typed on
 * another keyboard (a full-width digit, a composed accent) is the same password.
 */
import { argon2idHash, argon2Verify } from "#argon2";
import { base64urlEncode, randomBytes, timingSafeEqual } from "#crypto";
import { RuntimeSlot } from "../../lib/runtime.js";
import type { ResolvedPasswordProvider } from "../../provider-types.js";
import type { Argon2Params } from "./argon2-params.js";

/** What checking a password against a stored hash found. */
export interface VerifyResult {
  ok: boolean;
  /** The hash is not argon2id with the provider's current parameters (or stronger): replace it. */
  rehash: boolean;
}

/** The form every password is hashed and compared in. */
export function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

/** A new argon2id hash of `password`. */
export function hashPassword(provider: ResolvedPasswordProvider, password: string): Promise<string> {
  return argon2idHash(normalizePassword(password), provider.hash);
}

const ARGON2 = /^\$argon2(id|i|d)\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;
const BCRYPT = /^\$2[aby]\$(\d{2})\$[./A-Za-z0-9]{53}$/;
const SCRYPT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/.]+={0,2})\$([A-Za-z0-9+/.]+={0,2})$/;

/** The argon2 parameters of a PHC string, or `null` when it is not argon2id. */
function argon2idParams(hash: string): Argon2Params | null {
  const match = ARGON2.exec(hash);
  if (match === null || match[1] !== "id") return null;
  return { memoryCost: Number(match[3]), timeCost: Number(match[4]), parallelism: Number(match[5]) };
}

/** Whether a stored hash is weaker than what the provider asks for now. */
function outdated(provider: ResolvedPasswordProvider, hash: string): boolean {
  const params = argon2idParams(hash);
  if (params === null) return true;
  return (
    params.memoryCost < provider.hash.memoryCost ||
    params.timeCost < provider.hash.timeCost ||
    params.parallelism < provider.hash.parallelism
  );
}

function decodeBase64(text: string): Uint8Array | null {
  try {
    const binary = atob(text.replace(/\./g, "+").padEnd(Math.ceil(text.length / 4) * 4, "="));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

async function scryptVerify(hash: string, password: string): Promise<boolean> {
  const match = SCRYPT.exec(hash);
  if (match === null) return false;
  const [, ln, r, p, saltText, keyText] = match;
  const salt = decodeBase64(saltText as string);
  const key = decodeBase64(keyText as string);
  // Bounds an imported hash may not exceed (a hostile row must not cost gigabytes).
  if (salt === null || key === null || key.length < 16 || key.length > 128 || Number(ln) > 20) return false;
  const { scrypt } = await import("hash-wasm");
  const derived = await scrypt({
    password,
    salt,
    costFactor: 2 ** Number(ln),
    blockSize: Number(r),
    parallelism: Number(p),
    hashLength: key.length,
    outputType: "binary",
  });
  return timingSafeEqual(derived, key);
}

/**
 * Checks `password` against a stored hash of any supported kind.
 * @returns whether it matches, and whether the hash should be replaced by a new argon2id one.
 */
export async function verifyPassword(
  provider: ResolvedPasswordProvider,
  stored: string,
  password: string,
): Promise<VerifyResult> {
  const candidate = normalizePassword(password);
  let ok = false;
  if (ARGON2.test(stored)) ok = await argon2Verify(stored, candidate);
  else if (BCRYPT.test(stored)) {
    const { bcryptVerify } = await import("hash-wasm");
    // bcrypt reads at most 72 bytes; longer passwords were cut the same way when hashed.
    ok = await bcryptVerify({ password: candidate, hash: stored }).catch(() => false);
  } else if (SCRYPT.test(stored)) ok = await scryptVerify(stored, candidate);
  return { ok, rehash: ok && outdated(provider, stored) };
}

const DUMMY = new RuntimeSlot("password dummy hashes", () => new Map<ResolvedPasswordProvider, Promise<string>>());

/**
 * Spends the time of one real check when there is no hash to check against (an unknown user),
 * so the answer's timing does not tell whether the account exists.
 */
export async function verifyNothing(
  state: { runtime: { slot<T>(slot: RuntimeSlot<T>): T } },
  provider: ResolvedPasswordProvider,
  password: string,
): Promise<void> {
  const hashes = state.runtime.slot(DUMMY);
  let dummy = hashes.get(provider);
  if (dummy === undefined) {
    dummy = hashPassword(provider, base64urlEncode(randomBytes(18)));
    hashes.set(provider, dummy);
  }
  await verifyPassword(provider, await dummy, password);
}
