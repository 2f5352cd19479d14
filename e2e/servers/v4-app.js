// The v4 fixture (e2e/v4-app): a next-auth v4 app importing every v4 provider module,
// `next-auth/next`, `getServerSession(...args, config)`, and minting test cookies with
// `encode()`. From the packed tarballs, outside the repository:
//   1. it installs beside Next 13 with plain `npm install` (resolved with `--dry-run`: a
//      peer-range conflict is an ERESOLVE there, and nothing is downloaded; the peer ranges
//      themselves — Next 12.2.5+ too — are compared with next-auth's by a unit test);
//   2. it installs, builds (`next build` type-checks it too) and serves on Next 16 for
//      e2e/tests/v4-app.spec.ts.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { E2E_SECRET, root, run, serve } from "./common.js";

const port = Number(process.env.V4_APP_PORT ?? 3217);
const work = join(tmpdir(), "gatehouse-e2e");
const app = join(work, "v4-app");
const packs = join(work, "v4-packs");

rmSync(packs, { recursive: true, force: true });
mkdirSync(packs, { recursive: true });
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

/** The fixture's package.json with the tarballs in, and `change` applied to its dependencies. */
function manifest(change = (deps) => deps) {
  let text = readFileSync(join(root, "e2e/v4-app/package.json"), "utf8");
  for (const [placeholder, file] of Object.entries(tarballs)) text = text.replace(`"${placeholder}"`, `"file:${file}"`);
  const pkg = JSON.parse(text);
  pkg.dependencies = change(pkg.dependencies);
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

// 1. An older Next that next-auth 4.24.15 accepts: the peer ranges must let npm resolve.
for (const [next, react] of [["13.5.11", "18.2.0"]]) {
  const dir = join(work, `v4-app-next${next.split(".")[0]}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    manifest((deps) => ({ ...deps, next, react, "react-dom": react })),
  );
  run(
    `npm install with next@${next} (dry run: no ERESOLVE)`,
    "npm",
    ["install", "--dry-run", "--no-audit", "--no-fund"],
    {
      cwd: dir,
    },
  );
}

// 2. Next 16: install, build, serve. An earlier install's node_modules is kept (not our packages).
for (const entry of existsSync(app) ? readdirSync(app) : []) {
  if (entry !== "node_modules") rmSync(join(app, entry), { recursive: true, force: true });
}
rmSync(join(app, "node_modules", "next-auth"), { recursive: true, force: true });
rmSync(join(app, "node_modules", "@gatehouse"), { recursive: true, force: true });
cpSync(join(root, "e2e/v4-app"), app, {
  recursive: true,
  filter: (source) => !source.includes("node_modules") && !source.endsWith("tsconfig.check.json"),
});
writeFileSync(join(app, "package.json"), manifest());
run("npm install (the v4 fixture on Next 16)", "npm", ["install", "--no-audit", "--no-fund", "--no-package-lock"], {
  cwd: app,
});
// A few providers get their env vars, as a deployment sets them; the rest have none and so turn
// off only themselves.
const env = {
  NEXTAUTH_SECRET: E2E_SECRET,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  GITHUB_ID: "github-id",
  GITHUB_SECRET: "github-secret",
  GOOGLE_ID: "google-id",
  GOOGLE_SECRET: "google-secret",
  TWITTER_ID: "twitter-id",
  TWITTER_SECRET: "twitter-secret",
};
const nextBin = join(app, "node_modules/next/dist/bin/next");
run("building the v4 fixture (next build type-checks it)", process.execPath, [nextBin, "build"], { cwd: app, env });
serve(app, nextBin, port, env);
