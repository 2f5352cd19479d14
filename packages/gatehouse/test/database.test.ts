// The `database` option and `npx gatehouse migrate`, on real SQLite files (and a PostgreSQL URL
// nobody listens on, for the failure paths).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import NextAuth from "../src/index.js";
import { databaseAdapter, type UserAdapter } from "../src/adapters.js";
import Email from "../src/providers/email.js";
import { Jar, SECRET, provider, serve, signInOver } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "gatehouse-db-test-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("NODE_ENV", "production");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

async function tables(file: string): Promise<string[]> {
  const client = createClient({ url: `file:${file}` });
  try {
    const { rows } = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    return rows.map((row) => row.name as string);
  } finally {
    client.close();
  }
}

describe("the database option", () => {
  it("makes one URL enough: tables on first use, database sessions for credentials", async () => {
    const file = join(dir, "app.db");
    const handler = NextAuth({ database: `sqlite:${file}`, providers: [provider()], trustHost: true });
    const server = await serve((req, res) => handler(req, res));
    try {
      const jar = new Jar();
      expect((await signInOver(server.url, jar)).status).toBe(200);
      // An opaque random token, not a JWT: the session lives in the database.
      const cookie = jar.cookies.get("next-auth.session-token") ?? "";
      expect(cookie).toMatch(/^[A-Za-z0-9_-]{43}\.[0-9]+$/);
      const session = (await (await jar.fetch(`${server.url}/api/auth/session`)).json()) as { user?: unknown };
      expect(session.user).toMatchObject({ email: "ada@example.com" });
      expect(await tables(file)).toEqual(
        expect.arrayContaining(["auth_users", "auth_accounts", "auth_sessions", "auth_verification_tokens"]),
      );
      // The app's own code reaches the same database through databaseAdapter(url).
      const db = databaseAdapter(`sqlite:${file}`);
      expect(await db.getUser("1")).toMatchObject({ email: "ada@example.com" });
      const sessions = (await (await jar.fetch(`${server.url}/api/auth/sessions`)).json()) as { sessions: unknown[] };
      expect(sessions.sessions).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it("names DATABASE_URL for a URL of an unknown kind", async () => {
    const handler = NextAuth({ database: "ftp://files.example.com/auth", providers: [provider()], trustHost: true });
    const server = await serve((req, res) => handler(req, res));
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const response = await fetch(`${server.url}/api/auth/session`);
      expect(response.status).toBe(500);
      expect(errors.mock.calls.flat().join(" ")).toMatch(/DATABASE_URL.*ftp:\/\/files\.example\.com/);
    } finally {
      errors.mockRestore();
      await server.close();
    }
  });

  it("answers an unreachable database with a clean 503 and no session, never the password", async () => {
    const url = "postgres://app:hunter2-secret@127.0.0.1:1/app";
    const handler = NextAuth({ database: url, providers: [provider()], trustHost: true });
    const server = await serve((req, res) => handler(req, res));
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const jar = new Jar();
      const response = await signInOver(server.url, jar);
      expect(response.status).toBe(503);
      const body = await response.text();
      expect(body).not.toMatch(/hunter2|ECONNREFUSED|at .*\.js/);
      expect(jar.cookies.has("next-auth.session-token")).toBe(false);
      const text = JSON.stringify(logged.mock.calls);
      expect(text).toContain("postgres://***@127.0.0.1:1/app");
      expect(text).not.toContain("hunter2-secret");
    } finally {
      logged.mockRestore();
      await server.close();
    }
  });
});

/** Never called: the compiler checks it (each `@ts-expect-error` must be an error). */
export function compileTimeChecks(adapter: UserAdapter): void {
  // @ts-expect-error the Email provider needs a database: `database` or an adapter with verification tokens
  NextAuth({ providers: [Email({ server: "smtp://localhost" })] });
  // @ts-expect-error database sessions need an adapter with the session methods
  NextAuth({ providers: [provider()], session: { strategy: "database" }, adapter });
  NextAuth({ database: process.env.DATABASE_URL, providers: [Email({ server: "smtp://localhost" })] });
  NextAuth({ database: "sqlite:./auth.db", providers: [provider()], session: { strategy: "database" } });
}

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

function run(args: string[], cwd = dir, env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const clean = { ...process.env, ...env };
    if (!("DATABASE_URL" in env)) delete clean.DATABASE_URL;
    execFile(process.execPath, [cli, ...args], { cwd, env: clean }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr });
    });
  });
}

describe("npx gatehouse migrate", () => {
  it("creates the tables once, then reports the schema up to date", async () => {
    const file = join(dir, "cli.db");
    const first = await run(["migrate", `sqlite:${file}`]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain("Applied schema versions 1, 3, 4, 5, 6; now at 6.");
    expect(await tables(file)).toContain("auth_sessions");
    const second = await run(["migrate", `sqlite:${file}`]);
    expect(second.stdout).toContain("Up to date (schema version 6)");
  });

  it("reads DATABASE_URL from .env.local when no URL is given", async () => {
    const project = mkdtempSync(join(dir, "project-"));
    writeFileSync(join(project, ".env.local"), `AUTH_SECRET=x\nDATABASE_URL="sqlite:./from-env.db"\n`);
    const result = await run(["migrate"], project);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("DATABASE_URL in .env.local");
    expect(await tables(join(project, "from-env.db"))).toContain("auth_users");
  });

  it("fails with a message and exit code 1, hiding the password", async () => {
    const none = await run(["migrate"], mkdtempSync(join(dir, "empty-")));
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("set DATABASE_URL");
    const unknown = await run(["migrate", "ftp://x"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("is not a connection URL Gatehouse knows");
    const down = await run(["migrate", "postgres://app:hunter2-secret@127.0.0.1:1/app"]);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain("Could not migrate postgres://***@127.0.0.1:1/app");
    expect(down.stdout + down.stderr).not.toContain("hunter2-secret");
    const typo = await run(["migrte"]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('Unknown command "migrte"');
  });

  it("a password holding '@', ':' or '/' is hidden whole, in everything migrate prints", async () => {
    // Regression: the first "@" ended the password, so `S3cr@tPass` printed as `***@tPass`.
    for (const [url, shown, parts] of [
      ["postgres://app:S3cr@tPass@127.0.0.1:1/db", "postgres://***@127.0.0.1:1/db", ["S3cr", "tPass"]],
      ["postgres://app:p:a/ss@w0rd@127.0.0.1:1/db", "postgres://***@127.0.0.1:1/db", ["w0rd", "p:a/ss"]],
      ["postgres://app%40corp:S3cr%40tPass@127.0.0.1:1/db", "postgres://***@127.0.0.1:1/db", ["S3cr", "tPass", "corp"]],
    ] as const) {
      const down = await run(["migrate", url]);
      expect(down.code).toBe(1);
      const printed = down.stdout + down.stderr;
      expect(printed).toContain(`Could not migrate ${shown}`);
      for (const part of parts) expect(printed).not.toContain(part);
    }
  }, 30_000);
});
