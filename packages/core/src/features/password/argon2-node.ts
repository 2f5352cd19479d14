/**
 * Argon2id on Node.js: `@node-rs/argon2`'s native binary (prebuilt per platform, installed from
 * npm with no download step), loaded only when a password is hashed. Picked by the `node`
 * condition of the `#argon2` import; `argon2-web.ts` is the same function on WebAssembly, and the
 * two read each other's PHC strings. Where the binary cannot load (an unsupported platform), the
 * WebAssembly one takes over.
 */
import type * as Argon2Module from "@node-rs/argon2";
import type { Argon2Params } from "./argon2-params.js";
import * as wasm from "./argon2-web.js";

export type { Argon2Params } from "./argon2-params.js";

type NodeArgon2 = typeof Argon2Module;

/** The native module, or `null` where it cannot load (the module system keeps it loaded once). */
function load(): Promise<NodeArgon2 | null> {
  return import("@node-rs/argon2").catch(() => null);
}

/** Hashes `password` with a new 16-byte salt; resolves with the PHC string. */
export async function argon2idHash(password: string, params: Argon2Params): Promise<string> {
  const argon2 = await load();
  if (argon2 === null) return wasm.argon2idHash(password, params);
  return argon2.hash(password, {
    // Algorithm.Argon2id: a const enum, which isolatedModules cannot import.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- its value, 2
    algorithm: 2,
    memoryCost: params.memoryCost,
    timeCost: params.timeCost,
    parallelism: params.parallelism,
    outputLen: 32,
  });
}

/** Whether `password` matches the argon2 PHC string `hash` (in constant time). */
export async function argon2Verify(hash: string, password: string): Promise<boolean> {
  const argon2 = await load();
  if (argon2 === null) return wasm.argon2Verify(hash, password);
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Which implementation this is (for logs and the benchmark). */
export const ARGON2_IMPLEMENTATION: string = "@node-rs/argon2";
