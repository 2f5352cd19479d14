// Builds every publishable package: esbuild bundles each `exports`/`imports` entry from src/ into
// dist/ (ESM, shared code split into chunks, dependencies left external), and `tsc -b` has
// already written the declarations beside them. Few files load faster than many: importing the
// bundled core costs a few milliseconds, the unbundled tree about forty.
//
// The server entries the pages router may load from node_modules at run time (`gatehouse`,
// `gatehouse/next`) are CommonJS (`.cjs`), as next-auth's are: Next's bundler must see the bare
// specifiers `next/headers`, `next/server`, `next/navigation` (it aliases them), while Node's own
// ESM loader cannot resolve those without an extension — `require()` can. Middleware is always
// bundled by Next, so `gatehouse/middleware` stays ESM.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { chmodSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const PACKAGES = [
  "packages/core",
  "packages/adapter-sql",
  "packages/adapter-sqlite",
  "packages/adapter-postgres",
  "packages/adapter-mysql",
  "packages/adapter-redis",
  "packages/adapter-prisma",
  "packages/adapter-test",
  "packages/gatehouse",
];

/**
 * Every `./dist/….js` / `.cjs` target named in an exports or imports map; a `*` pattern
 * (`./dist/providers/*.js`) stands for every matching source file.
 */
function targets(dir, map, out = new Set()) {
  if (typeof map === "string") {
    if (!map.startsWith("./dist/") || !/\.c?js$/.test(map)) return out;
    if (!map.includes("*")) {
      out.add(map);
      return out;
    }
    const [prefix, suffix] = map.split("*");
    const folder = join(dir, prefix.replace(/^\.\/dist\//, "src/"));
    for (const file of readdirSync(folder)) {
      if (file.endsWith(".ts") && !file.endsWith(".d.ts")) out.add(`${prefix}${file.slice(0, -3)}${suffix}`);
    }
  } else if (map !== null && typeof map === "object") {
    for (const value of Object.values(map)) targets(dir, value, out);
  }
  return out;
}

function source(dir, target) {
  return join(dir, target.replace(/^\.\/dist\//, "src/").replace(/\.c?js$/, ".ts"));
}

// Unpublished workspaces whose tests import generated code: the compatibility suite's Prisma client.
for (const dir of ["compat/adapters"])
  execFileSync("npm", ["run", "--silent", "generate"], { cwd: dir, stdio: "inherit" });

for (const dir of PACKAGES) {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  // Generated sources are not committed: the Prisma adapter's tests import Prisma clients.
  if (pkg.scripts?.generate !== undefined)
    execFileSync("npm", ["run", "--silent", "generate"], { cwd: dir, stdio: "inherit" });
  const all = [...targets(dir, pkg.exports), ...targets(dir, pkg.imports ?? {}), ...targets(dir, pkg.bin ?? {})];
  const external = [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...Object.keys(pkg.imports ?? {}),
  ]
    .flatMap((name) => [name, `${name}/*`])
    .concat("node:*");
  const common = {
    outdir: join(dir, "dist"),
    bundle: true,
    platform: "neutral",
    target: "es2022",
    external,
    sourcemap: true,
    legalComments: "none",
    logLevel: "warning",
  };

  const esm = all.filter((target) => target.endsWith(".js"));
  await build({
    ...common,
    entryPoints: esm.map((target) => ({ in: source(dir, target), out: target.slice(7, -3) })),
    splitting: true,
    format: "esm",
    chunkNames: "chunks/[name]-[hash]",
  });

  // Command-line entries must be executable (npm links them before the first build exists).
  for (const target of targets(dir, pkg.bin ?? {})) chmodSync(join(dir, target), 0o755);

  // CommonJS entries: `index.cjs` holds the server code; the others re-export from it so every
  // entry shares one set of auth instances (and their in-memory stores).
  const cjs = all.filter((target) => target.endsWith(".cjs"));
  const shared = cjs.find((target) => target === "./dist/index.cjs");
  for (const target of cjs) {
    const reexport = pkg.gatehouse?.cjsReexports?.[target];
    if (shared !== undefined && reexport !== undefined) {
      const lines = reexport.map((name) => `exports.${name} = index.${name};`);
      // `__esModule`: bundlers then hand `import X from` the `default` export, as they do for index.cjs.
      const marker = reexport.includes("default")
        ? 'Object.defineProperty(exports, "__esModule", { value: true });\n'
        : "";
      writeFileSync(
        join(dir, target),
        `"use strict";\n${marker}const index = require("./index.cjs");\n${lines.join("\n")}\n`,
      );
      continue;
    }
    await build({
      ...common,
      entryPoints: [{ in: source(dir, target), out: target.slice(7, -4) }],
      outExtension: { ".js": ".cjs" },
      format: "cjs",
      // "node" makes esbuild annotate the exports so Node's ESM loader can name them too.
      platform: "node",
    });
    // `next/*` loaded on first use (`await import("next/headers")`) must be a `require` here: a
    // pages-router server loads this file with Node, whose ESM loader finds no `next/headers`
    // (Next has no exports map), while `require` does; Next's bundler aliases either.
    const file = join(dir, "dist", `${target.slice(7, -4)}.cjs`);
    const code = readFileSync(file, "utf8");
    const lazyNext = /\bimport\("(next\/[a-z-]+)"\)/g;
    if (lazyNext.test(code)) writeFileSync(file, code.replace(lazyNext, 'Promise.resolve(require("$1"))'));
  }
}
