// The v4 fixture (e2e/v4-app): a next-auth v4 app importing every v4 provider module,
// `next-auth/next`, `getServerSession(...args, config)`, and minting test cookies with
// `encode()`. From the packed tarballs, outside the repository, it installs with plain
// `npm install`, builds (`next build` type-checks it too) and serves for e2e/tests/v4-app.spec.ts
// on one of the Next versions next-auth 4.24.15 accepts:
//   node servers/v4-app.js       Next 16 (the fixture's own versions; turbopack), port 3217
//   node servers/v4-app.js 15    Next 15.5 (webpack), port 3221
//   node servers/v4-app.js 14    Next 14.2 with React 18 (webpack), port 3220
//   node servers/v4-app.js 13    Next 13.5 with React 18 (webpack), port 3218
//   node servers/v4-app.js 12    Next 12.3 with React 18 and TypeScript 4.9 (webpack; `next build`
//                                type-checks with `moduleResolution: "node"`, which Next 12 forces,
//                                and its middleware sees the environment only as inlined at build)
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { E2E_SECRET, root, run, serve } from "./common.js";

const VERSIONS = {
  16: { port: 3217, folder: "v4-app", versions: {} },
  15: { port: 3221, folder: "v4-app-next15", versions: { next: "15.5.29" } },
  14: {
    port: 3220,
    folder: "v4-app-next14",
    versions: { next: "14.2.35", react: "18.2.0", "react-dom": "18.2.0", "@types/react": "18.2.79" },
  },
  13: {
    port: 3218,
    folder: "v4-app-next13",
    versions: { next: "13.5.11", react: "18.2.0", "react-dom": "18.2.0", "@types/react": "18.2.79" },
  },
  12: {
    port: 3219,
    folder: "v4-app-next12",
    versions: {
      next: "12.3.4",
      react: "18.2.0",
      "react-dom": "18.2.0",
      "@types/react": "18.2.79",
      typescript: "4.9.5",
    },
    // What a Next 12 app has instead: Next 12's compiler predates `satisfies`, which the fixture's
    // auth.ts uses as next-auth's example app does (there: the type assertion a Next 12 app would
    // write), and TypeScript 4.9 predates `moduleResolution: "bundler"` (Next 12 writes "node").
    sources: {
      "auth.ts": (text) => text.replace("} satisfies NextAuthOptions;", "} as NextAuthOptions;"),
      "tsconfig.json": (text) => text.replace('"moduleResolution": "bundler"', '"moduleResolution": "node"'),
    },
  },
};
const major = process.argv[2] ?? "16";
const target = VERSIONS[major];
if (target === undefined)
  throw new Error(`[e2e] no v4 fixture setup for Next ${major} (have ${Object.keys(VERSIONS)})`);
const port = target.port;
const work = join(tmpdir(), "gatehouse-e2e");
const app = join(work, target.folder);
const packs = join(work, `${target.folder}-packs`);

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

/** The fixture's package.json with the tarballs in and this Next version's packages. */
function manifest() {
  let text = readFileSync(join(root, "e2e/v4-app/package.json"), "utf8");
  for (const [placeholder, file] of Object.entries(tarballs)) text = text.replace(`"${placeholder}"`, `"file:${file}"`);
  const pkg = JSON.parse(text);
  for (const [name, version] of Object.entries(target.versions)) {
    if (name in pkg.dependencies) pkg.dependencies[name] = version;
    else pkg.devDependencies[name] = version;
  }
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

// An earlier install's node_modules is kept (not our packages).
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
for (const [file, change] of Object.entries(target.sources ?? {})) {
  const text = readFileSync(join(app, file), "utf8");
  const changed = change(text);
  if (changed === text) throw new Error(`[e2e] ${file}: the change for Next ${major} no longer applies`);
  writeFileSync(join(app, file), changed);
}
run(
  `npm install (the v4 fixture on Next ${major})`,
  "npm",
  ["install", "--no-audit", "--no-fund", "--no-package-lock"],
  {
    cwd: app,
  },
);
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
run(`building the v4 fixture on Next ${major} (next build type-checks it)`, process.execPath, [nextBin, "build"], {
  cwd: app,
  env,
});
serve(app, nextBin, port, env);
