// The built package, imported by name as an app would: every `exports` entry resolves, carries
// its declarations, and works. (Run after `npm run build`; `npm test` builds first.)
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  exports: Record<string, string | { types: string; default: string }>;
  files: string[];
};

describe("@gatehouse/core as published", () => {
  it("lists types first in every export, and every file exists", () => {
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (typeof target === "string") continue;
      if (subpath.includes("*")) {
        // A pattern: check one real instance of it.
        expect(existsSync(join(root, target.types.replace("*", "google"))), subpath).toBe(true);
        expect(existsSync(join(root, target.default.replace("*", "google"))), subpath).toBe(true);
        continue;
      }
      expect(Object.keys(target)[0], subpath).toBe("types");
      expect(existsSync(join(root, target.types)), target.types).toBe(true);
      expect(existsSync(join(root, target.default)), target.default).toBe(true);
    }
  });

  it("signs in through the bundled entry points", async () => {
    const { createAuth } = await import("@gatehouse/core");
    const { default: Credentials } = await import("@gatehouse/core/providers/credentials");
    const { decode } = await import("@gatehouse/core/jwt");
    const secret = "package-test-secret-0123456789";
    const auth = createAuth({
      secret,
      url: "http://localhost:3000",
      providers: [Credentials({ credentials: {}, authorize: () => ({ id: "9" }) })],
    });
    const csrf = await auth(new Request("http://localhost:3000/api/auth/csrf"));
    const cookie = (csrf.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await auth(
      new Request("http://localhost:3000/api/auth/callback/credentials", {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, json: "true" }),
      }),
    );
    const token = (response.headers.getSetCookie()[0] ?? "").split(";")[0]?.split("=")[1];
    expect(await decode({ token, secret, salt: "next-auth.session-token" })).toMatchObject({ sub: "9" });
  });
});
