/**
 * Argon2id on every runtime: `hash-wasm` (WebAssembly, no native code), loaded only when a
 * password is hashed. The `node` condition of the `#argon2` import swaps in `argon2-node.ts`, the
 * same function on `@node-rs/argon2`'s native binary. Both write and read PHC strings
 * (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), so a hash made by one verifies with the other.
 */
import { randomBytes } from "#crypto";
import type { Argon2Params } from "./argon2-params.js";

export type { Argon2Params } from "./argon2-params.js";

/** Hashes `password` with a new 16-byte salt; resolves with the PHC string. */
export async function argon2idHash(password: string, params: Argon2Params): Promise<string> {
  const { argon2id } = await import("hash-wasm");
  return argon2id({
    password,
    salt: randomBytes(16),
    memorySize: params.memoryCost,
    iterations: params.timeCost,
    parallelism: params.parallelism,
    hashLength: 32,
    outputType: "encoded",
  });
}

/** Whether `password` matches the argon2 PHC string `hash` (in constant time). */
export async function argon2Verify(hash: string, password: string): Promise<boolean> {
  const { argon2Verify: verify } = await import("hash-wasm");
  try {
    return await verify({ password, hash });
  } catch {
    return false;
  }
}

/** Which implementation this is (for logs and the benchmark). */
export const ARGON2_IMPLEMENTATION: string = "hash-wasm";
