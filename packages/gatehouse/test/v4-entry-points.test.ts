// What a next-auth v4 app loads, as published (run after `npm run build`), against next-auth
// 4.24.15 itself: `next-auth/next`'s default export, the peer ranges npm resolves against, and
// the pages-router entry points loading nothing Next 12 lacks (`next/navigation`,
// `next/headers`) — checked in a fresh Node process whose module resolution refuses them.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, "..");
const require = createRequire(import.meta.url);
const ours = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
  peerDependencies: Record<string, string>;
  exports: Record<string, unknown>;
};
const V4_ROOT = dirname(dirname(require.resolve("next-auth/providers/credentials")));
const theirs = JSON.parse(readFileSync(join(V4_ROOT, "package.json"), "utf8")) as {
  peerDependencies: Record<string, string>;
};

describe("next-auth/next", () => {
  it("has NextAuth as its default export, as v4's does (require and import)", () => {
    // In plain Node, where both loaders share one module instance (the test runner has its own).
    const script = `
      const { createRequire } = await import("node:module");
      const require = createRequire(process.cwd() + "/");
      const required = require("gatehouse/next");
      const root = require("gatehouse");
      const imported = await import("gatehouse/next");
      console.log(JSON.stringify({
        type: typeof required.default,
        sameAsRoot: required.default === root.default,
        sameImported: imported.default === root.default,
        getServerSession: typeof imported.getServerSession,
      }));
    `;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: packageDir,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(child.status, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout.trim())).toEqual({
      type: "function",
      sameAsRoot: true,
      sameImported: true,
      getServerSession: "function",
    });
    const v4 = require(join(V4_ROOT, "next/index.js")) as { default: unknown };
    expect(typeof v4.default).toBe("function");
  }, 60_000);
});

describe("peer ranges", () => {
  it("accept every Next and React version next-auth 4.24.15 accepts (Next 12.2.5 to 16)", () => {
    expect(ours.peerDependencies.next).toBe(theirs.peerDependencies.next);
    expect(ours.peerDependencies.react).toBe(theirs.peerDependencies.react);
  });
});

describe("pages-router entry points", () => {
  it("load, serve a request and read a session without next/navigation or next/headers", () => {
    // A child process: require() of the two modules throws, as on Next 12, and so does import().
    const hooks = `
      const Module = require("node:module");
      const refused = /^next\\/(navigation|headers)(\\.js)?$/;
      const resolve = Module._resolveFilename;
      Module._resolveFilename = function (request, ...rest) {
        if (refused.test(request)) throw new Error("loaded " + request);
        return resolve.call(this, request, ...rest);
      };
      Module.register("data:text/javascript," + encodeURIComponent(
        "export async function resolve(s, c, next) { if (/^next\\\\/(navigation|headers)(\\\\.js)?$/.test(s)) throw new Error('loaded ' + s); return next(s, c); }"
      ));
    `;
    const script = `
      ${hooks}
      const http = require("node:http");
      const NextAuth = require("gatehouse").default;
      const { getServerSession } = require("gatehouse/next");
      require("gatehouse/adapters");
      const Credentials = require("gatehouse/providers/credentials").default;
      const options = {
        secret: "entry-points-secret-0123456789-abcdefghij",
        providers: [Credentials({ credentials: {}, authorize: () => ({ id: "1", email: "ada@example.com" }) })],
      };
      const handler = NextAuth(options);
      const server = http.createServer(async (req, res) => {
        if (req.url.startsWith("/api/auth/")) return handler(req, res);
        const session = await getServerSession(req, res, options);
        res.end(JSON.stringify({ page: true, session }));
      });
      server.listen(0, "127.0.0.1", async () => {
        const base = "http://127.0.0.1:" + server.address().port;
        const csrf = await fetch(base + "/api/auth/csrf");
        const { csrfToken } = await csrf.json();
        const cookie = csrf.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
        const signIn = await fetch(base + "/api/auth/callback/credentials", {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie },
          body: new URLSearchParams({ csrfToken, json: "true" }),
        });
        const session = signIn.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
        const page = await (await fetch(base + "/page", { headers: { cookie: session } })).json();
        console.log(JSON.stringify({ signIn: signIn.status, page }));
        server.close();
      });
    `;
    const child = spawnSync(process.execPath, ["-e", script], { cwd: packageDir, encoding: "utf8", timeout: 60_000 });
    expect(child.stderr).not.toMatch(/loaded next\//);
    expect(child.status, child.stderr).toBe(0);
    const result = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}") as {
      signIn: number;
      page: { session: { user?: { email?: string } } | null };
    };
    expect(result.signIn).toBe(200);
    expect(result.page.session?.user?.email).toBe("ada@example.com");
  }, 60_000);

  it("server-side signIn() in a pages-router API route (seed 004) throws CredentialsSignin, not a module error", () => {
    // A pages-router server loads the entry with Node itself, outside any app-router request:
    // `next/headers` must be found by Node's ESM loader (hence `next/headers.js`: Next has no
    // exports map), and "no request here" must read as such.
    const script = `
      const { signIn } = require("gatehouse").default({
        secret: "entry-points-secret-0123456789-abcdefghij",
        providers: [require("gatehouse/providers/credentials").default({
          credentials: {},
          authorize: (credentials) => credentials.password === "right" ? { id: "1", email: "ada@example.com" } : null,
        })],
      });
      signIn("credentials", { email: "ada@example.com", password: "wrong" }).then(
        () => console.log(JSON.stringify({ threw: false })),
        (error) => console.log(JSON.stringify({ threw: true, type: error.type, message: String(error.message) })),
      );
    `;
    const child = spawnSync(process.execPath, ["-e", script], { cwd: packageDir, encoding: "utf8", timeout: 60_000 });
    expect(child.status, child.stderr).toBe(0);
    const result = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}") as { threw: boolean; type?: string };
    expect(result).toMatchObject({ threw: true, type: "CredentialsSignin" });
  }, 60_000);

  it("the hooks above do refuse the modules (the check can fail)", () => {
    const child = spawnSync(
      process.execPath,
      [
        "-e",
        `const M = require("node:module"); const r = M._resolveFilename; M._resolveFilename = function (q, ...a) { if (/^next\\/navigation$/.test(q)) throw new Error("loaded " + q); return r.call(this, q, ...a); }; require("next/navigation");`,
      ],
      { cwd: packageDir, encoding: "utf8" },
    );
    expect(child.stderr).toMatch(/loaded next\/navigation/);
  }, 60_000);
});
