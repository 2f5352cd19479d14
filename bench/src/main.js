// `npm run bench`: Gatehouse beside next-auth@4.24.15 and @auth/core@0.41.3, measured in one run.
// Every figure is the median of several fresh processes, pinned to one core when `taskset` is
// available, with the libraries interleaved so machine noise hits them alike.
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { argon2Timings } from "./argon2.js";
import { bundleSizes } from "./sizes.js";
import { POSTGRES_URL } from "./subjects.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DURATION = Number(process.env.BENCH_MS ?? 1000);
const WORKER = fileURLToPath(new URL("./worker.js", import.meta.url));
const LIBS = ["next-auth", "@auth/core", "gatehouse"];
const VERSIONS = { "next-auth": "4.24.15", "@auth/core": "0.41.3", gatehouse: "workspace" };

const pinned = spawnSync("taskset", ["-c", "0", "true"]).status === 0;
const launcher = (args) => (pinned ? ["taskset", ["-c", "1", process.execPath, ...args]] : [process.execPath, args]);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(lib, caseName) {
  const [command, args] = launcher([WORKER, lib, caseName, String(DURATION)]);
  const out = execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(out).opsPerSecond;
}

/** Wall time of `node -e "await import(x)"` minus bare node, median of runs. */
function importCost(specifier) {
  const time = (code) => {
    const [command, args] = launcher(["--input-type=module", "-e", code]);
    const start = process.hrtime.bigint();
    execFileSync(command, args, { cwd: fileURLToPath(new URL("..", import.meta.url)), stdio: "ignore" });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const bare = [];
  const loaded = [];
  for (let i = 0; i < ROUNDS * 2; i++) {
    bare.push(time("0"));
    loaded.push(time(`await import(${JSON.stringify(specifier)})`));
  }
  return median(loaded) - median(bare);
}

const CASES = [
  { id: "decode", label: "session token decode, ops/s", goal: "≥ 100k", better: "higher" },
  { id: "encode", label: "session token encode, ops/s", goal: "≥ 80k", better: "higher" },
  { id: "session", label: "GET /session in-process, req/s", goal: "≥ 40k", better: "higher" },
  // Database sessions: the same adapter (Gatehouse's) under all three; one query per check.
  { id: "session-sqlite", label: "GET /session, database sessions, SQLite file, req/s", goal: "—", better: "higher" },
  {
    id: "session-postgres",
    label: "GET /session, database sessions, PostgreSQL, req/s",
    goal: "—",
    better: "higher",
    needs: "postgres",
  },
];

// A case whose database is not here is left out with one line, not failed.
async function postgresAnswers() {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    console.error(`PostgreSQL at ${POSTGRES_URL} did not answer (${error.message}): its row is left out.`);
    return false;
  }
}
const available = { postgres: await postgresAnswers() };
const cases = CASES.filter((entry) => entry.needs === undefined || available[entry.needs]);

const results = {};
const total = cases.length * LIBS.length * ROUNDS;
let done = 0;
for (const { id } of cases) {
  results[id] = Object.fromEntries(LIBS.map((lib) => [lib, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const lib of LIBS) {
      results[id][lib].push(measure(lib, id));
      process.stderr.write(`\r  measuring… ${++done}/${total}`);
    }
  }
}
process.stderr.write("\r  measuring import cost…      ");
const imports = {
  "next-auth": importCost("next-auth"),
  "@auth/core": importCost("@auth/core"),
  gatehouse: importCost("@gatehouse/core"),
};
process.stderr.write("\r  measuring bundle sizes…      ");
const sizes = await bundleSizes();
process.stderr.write("\r  measuring argon2id…          ");
const argon2 = await argon2Timings(Math.max(5, ROUNDS * 2));
process.stderr.write("\r" + " ".repeat(40) + "\r");

const k = (n) => (n >= 10_000 ? `${(n / 1000).toFixed(1)}k` : n.toFixed(0));
const rows = cases.map(({ id, label, goal }) => {
  const m = Object.fromEntries(LIBS.map((lib) => [lib, median(results[id][lib])]));
  return [
    label,
    k(m["next-auth"]),
    k(m["@auth/core"]),
    k(m.gatehouse),
    goal,
    `${(m.gatehouse / m["next-auth"]).toFixed(1)}×`,
  ];
});
rows.push([
  "server import cost over bare node, ms",
  `+${imports["next-auth"].toFixed(0)}`,
  `+${imports["@auth/core"].toFixed(0)}`,
  `+${imports.gatehouse.toFixed(0)}`,
  "≤ +20",
  `${(imports["next-auth"] / Math.max(imports.gatehouse, 0.1)).toFixed(1)}× less`,
]);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
rows.push([
  "client bundle (/react), min+gzip",
  kb(sizes.client["next-auth"]),
  "—",
  kb(sizes.client.gatehouse),
  "≤ 3 KB",
  `${(sizes.client["next-auth"] / sizes.client.gatehouse).toFixed(1)}× smaller`,
]);
rows.push([
  "edge middleware bundle (getToken), min+gzip",
  kb(sizes.edge["next-auth"]),
  "—",
  kb(sizes.edge.gatehouse),
  "≤ 6 KB",
  `${(sizes.edge["next-auth"] / sizes.edge.gatehouse).toFixed(1)}× smaller`,
]);

const header = [
  "figure",
  `next-auth ${VERSIONS["next-auth"]}`,
  `@auth/core ${VERSIONS["@auth/core"]}`,
  "Gatehouse",
  "goal",
  "vs next-auth",
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
console.log(
  `\nGatehouse benchmark — Node ${process.version}, ${pinned ? "pinned to one core (taskset -c 1)" : "not pinned (no taskset)"}, median of ${ROUNDS} runs of ${DURATION} ms each\n`,
);
console.log(line(header));
console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
for (const row of rows) console.log(line(row));
console.log(
  "\nGET /session: one prepared Request handled repeatedly, the answer checked once outside the timing. next-auth's core returns\n" +
    "an internal object that its Next.js adapter turns into a Response afterwards; that step is not counted, which flatters it slightly.\n" +
    "Database sessions: next-auth and Auth.js refuse credentials with database sessions, so they get an OAuth provider (unused by\n" +
    "/session); all three read through Gatehouse's SQL adapter, Gatehouse with the token hashed (SHA-256) before the lookup.",
);
console.log(
  `\nPassword hashing (the Password provider), argon2id m=19456 KiB t=2 p=1, median ms per hash (lower is better):\n` +
    `| package | ms per hash | used on |\n| --- | --- | --- |\n` +
    `| @node-rs/argon2 (native) | ${argon2["@node-rs/argon2"].toFixed(1)} | Node.js |\n` +
    `| hash-wasm (WebAssembly) | ${argon2["hash-wasm"].toFixed(1)} | every other runtime (Edge, Bun, Deno) |`,
);
