// Every feature's browser functions (packages/core/src/features/<name>/client.ts) are exported by
// `gatehouse/react` as published (run after `npm run build`), bound to the React client: the
// bindings are generated, so core's folders and the package's exports must agree.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const features = join(root, "packages/core/src/features");

const CLIENT_FUNCTIONS = readdirSync(features, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(features, entry.name, "client.ts")))
  .flatMap((entry) =>
    [
      ...readFileSync(join(features, entry.name, "client.ts"), "utf8").matchAll(/^export (?:async )?function (\w+)/gm),
    ].map((match) => ({ feature: entry.name, name: match[1] as string })),
  );

describe("feature client functions in gatehouse/react", () => {
  it("finds the features' client functions (sessions and accounts among them)", () => {
    const names = CLIENT_FUNCTIONS.map(({ name }) => name);
    expect(names).toEqual(expect.arrayContaining(["listSessions", "revokeSessions", "unlinkAccount"]));
  });

  it("exports each one, as a function taking the feature's own arguments (no kit)", async () => {
    const react = (await import("gatehouse/react")) as Record<string, unknown>;
    for (const { feature, name } of CLIENT_FUNCTIONS) {
      expect(typeof react[name], `${feature}: ${name}`).toBe("function");
      const core = (await import(`../../core/src/features/${feature}/client.ts`)) as Record<string, { length: number }>;
      expect((react[name] as { length: number }).length, name).toBe(0); // a rest-parameter binding
      expect(core[name]?.length, name).toBeGreaterThanOrEqual(1); // the kit comes first
    }
  });

  it("exports nothing of the features that is not in their client.ts", () => {
    const generated = readFileSync(join(root, "packages/gatehouse/src/react/features.ts"), "utf8");
    const exported = [...generated.matchAll(/^export const (\w+)/gm)].map((match) => match[1]);
    expect(exported.sort()).toEqual(CLIENT_FUNCTIONS.map(({ name }) => name).sort());
  });
});
