// `npx gatehouse switch`: the package.json rewrite. (e2e/servers/switch-app.js runs the command
// itself on a next-auth v4 app, then a plain npm install, a build and a sign-in.)
import { describe, expect, it } from "vitest";
import { switchManifest } from "../src/lib/switch.js";

const SPEC = "npm:gatehouse@^0.1.0";

function switched(text: string): { text: string; changes: { field: string; from: string | null; to: string }[] } {
  const result = switchManifest(text, SPEC);
  if (!result.ok) throw new Error(result.problem);
  return result;
}

const V4_APP = `{
  "name": "v4-app",
  "private": true,
  "scripts": { "build": "next build" },
  "dependencies": {
    "@next-auth/prisma-adapter": "^1.0.7",
    "next": "16.4.6",
    "next-auth": "^4.24.15"
  }
}
`;

describe("gatehouse switch: package.json", () => {
  it("aliases next-auth to Gatehouse and adds the override next-auth's adapters need, reporting both", () => {
    const result = switched(V4_APP);
    expect(JSON.parse(result.text)).toEqual({
      name: "v4-app",
      private: true,
      scripts: { build: "next build" },
      dependencies: { "@next-auth/prisma-adapter": "^1.0.7", next: "16.4.6", "next-auth": SPEC },
      overrides: { "next-auth": "$next-auth" },
    });
    expect(result.changes).toEqual([
      { field: "dependencies.next-auth", from: "^4.24.15", to: SPEC },
      { field: "overrides.next-auth", from: null, to: "$next-auth" },
    ]);
  });

  it("is idempotent: a second run changes nothing, not even a byte", () => {
    const once = switched(V4_APP).text;
    const twice = switched(once);
    expect(twice.changes).toEqual([]);
    expect(twice.text).toBe(once);
  });

  it("keeps the file's indentation, line endings and key order", () => {
    const tabs = V4_APP.replace(/^ {2}/gm, "\t").replace(/^\t {2}/gm, "\t\t");
    expect(switched(tabs).text).toMatch(/^\{\n\t"name": "v4-app",\n/);
    expect(switched(tabs).text).toContain('\n\t\t"next-auth": "npm:gatehouse@^0.1.0"\n');
    const four = JSON.stringify(JSON.parse(V4_APP), null, 4);
    expect(switched(four).text).toContain('\n        "next-auth": "npm:gatehouse@^0.1.0"\n');
    const crlf = V4_APP.replace(/\n/g, "\r\n");
    const out = switched(crlf).text;
    expect(out.endsWith("}\r\n")).toBe(true);
    expect(out.replace(/\r\n/g, "")).not.toContain("\n");
    expect(Object.keys(JSON.parse(out) as object)).toEqual(["name", "private", "scripts", "dependencies", "overrides"]);
  });

  it("switches next-auth in devDependencies too", () => {
    const result = switched(JSON.stringify({ devDependencies: { "next-auth": "4.24.15" } }));
    expect(JSON.parse(result.text)).toEqual({
      devDependencies: { "next-auth": SPEC },
      overrides: { "next-auth": "$next-auth" },
    });
  });

  it("keeps other overrides; replaces one for next-auth; keeps overrides for next-auth's own dependencies", () => {
    const withOverrides = JSON.stringify({
      dependencies: { "next-auth": "^4.24.15" },
      overrides: { cookie: "0.7.0", "next-auth": "4.24.15" },
    });
    expect(JSON.parse(switched(withOverrides).text)).toMatchObject({
      overrides: { cookie: "0.7.0", "next-auth": "$next-auth" },
    });
    expect(switched(withOverrides).changes[1]).toEqual({
      field: "overrides.next-auth",
      from: "4.24.15",
      to: "$next-auth",
    });
    const nested = JSON.stringify({
      dependencies: { "next-auth": "^4.24.15" },
      overrides: { "next-auth": { jose: "4.15.9" } },
    });
    expect(JSON.parse(switched(nested).text)).toMatchObject({
      overrides: { "next-auth": { ".": "$next-auth", jose: "4.15.9" } },
    });
  });

  it("keeps an alias of Gatehouse that is already there, whatever its version", () => {
    const pinned = JSON.stringify({
      dependencies: { "next-auth": "npm:gatehouse@0.1.0" },
      overrides: { "next-auth": "$next-auth" },
    });
    expect(switched(pinned).changes).toEqual([]);
  });

  it("refuses, saying why, a package.json without next-auth or that is not JSON", () => {
    expect(switchManifest(JSON.stringify({ dependencies: { next: "16.4.6" } }), SPEC)).toEqual({
      ok: false,
      problem:
        'package.json has no "next-auth" dependency to switch. For a new app: npm install gatehouse, and import from "gatehouse".',
    });
    const broken = switchManifest("{ not json", SPEC);
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.problem).toMatch(/^package\.json is not valid JSON/);
    expect(switchManifest("[]", SPEC)).toEqual({ ok: false, problem: "package.json is not a JSON object." });
  });
});
