/**
 * The structure the code keeps, checked on the sources of every package: core's layers (nothing
 * imports upward: lib/ never reaches pages/, features/ or the router), no import cycles anywhere,
 * no module-level mutable state outside the runtime (bar the named registries), one clock, one
 * logger, one place that reads the environment.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const packagesDir = join(root, "packages");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(entry) && !entry.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

const files = readdirSync(packagesDir)
  .map((name) => join(packagesDir, name, "src"))
  .filter((dir) => {
    try {
      return statSync(dir).isDirectory();
    } catch {
      return false;
    }
  })
  .flatMap(sources);
const rel = (file: string): string => relative(root, file);
const code = new Map(files.map((file) => [file, readFileSync(file, "utf8")]));

/**
 * Relative imports of `file`, resolved to source paths (`./x.js` → `./x.ts`); with `values`
 * only, the imports that exist at run time (`import type` is erased).
 */
function imports(file: string, values = false): string[] {
  const text = code.get(file) ?? "";
  const out: string[] = [];
  for (const match of text.matchAll(
    /(import\s+type\b[^"]*?from|export\s+type\b[^"]*?from|from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g,
  )) {
    if (values && /^(import|export)\s+type\b/.test(match[1] as string)) continue;
    const target = resolve(dirname(file), (match[2] as string).replace(/\.js$/, ".ts"));
    if (code.has(target)) out.push(target);
    else if (code.has(target.replace(/\.ts$/, ".tsx"))) out.push(target.replace(/\.ts$/, ".tsx"));
  }
  return out;
}

/** Core's layers, lowest first: a file may import its own layer or a lower one. */
function coreLayer(file: string): number | null {
  const path = relative(join(packagesDir, "core/src"), file);
  if (path.startsWith("..")) return null;
  if (/^(errors|types|provider-types|adapter|options)\.ts$/.test(path)) return 0;
  if (path.startsWith("lib/")) return 1;
  if (path.startsWith("pages/") || path.startsWith("providers/")) return 2;
  if (path.startsWith("features/")) return 3;
  if (path.startsWith("config/") || path === "router.ts" || path === "server-actions.ts") return 4;
  return 5; // entry points: auth.ts, index.ts, jwt/, cookies/, defaults.ts, logger.ts
}

describe("architecture", () => {
  it("finds the sources", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("core never imports upward (lib/ → pages/, features/, config/, the router)", () => {
    const upward: string[] = [];
    for (const file of files) {
      const layer = coreLayer(file);
      if (layer === null) continue;
      for (const target of imports(file)) {
        const targetLayer = coreLayer(target);
        if (targetLayer !== null && targetLayer > layer) upward.push(`${rel(file)} → ${rel(target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it("a feature imports no other feature (shared code lives in lib/)", () => {
    const crossing: string[] = [];
    const featuresDir = join(packagesDir, "core/src/features");
    const featureOf = (file: string): string | null => {
      const path = relative(featuresDir, file);
      if (path.startsWith("..") || !path.includes("/")) return null;
      return path.split("/")[0] as string;
    };
    for (const file of files) {
      const own = featureOf(file);
      if (own === null) continue;
      for (const target of imports(file)) {
        const other = featureOf(target);
        if (other !== null && other !== own) crossing.push(`${rel(file)} → ${rel(target)}`);
      }
    }
    expect(crossing).toEqual([]);
  });

  // Types may refer to each other (a request's state holds its runtime, whose strategy takes a
  // request's state); what runs may not go round in circles.
  it("has no import cycles at run time", () => {
    const cycles: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, "visiting");
      stack.push(file);
      for (const target of imports(file, true)) {
        const seen = state.get(target);
        if (seen === "visiting") cycles.push([...stack.slice(stack.indexOf(target)), target].map(rel).join(" → "));
        else if (seen === undefined) visit(target);
      }
      stack.pop();
      state.set(file, "done");
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it("keeps no module-level mutable state outside the runtime, but for the named registries", () => {
    // Each kept on purpose; the reason is the comment beside the declaration in the file.
    const allowed = new Set([
      "packages/core/src/auth.ts", // Auth(request, config): the instance of each options object
      "packages/core/src/jwt/keyring-cache.ts", // encode/decode: keys derived from the secrets, bounded
      "packages/core/src/jwt/revocations.ts", // getToken/withAuth: JWT instances' stores by secret, weak, bounded
      "packages/gatehouse/src/lib/instance.ts", // NextAuth(options): the instance of each options object
      "packages/gatehouse/src/lib/database.ts", // the database option: one connection per URL
      "packages/gatehouse/src/react/client-state.ts", // the browser client: one session per page
      "packages/core/src/lib/crypto/node.ts", // a pool of CSPRNG bytes, each handed out once
      "packages/adapter-sqlite/src/index.ts", // one queue per SQLite file, process-wide (see the file)
    ]);
    const found: string[] = [];
    for (const [file, text] of code) {
      if (allowed.has(rel(file))) continue;
      text.split("\n").forEach((line, index) => {
        if (
          /^(export )?(let|var) /.test(line) ||
          (/^(export )?const \w+(: [^=]+)? = new (Map|Set|WeakMap|WeakSet|Array)\b/.test(line) &&
            !/^(export )?const \w+: Readonly/.test(line))
        ) {
          found.push(`${rel(file)}:${index + 1}: ${line.trim()}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it("reads the time only through the clock, logs only through the logger, and the environment in one place", () => {
    // The conformance-suite package is test tooling: it reads CI and reports skipped suites.
    const harness = "packages/adapter-test/src/";
    const found: string[] = [];
    for (const [file, text] of code) {
      const path = rel(file);
      if (path.startsWith(harness)) continue;
      text.split("\n").forEach((line, index) => {
        const where = `${path}:${index + 1}: ${line.trim()}`;
        const inComment = /^\s*(\*|\/\/)/.test(line);
        if (/Date\.now\(\)|new Date\(\)/.test(line) && !inComment && path !== "packages/core/src/lib/clock.ts")
          found.push(where);
        if (/\bconsole\.\w+\(/.test(line) && !inComment && path !== "packages/core/src/lib/logger.ts")
          found.push(where);
        if (
          /process\.env\b/.test(line) &&
          !inComment &&
          !/`[^`]*process\.env/.test(line) &&
          path !== "packages/gatehouse/src/lib/env.ts"
        )
          found.push(where);
      });
    }
    expect(found).toEqual([]);
  });
});
