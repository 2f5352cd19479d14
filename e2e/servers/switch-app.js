// The switching test: a next-auth v4 app (e2e/switch-app, seed 001: EmailProvider, PrismaAdapter
// from @next-auth/prisma-adapter on PostgreSQL), installed as its users have it, then switched to
// Gatehouse with exactly the README's two steps —
//
//   npx gatehouse switch
//   npm install
//
// — against a loopback registry that serves our `npm pack` tarballs under their published names
// (e2e/servers/local-registry.js; everything else comes from the real registry). Then the app's
// own steps (prisma generate; tables with SQL, as `prisma migrate` cannot run here), `next build`,
// and `next start` for e2e/tests/switch-app.spec.ts to sign in with a browser.
//
// Reused between runs, where it is honest: the app folder's node_modules (the v4 install then
// only brings next-auth back to 4.24.15) and npm's cache. Every run starts from an installed v4
// app and the freshly packed packages.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { E2E_SECRET, freshPostgresDatabase, root, run, serve } from "./common.js";
import { startRegistry } from "./local-registry.js";

const port = Number(process.env.SWITCH_PORT ?? 3214);
const work = join(tmpdir(), "gatehouse-e2e");
const app = join(work, "switch-app");
const packs = join(work, "switch-packs");
const timings = [];

/** Runs a step with its output, without blocking this process (the registry answers from it). */
async function step(title, command, args, options = {}) {
  process.stdout.write(`[e2e] ${title}\n`);
  const started = Date.now();
  const code = await new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: "inherit",
      ...options,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env },
    });
    child.on("error", reject);
    child.on("exit", (exitCode, signal) => resolve(exitCode ?? signal));
  });
  if (code !== 0) throw new Error(`[e2e] ${title} failed (exit ${code})`);
  timings.push(`${title.split(" (")[0]} ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

// gatehouse and the packages it depends on, packed as they would be published.
rmSync(packs, { recursive: true, force: true });
mkdirSync(packs, { recursive: true });
for (const pkg of ["packages/core", "packages/adapter-sql", "packages/adapter-sqlite", "packages/gatehouse"])
  run(`npm pack ${pkg}`, "npm", ["pack", "--pack-destination", packs, "--silent"], { cwd: join(root, pkg) });
const registry = await startRegistry(packs);
process.stdout.write(`[e2e] registry ${registry.url}: ${registry.names.join(", ")} from tarballs, the rest upstream\n`);
// The users' npm: our registry; `npx` installs without asking (this machine's npmrc says yes=false).
const npmEnv = { npm_config_registry: registry.url, npm_config_yes: "true", npm_config_update_notifier: "false" };

// The v4 app as its users have it: the code, and `npm install` of next-auth 4.
for (const entry of existsSync(app) ? readdirSync(app) : [])
  if (entry !== "node_modules") rmSync(join(app, entry), { recursive: true, force: true });
cpSync(join(root, "e2e/switch-app"), app, { recursive: true });
await step("npm install (the next-auth v4 app, before switching)", "npm", ["install"], { cwd: app, env: npmEnv });
const before = JSON.parse(readFileSync(join(app, "node_modules/next-auth/package.json"), "utf8"));
if (before.name !== "next-auth" || before.version !== "4.24.15")
  throw new Error(`[e2e] the v4 app has ${before.name}@${before.version}, not next-auth@4.24.15`);

// npx keeps what it installed per package name: a gatehouse@0.1.0 from an earlier run's tarball
// would be reused. Drop those entries (only those) so this run's CLI is the one that runs.
const npxCache = join(execFileSync("npm", ["config", "get", "cache"], { encoding: "utf8" }).trim(), "_npx");
for (const entry of existsSync(npxCache) ? readdirSync(npxCache) : []) {
  const manifest = join(npxCache, entry, "package.json");
  if (existsSync(manifest) && "gatehouse" in (JSON.parse(readFileSync(manifest, "utf8")).dependencies ?? {}))
    rmSync(join(npxCache, entry), { recursive: true, force: true });
}

// The README's two steps, exactly.
await step("npx gatehouse switch (README step 1)", "npx", ["gatehouse", "switch"], { cwd: app, env: npmEnv });
await step("npm install (README step 2)", "npm", ["install"], { cwd: app, env: npmEnv });
await step("npm ls: a valid tree, next-auth is Gatehouse for the adapter too", "npm", ["ls", "next-auth"], {
  cwd: app,
  env: npmEnv,
});
const after = JSON.parse(readFileSync(join(app, "node_modules/next-auth/package.json"), "utf8"));
if (after.name !== "gatehouse") throw new Error(`[e2e] after switching, next-auth is ${after.name}@${after.version}`);
await registry.close();

// The app's own database steps: the Prisma client, and the tables `prisma migrate` would make.
await step("prisma generate", process.execPath, [join(app, "node_modules/prisma/build/index.js"), "generate"], {
  cwd: app,
  env: { PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", CHECKPOINT_DISABLE: "1" },
});
// A database of its own (Prisma names tables with their schema, `public`), made afresh each run.
const databaseUrl = new URL(await freshPostgresDatabase("switch_app"));
const tables = new pg.Client({ connectionString: databaseUrl.href });
await tables.connect();
// The same migration the compatibility suite uses for seed 001's schema.
await tables.query(readFileSync(join(root, "compat/adapters/prisma/migration.sql"), "utf8"));
await tables.end();

const env = {
  NEXTAUTH_SECRET: E2E_SECRET,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  DATABASE_URL: databaseUrl.href,
  EMAIL_SERVER: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? 3325}`,
  EMAIL_FROM: "My App <login@my-app.test>",
};
const nextBin = join(app, "node_modules/next/dist/bin/next");
await step("next build (the switched app)", process.execPath, [nextBin, "build"], { cwd: app, env });
process.stdout.write(`[e2e] switch-app timings: ${timings.join(", ")}\n`);
serve(app, nextBin, port, env);
