// Builds every publishable package: esbuild bundles each `exports`/`imports` entry from src/ into
// dist/ (ESM, shared code split into chunks, dependencies left external), and `tsc -b` has
// already written the declarations beside them. Few files load faster than many: importing the
// bundled core costs a few milliseconds, the unbundled tree about forty.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const PACKAGES = ["packages/core", "packages/gatehouse"];

/** Every `./dist/….js` target named in an exports or imports map. */
function targets(map, out = new Set()) {
  if (typeof map === "string") {
    if (map.startsWith("./dist/") && map.endsWith(".js")) out.add(map);
  } else if (map !== null && typeof map === "object") {
    for (const value of Object.values(map)) targets(value, out);
  }
  return out;
}

for (const dir of PACKAGES) {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const entryPoints = [...targets(pkg.exports), ...targets(pkg.imports ?? {})].map((target) => ({
    in: join(dir, target.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts")),
    out: target.replace(/^\.\/dist\//, "").replace(/\.js$/, ""),
  }));
  const external = [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...Object.keys(pkg.imports ?? {}),
  ].flatMap((name) => [name, `${name}/*`]);
  await build({
    entryPoints,
    outdir: join(dir, "dist"),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    external: [...external, "node:*"],
    chunkNames: "chunks/[name]-[hash]",
    sourcemap: true,
    legalComments: "none",
    logLevel: "warning",
  });
}
