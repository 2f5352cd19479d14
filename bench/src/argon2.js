// Password hashing for `npm run bench`: one argon2id hash with Gatehouse's default parameters
// (OWASP: m=19456 KiB, t=2, p=1) on the two packages Gatehouse can use — @node-rs/argon2 (native,
// what Node.js runs) and hash-wasm (WebAssembly, what every other runtime runs) — as the median
// milliseconds of several hashes each, interleaved. Each hash also verifies with the other
// package, so the two are measured doing the same work.
import { hash as nativeHash, verify as nativeVerify } from "@node-rs/argon2";
import { argon2id, argon2Verify } from "hash-wasm";
import { randomBytes } from "node:crypto";

const PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(work) {
  const start = process.hrtime.bigint();
  const out = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, out };
}

/** Median milliseconds per argon2id hash for each package, `rounds` hashes each. */
export async function argon2Timings(rounds) {
  const password = "correct horse battery staple";
  const native = [];
  const wasm = [];
  for (let round = 0; round < rounds; round++) {
    const a = await timed(() => nativeHash(password, { algorithm: 2, ...PARAMS, outputLen: 32 }));
    native.push(a.ms);
    const b = await timed(() =>
      argon2id({
        password,
        salt: randomBytes(16),
        memorySize: PARAMS.memoryCost,
        iterations: PARAMS.timeCost,
        parallelism: PARAMS.parallelism,
        hashLength: 32,
        outputType: "encoded",
      }),
    );
    wasm.push(b.ms);
    if (!(await argon2Verify({ password, hash: a.out })) || !(await nativeVerify(b.out, password))) {
      throw new Error("argon2 hashes of one package do not verify with the other");
    }
  }
  return { "@node-rs/argon2": median(native), "hash-wasm": median(wasm) };
}
