// CI=1 is CI too: every place that turns a missing service into a failure under CI asks the one
// helper, so a run started with `CI=1` whose services are gone fails instead of passing with its
// suites skipped.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { serviceAvailable, underCI } from "../src/index.js";

const RUN_E2E = fileURLToPath(new URL("../../../e2e/run.js", import.meta.url));
const down = () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:1"));

/** The environment of this process without any CI variable, plus `extra`. */
function envWith(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { CI: _ci, ...rest } = process.env;
  return { ...rest, ...extra };
}

describe("underCI", () => {
  it.each(["true", "1", "TRUE", "True", "yes", " 1 "])("CI=%j is a CI run", (value) => {
    expect(underCI({ CI: value })).toBe(true);
  });

  it.each([undefined, "", "0", "false", "FALSE"])("CI=%j is not", (value) => {
    expect(underCI(value === undefined ? {} : { CI: value })).toBe(false);
  });
});

describe("service skips turn into failures under CI=1", () => {
  it("serviceAvailable: a service that does not answer fails the run under CI=1 and CI=true", async () => {
    for (const CI of ["1", "true"])
      await expect(serviceAvailable("Redis", down, { CI })).rejects.toThrow(/Redis is required under CI/);
  });

  it("serviceAvailable: outside CI it skips with a one-line reason", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      expect(await serviceAvailable("Redis", down, {})).toBe(false);
      expect(await serviceAvailable("Redis", down, { CI: "0" })).toBe(false);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Skipping the Redis suite: .*ECONNREFUSED/));
      expect(await serviceAvailable("Redis", () => Promise.resolve(), { CI: "1" })).toBe(true);
    } finally {
      warn.mockRestore();
    }
  });

  it("npm run test:e2e without a browser: exit 1 under CI=1, a skip (exit 0) outside CI", () => {
    const run = (extra: Record<string, string>) =>
      spawnSync(process.execPath, [RUN_E2E], {
        env: envWith({ CHROMIUM_PATH: "/nonexistent/chromium", ...extra }),
        encoding: "utf8",
      });
    const ci = run({ CI: "1" });
    expect(ci.status).toBe(1);
    expect(ci.stderr).toContain("CI requires them");
    const local = run({});
    expect(local.status).toBe(0);
    expect(local.stdout).toContain("Browser tests skipped");
  });
});
