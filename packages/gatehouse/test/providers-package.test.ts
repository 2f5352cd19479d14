// `gatehouse/providers/<id>` and the v3 namespace `gatehouse/providers`, as published (run after
// `npm run build`): both are generated from @gatehouse/core's provider folder, so core's files,
// the package's modules, its `exports` and `Providers` must agree — and cover every provider
// module next-auth 4.24.15 ships.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../../..");
const packageDir = join(here, "..");
const coreProviders = join(root, "packages/core/src/providers");
const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
  exports: Record<string, string | { types: string; default: string }>;
};

/** Core's provider files, and the name of each one's default-export function (null: none). */
const CORE = readdirSync(coreProviders)
  .filter((file) => file.endsWith(".ts"))
  .sort()
  .map((file) => {
    const source = readFileSync(join(coreProviders, file), "utf8");
    return {
      id: basename(file, ".ts"),
      name: /^export default function (\w+)/m.exec(source)?.[1] ?? null,
      reexportsDefault: /^export \{ default \} from/m.test(source),
    };
  });

const V4_MODULES = readdirSync(dirname(createRequire(import.meta.url).resolve("next-auth/providers/google")))
  .filter((file) => file.endsWith(".js") && file !== "index.js")
  .map((file) => basename(file, ".js"));

type Module = { default?: unknown } & Record<string, unknown>;

describe("gatehouse/providers as published", () => {
  it("maps ./providers and ./providers/* to the built files, which exist for every core provider", () => {
    const one = pkg.exports["./providers/*"] as { types: string; default: string };
    const namespace = pkg.exports["./providers"] as { types: string; default: string };
    expect(namespace).toEqual({ types: "./dist/providers/index.d.ts", default: "./dist/providers/index.js" });
    expect(one).toEqual({ types: "./dist/providers/*.d.ts", default: "./dist/providers/*.js" });
    for (const { id } of CORE) {
      expect(existsSync(join(packageDir, one.default.replace("*", id))), id).toBe(true);
      expect(existsSync(join(packageDir, one.types.replace("*", id))), id).toBe(true);
    }
  });

  it("has every module next-auth 4.24.15 ships under providers/", () => {
    expect(V4_MODULES.length).toBeGreaterThan(60);
    const ids = new Set(CORE.map((provider) => provider.id));
    expect(V4_MODULES.filter((module) => !ids.has(module))).toEqual([]);
  });

  it.each(CORE)(
    "gatehouse/providers/$id is core's module, and is in Providers",
    async ({ id, name, reexportsDefault }) => {
      const published = (await import(`gatehouse/providers/${id}`)) as Module;
      const core = (await import(`@gatehouse/core/providers/${id}`)) as Module;
      expect(Object.keys(published).sort()).toEqual(Object.keys(core).sort());
      expect(published.default).toBe(core.default);
      const { default: Providers } = (await import("gatehouse/providers")) as { default: Record<string, unknown> };
      if (name !== null) {
        expect(typeof published.default).toBe("function");
        expect(Providers[name]).toBe(core.default);
      } else if (reexportsDefault) {
        // An alias (nodemailer → email): its own module, the namespace entry is the original's.
        expect(Object.values(Providers)).toContain(core.default);
      } else {
        expect(published.default).toBeUndefined();
      }
    },
  );

  it("Providers holds exactly one entry per core provider, keyed by its function's name", async () => {
    const { default: Providers, ...named } = (await import("gatehouse/providers")) as Module;
    const expected = CORE.flatMap(({ name }) => (name === null ? [] : [name])).sort();
    expect(Object.keys(Providers as object).sort()).toEqual(expected);
    expect(Object.keys(named).sort()).toEqual(expected);
    // next-auth v3's spellings of the namespace.
    for (const key of [
      "Google",
      "GitHub",
      "Email",
      "Credentials",
      "AzureADB2C",
      "FortyTwo",
      "LINE",
      "IdentityServer4",
    ]) {
      expect(expected, key).toContain(key);
    }
  });

  it("every provider imports by name from a plain Node ESM script", () => {
    const ids = CORE.map((provider) => provider.id);
    const script = [
      `const ids = ${JSON.stringify(ids)};`,
      "let functions = 0;",
      "for (const id of ids) {",
      "  const module = await import(`gatehouse/providers/${id}`);",
      "  if (typeof module.default === 'function') functions++;",
      "}",
      "const { default: Providers } = await import('gatehouse/providers');",
      "console.log(JSON.stringify({ modules: ids.length, functions, namespace: Object.keys(Providers).length }));",
    ].join("\n");
    const result = spawnSync(process.execPath, ["--input-type=module", "--eval", script], {
      cwd: root,
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    const counts = JSON.parse(result.stdout) as { modules: number; functions: number; namespace: number };
    expect(counts.modules).toBe(CORE.length);
    expect(counts.functions).toBe(
      CORE.filter((provider) => provider.name !== null || provider.reexportsDefault).length,
    );
    expect(counts.namespace).toBe(CORE.filter((provider) => provider.name !== null).length);
  });

  it("the type-check fixture imports every provider module next-auth ships, as v4 apps do", () => {
    const fixture = readFileSync(join(here, "v4-provider-imports.ts"), "utf8");
    const imported = [...fixture.matchAll(/^import (?:type )?.+ from "gatehouse\/providers\/([\w-]+)";$/gm)].map(
      (match) => match[1],
    );
    expect(imported.sort()).toEqual([...V4_MODULES].sort());
  });
});
