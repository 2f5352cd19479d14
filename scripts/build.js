// Builds every publishable package: esbuild bundles each `exports`/`imports` entry from src/ into
// dist/ (ESM, shared code split into chunks, dependencies left external), and `tsc -b` has
// already written the declarations beside them. Few files load faster than many: importing the
// bundled core costs a few milliseconds, the unbundled tree about forty.
//
// Every entry is an ES module, the server ones included. A pages-router server loads the package
// from node_modules with Node, and Next picks the loader by the file: require() for CommonJS,
// import() for ES modules. A CommonJS entry would require() the ES-module core while another
// route's import() of `gatehouse/react` or a provider is still loading the same files, and Node
// 20's require(esm) then fails for good ("Cannot read properties of undefined (reading
// 'getStatus')"). So no file here is CommonJS, and `next/*` is imported fully specified
// (`next/headers.js`): Node's ESM loader finds no bare `next/headers` (Next has no exports map),
// and Next's bundlers alias the `.js` form as they do the bare one.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { chmodSync, readFileSync, readdirSync } from "node:fs";
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
 * Every `./dist/….js` target named in an exports or imports map; a `*` pattern
 * (`./dist/providers/*.js`) stands for every matching source file.
 */
function targets(dir, map, out = new Set()) {
  if (typeof map === "string") {
    if (!map.startsWith("./dist/") || !map.endsWith(".js")) return out;
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
  return join(dir, target.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts"));
}

// Unpublished workspaces whose tests import generated code: the compatibility suite's Prisma client.
for (const dir of ["compat/adapters"])
  execFileSync("npm", ["run", "--silent", "generate"], { cwd: dir, stdio: "inherit" });

for (const dir of PACKAGES) {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  // Generated sources are not committed: the Prisma adapter's tests import Prisma clients.
  if (pkg.scripts?.generate !== undefined)
    execFileSync("npm", ["run", "--silent", "generate"], { cwd: dir, stdio: "inherit" });
  const bin = [...targets(dir, pkg.bin ?? {})];
  const entries = [...targets(dir, pkg.exports), ...targets(dir, pkg.imports ?? {}), ...bin];
  const external = [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...Object.keys(pkg.imports ?? {}),
  ]
    .flatMap((name) => [name, `${name}/*`])
    .concat("node:*");
  await build({
    entryPoints: entries.map((target) => ({ in: source(dir, target), out: target.slice(7, -3) })),
    outdir: join(dir, "dist"),
    bundle: true,
    platform: "neutral",
    target: "es2022",
    external,
    sourcemap: true,
    legalComments: "none",
    logLevel: "warning",
    splitting: true,
    format: "esm",
    chunkNames: "chunks/[name]-[hash]",
  });

  // Command-line entries must be executable (npm links them before the first build exists).
  for (const target of bin) chmodSync(join(dir, target), 0o755);
}
