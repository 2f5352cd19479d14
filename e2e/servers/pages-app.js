// The drop-in test: `npm pack` the packages, install the tarballs into the pages-router example
// in a directory outside the repository (so no workspace link can help), build it and serve it.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { E2E_SECRET, root, run, serve } from "./common.js";

const port = Number(process.env.PAGES_PORT ?? 3211);
const work = join(tmpdir(), "gatehouse-e2e");
const app = join(work, "pages-app");
const packs = join(work, "packs");

rmSync(packs, { recursive: true, force: true });
mkdirSync(packs, { recursive: true });
// gatehouse and the packages it depends on (the embedded SQLite adapter comes with it).
const packages = {
  __GATEHOUSE_CORE__: ["packages/core", "gatehouse-core-"],
  __GATEHOUSE_ADAPTER_SQL__: ["packages/adapter-sql", "gatehouse-adapter-sql-"],
  __GATEHOUSE_ADAPTER_SQLITE__: ["packages/adapter-sqlite", "gatehouse-adapter-sqlite-"],
  __GATEHOUSE__: ["packages/gatehouse", "gatehouse-0"],
};
const tarballs = {};
for (const [placeholder, [pkg, prefix]] of Object.entries(packages)) {
  run(`npm pack ${pkg}`, "npm", ["pack", "--pack-destination", packs, "--silent"], { cwd: join(root, pkg) });
  tarballs[placeholder] = join(packs, readdirSync(packs).find((name) => name.startsWith(prefix)) ?? "");
  if (!existsSync(tarballs[placeholder])) throw new Error(`[e2e] npm pack produced ${readdirSync(packs).join(", ")}`);
}

// Keep an earlier install's node_modules (next, react) but replace the app and our packages.
for (const entry of existsSync(app) ? readdirSync(app) : []) {
  if (entry !== "node_modules") rmSync(join(app, entry), { recursive: true, force: true });
}
rmSync(join(app, "node_modules", "next-auth"), { recursive: true, force: true });
rmSync(join(app, "node_modules", "@gatehouse"), { recursive: true, force: true });
cpSync(join(root, "e2e/pages-app"), app, { recursive: true });
let manifest = readFileSync(join(app, "package.json"), "utf8");
for (const [placeholder, file] of Object.entries(tarballs))
  manifest = manifest.replace(`"${placeholder}"`, `"file:${file}"`);
writeFileSync(join(app, "package.json"), manifest);

run(
  "npm install (the packed tarballs, outside the repository)",
  "npm",
  ["install", "--no-audit", "--no-fund", "--no-package-lock"],
  { cwd: app },
);
const env = { NEXTAUTH_SECRET: E2E_SECRET, NEXTAUTH_URL: `http://127.0.0.1:${port}` };
const nextBin = join(app, "node_modules/next/dist/bin/next");
run("building the pages-router example", process.execPath, [nextBin, "build"], { cwd: app, env });
serve(app, nextBin, port, env);
