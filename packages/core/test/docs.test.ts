/**
 * Every public export of every published package carries its TSDoc (scripts/check-docs.js): a
 * summary; on functions an @example, a @param per named parameter and a @returns; on option
 * interfaces (`…Options`, `…Config`, …) a comment per member. A new export without them fails
 * here, naming the file and the export.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

interface Problem {
  file: string;
  name: string;
  problem: string;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Runs the checker (in its own process: loading TypeScript into vitest is slow) on `dir`. */
function undocumented(dir = root): { lines: string[]; status: number | null } {
  const run = spawnSync(process.execPath, [join(root, "scripts/check-docs.js"), "--json", dir], { encoding: "utf8" });
  if (run.stdout.trim() === "") throw new Error(`check-docs printed nothing: ${run.stderr}`);
  const problems = JSON.parse(run.stdout) as Problem[];
  return { lines: problems.map(({ file, name, problem }) => `${file}: ${name}: ${problem}`), status: run.status };
}

describe("TSDoc on public exports", () => {
  it("covers every export of every published package", () => {
    const { lines, status } = undocumented();
    expect(lines).toEqual([]);
    expect(status).toBe(0);
  }, 180_000);
});

describe("the docs checker", () => {
  const fixture = mkdtempSync(join(tmpdir(), "gatehouse-docs-"));
  afterAll(() => {
    rmSync(fixture, { recursive: true, force: true });
  });

  function pkg(name: string, manifest: Record<string, unknown>, files: Record<string, string>): void {
    const dir = join(fixture, "packages", name);
    mkdirSync(join(dir, "src", "providers"), { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `@fixture/${name}`, ...manifest }));
    for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, "src", path), text);
  }

  const documented = [
    "/**",
    " * Adds.",
    " * @param a - One.",
    " * @returns The sum.",
    " * @example `add(1)`",
    " */",
    "export function add(a: number): number { return a + 1; }",
  ].join("\n");

  pkg(
    "lib",
    {
      exports: {
        ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
        "./providers/*": { types: "./dist/providers/*.d.ts", default: "./dist/providers/*.js" },
      },
    },
    {
      "index.ts": [
        documented,
        "export function bare(x: string): string { return x; }",
        "/** Half. @example `half(a)` */",
        "export const half = (value: number): number => value / 2;",
        'export { other } from "./other.js";',
        "/** Options of add. */",
        "export interface AddOptions {",
        "  /** How much. @default 1 */",
        "  step?: number;",
        "  round?: boolean;",
        "}",
        "/** Not options: its members are its own business. */",
        "export interface AddResult { sum: number }",
      ].join("\n"),
      "other.ts": "export const other = 1;\n",
      "providers/github.ts":
        "/** GitHub. */\nexport default function GitHub(options: object): object { return options; }\n",
    },
  );
  pkg(
    "internal",
    { private: true, exports: { ".": { types: "./dist/index.d.ts" } } },
    { "index.ts": "export const x = 1;\n" },
  );
  const { lines: problems, status } = undocumented(fixture);

  it("reports an export without TSDoc, and each missing tag of a function", () => {
    expect(problems).toContain("packages/lib/src/index.ts: bare: no TSDoc summary");
    expect(problems).toContain("packages/lib/src/index.ts: half: no @param value");
    expect(problems).toContain("packages/lib/src/index.ts: half: no @returns");
    expect(problems.some((line) => line.includes(": add:"))).toBe(false);
    expect(status).toBe(1);
  });

  it("asks for TSDoc on each member of an options interface", () => {
    expect(problems).toContain("packages/lib/src/index.ts: AddOptions: no TSDoc on member round");
    expect(problems.some((line) => line.includes("member step") || line.includes("AddResult"))).toBe(false);
  });

  it("follows re-exports and expands wildcard entry points", () => {
    expect(problems).toContain("packages/lib/src/other.ts: other: no TSDoc summary");
    expect(problems).toContain("packages/lib/src/providers/github.ts: default (default): no @example");
    expect(problems).toContain("packages/lib/src/providers/github.ts: default (default): no @param options");
  });

  it("leaves private packages out", () => {
    expect(problems.filter((line) => line.startsWith("packages/internal/"))).toEqual([]);
    expect(problems).toHaveLength(8);
  });
});
