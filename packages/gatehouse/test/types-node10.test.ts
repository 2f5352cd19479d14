// Types under TypeScript's `moduleResolution: "node"` (node10), which reads no `exports` map: Next
// 12 forces it on every app, and many next-auth v4 apps' tsconfigs still say it. The packages'
// `typesVersions` lead it to the same declarations `exports` names (run after `npm run build`).
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const packagesDir = join(here, "../..");

/** Every specifier an app can import from the published packages (a pattern by one instance). */
function specifiers(): string[] {
  const out: string[] = [];
  for (const folder of readdirSync(packagesDir)) {
    const pkg = JSON.parse(readFileSync(join(packagesDir, folder, "package.json"), "utf8")) as {
      name: string;
      exports: Record<string, unknown>;
    };
    for (const subpath of Object.keys(pkg.exports)) {
      if (subpath === "./package.json") continue;
      const name = subpath === "." ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
      out.push(name.replace("*", pkg.name === "gatehouse" || pkg.name === "@gatehouse/core" ? "google" : "x"));
    }
  }
  return out.filter((name) => !name.endsWith("/x"));
}

function resolveAll(moduleResolution: ts.ModuleResolutionKind): Map<string, string | undefined> {
  const options: ts.CompilerOptions = {
    moduleResolution,
    module: ts.ModuleKind.ESNext,
    ignoreDeprecations: "6.0",
  };
  const host = ts.createCompilerHost(options);
  const from = join(here, "app.ts");
  const found = new Map<string, string | undefined>();
  for (const specifier of specifiers()) {
    const { resolvedModule } = ts.resolveModuleName(specifier, from, options, host);
    found.set(specifier, resolvedModule?.resolvedFileName);
  }
  return found;
}

describe('moduleResolution: "node"', () => {
  it("finds the declarations of every export of every package, the same files as with exports maps", () => {
    // Deprecated in TypeScript 6, and still what Next 12 and many v4 apps' tsconfigs use.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const node10 = resolveAll(ts.ModuleResolutionKind.Node10);
    const bundler = resolveAll(ts.ModuleResolutionKind.Bundler);
    expect(node10.size).toBeGreaterThan(20);
    expect(node10.get("gatehouse")).toMatch(/packages\/gatehouse\/dist\/index\.d\.ts$/);
    expect(node10.get("gatehouse/react")).toMatch(/packages\/gatehouse\/dist\/react\/index\.d\.ts$/);
    for (const [specifier, file] of node10) {
      expect(file, specifier).toMatch(/\.d\.ts$/);
      expect(file, specifier).toBe(bundler.get(specifier));
    }
  });
});
