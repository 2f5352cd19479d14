// How a pages-router server loads this package (run after `npm run build`): Next leaves node_modules
// packages to Node and picks the loader by the file it resolves — require() for CommonJS, import()
// for ES modules — and loads the routes' modules concurrently. When `next-auth` was a CommonJS
// entry that require()d the ES-module core, a route's require("next-auth") landing while another
// route's import("next-auth/react") was still reading the same core files made Node 20's
// require(esm) throw "Cannot read properties of undefined (reading 'getStatus')", and every request
// after it failed (CI, 2026-12-01: the switched seed-001 app answered 500 for fifteen minutes).
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const packagesDir = join(here, "../..");
const packageDir = join(here, "..");

/** Every file an `exports` map points at (patterns left as they are). */
function exportTargets(map: unknown): string[] {
  if (typeof map === "string") return [map];
  if (map === null || typeof map !== "object") return [];
  return Object.values(map).flatMap(exportTargets);
}

describe("package entries", () => {
  it("are all ES modules, in every package: no CommonJS entry require()s the ES-module core", () => {
    for (const name of readdirSync(packagesDir)) {
      const pkg = JSON.parse(readFileSync(join(packagesDir, name, "package.json"), "utf8")) as {
        name: string;
        type?: string;
        exports: unknown;
      };
      expect(pkg.type, pkg.name).toBe("module");
      const code = exportTargets(pkg.exports).filter(
        (target) => !target.endsWith(".d.ts") && target !== "./package.json",
      );
      expect(code.length, pkg.name).toBeGreaterThan(0);
      for (const target of code) expect(target, `${pkg.name} exports ${target}`).toMatch(/\.js$/);
    }
  });
});

/**
 * One fresh Node process: starts loading the entries a pages app's `_app` and provider imports
 * use, waits `ticks` turns of the event loop, then loads the API route's entries — each with the
 * loader Next would use for the file it resolves to.
 */
const LOADER = `
  const { createRequire } = require("node:module");
  const { readFileSync } = require("node:fs");
  const { dirname, join } = require("node:path");
  const req = createRequire(join(process.cwd(), "package.json"));
  function typeOf(file) {
    if (file.endsWith(".cjs")) return "commonjs";
    if (file.endsWith(".mjs")) return "module";
    for (let dir = dirname(file); ; dir = dirname(dir)) {
      try { return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).type ?? "commonjs"; }
      catch { if (dirname(dir) === dir) return "commonjs"; }
    }
  }
  function load(specifier) {
    const file = req.resolve(specifier);
    return typeOf(file) === "module" ? import(file) : Promise.resolve().then(() => req(specifier));
  }
  const ticks = Number(process.argv[1]);
  const first = [load("gatehouse/react"), load("gatehouse/providers/email")];
  let turn = 0;
  const later = new Promise((resolve) => {
    const step = () => (turn++ < ticks ? setImmediate(step) : resolve(Promise.all([load("gatehouse"), load("gatehouse/next")])));
    step();
  });
  Promise.all([...first, later]).then(
    ([react, email, [root, next]]) => {
      const ok = typeof react.SessionProvider === "function" && typeof email.default === "function"
        && typeof root.default === "function" && next.default === root.default;
      console.log(ok ? "loaded" : "wrong exports");
    },
    (error) => console.log("failed: " + error.message),
  );
`;

function loadAt(ticks: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", LOADER, String(ticks)], { cwd: packageDir });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", () => {
      resolve(out.trim() || `no output: ${err.trim()}`);
    });
  });
}

describe("a pages-router server loading the package", () => {
  it("loads next-auth, next-auth/next, next-auth/react and a provider at once, at any interleaving (the require(esm) race)", async () => {
    // Every interleaving from "before the first import has read a file" to "after it finished";
    // with the CommonJS entry, about one in seven of these failed on this machine.
    const offsets = Array.from({ length: 64 }, (_, i) => i);
    const results = new Map<number, string>();
    const queue = [...offsets];
    await Promise.all(
      [0, 1].map(async () => {
        for (let ticks = queue.shift(); ticks !== undefined; ticks = queue.shift())
          results.set(ticks, await loadAt(ticks));
      }),
    );
    const failed = offsets
      .filter((ticks) => results.get(ticks) !== "loaded")
      .map((ticks) => `${ticks}: ${results.get(ticks)}`);
    expect(failed).toEqual([]);
  }, 120_000);
});
