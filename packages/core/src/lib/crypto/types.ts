/**
 * The byte-level primitives Gatehouse needs, implemented twice with identical results: on
 * WebCrypto for every runtime (`web.ts`) and on `node:crypto` where it is measurably faster
 * (`node.ts`, picked by the `node` condition of the `#crypto` import). Tests run both.
 */

/** An AES-256-GCM key in the runtime's native form; opaque outside this folder. */
export interface AesKey {
  readonly __brand: "AesKey";
}

/** AES-GCM output, split the way JWE serializes it. */
export interface Sealed {
  ciphertext: Uint8Array;
  tag: Uint8Array;
}
