// next-auth v3's TypeORM-style `database` option (the strings and objects its tutorials pass),
// mapped onto the first-party adapters — signed in against real SQLite, PostgreSQL and MariaDB.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import mysql from "mysql2/promise";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { serviceAvailable } from "@gatehouse/adapter-test";
import NextAuth, { type AuthOptions } from "../src/index.js";
import { databaseUrl } from "../src/lib/v3-database.js";
import { Jar, SECRET, provider, serve, signInOver } from "./helpers.js";

const POSTGRES_URL = process.env.GATEHOUSE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const MYSQL_URL = process.env.GATEHOUSE_TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/test";
/** A database of this run's own on each server, dropped afterwards. */
const NAME = `gh_v3_${process.pid}_${Date.now().toString(36)}`;

const dir = mkdtempSync(join(tmpdir(), "gatehouse-v3-db-"));
beforeEach(() => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("NODE_ENV", "production");
});
afterEach(() => {
  vi.unstubAllEnvs();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function withDatabase(url: string, name: string): URL {
  const out = new URL(url);
  out.pathname = `/${name}`;
  return out;
}

/** Signs in with credentials through `options` and returns the database session's cookie. */
async function signsInWithDatabaseSession(options: Pick<AuthOptions, "database">): Promise<void> {
  const handler = NextAuth({ ...options, providers: [provider()], trustHost: true });
  const server = await serve((req, res) => handler(req, res));
  try {
    const jar = new Jar();
    expect((await signInOver(server.url, jar)).status).toBe(200);
    // An opaque random token, not a JWT: the session lives in the database.
    expect(jar.cookies.get("next-auth.session-token")).toMatch(/^[A-Za-z0-9_-]{43}\.[0-9]+$/);
    const session = (await (await jar.fetch(`${server.url}/api/auth/session`)).json()) as { user?: unknown };
    expect(session.user).toMatchObject({ email: "ada@example.com" });
  } finally {
    await server.close();
  }
}

describe("v3 database strings and objects become Gatehouse URLs", () => {
  it.each([
    ["sqlite://localhost/:memory:?synchronize=true", ":memory:"],
    ["sqlite://localhost/:memory:", ":memory:"],
    ["sqlite://localhost/./data/auth.db?synchronize=true", "sqlite:data/auth.db"],
    ["sqlite://localhost//var/app/auth.db", "sqlite:/var/app/auth.db"],
    [
      "mysql://nextauth:password@127.0.0.1:3306/database_name?synchronize=true",
      "mysql://nextauth:password@127.0.0.1:3306/database_name",
    ],
    [
      "postgres://nextauth:password@127.0.0.1:5432/database_name?synchronize=true&ssl=true",
      "postgres://nextauth:password@127.0.0.1:5432/database_name?ssl=true",
    ],
    // Gatehouse's own URLs are left alone.
    ["sqlite:./auth.db", "sqlite:./auth.db"],
    ["sqlite:///abs/auth.db", "sqlite:///abs/auth.db"],
    ["postgres://app@db/auth?sslmode=require", "postgres://app@db/auth?sslmode=require"],
    ["redis://127.0.0.1:6379/0", "redis://127.0.0.1:6379/0"],
  ])("%s → %s", (input, expected) => {
    expect(databaseUrl(input)).toBe(expected);
  });

  it.each([
    [{ type: "sqlite", database: ":memory:", synchronize: true }, ":memory:"],
    [{ type: "sqlite", database: "./auth.db" }, "sqlite:./auth.db"],
    [
      {
        type: "mysql",
        host: "127.0.0.1",
        port: 3306,
        username: "nextauth",
        password: "p@ss/word",
        database: "database_name",
      },
      "mysql://nextauth:p%40ss%2Fword@127.0.0.1:3306/database_name",
    ],
    [{ type: "mariadb", host: "db", database: "auth" }, "mysql://db/auth"],
    [
      { type: "postgres", host: "db", port: "5433", username: "app", database: "auth", ssl: true },
      "postgres://app@db:5433/auth?sslmode=require",
    ],
    [{ type: "postgres", url: "postgres://app@db/auth?synchronize=true" }, "postgres://app@db/auth"],
  ])("%j → %s", (input, expected) => {
    expect(databaseUrl(input)).toBe(expected);
  });

  it("a type with no Gatehouse adapter, or SQLite without a file: a ConfigError naming the option", () => {
    expect(() => databaseUrl({ type: "mongodb", database: "auth" })).toThrow(/`database.type` "mongodb".*adapter/);
    expect(() => databaseUrl({ type: "constructor", database: "x" })).toThrow(/`database.type` "constructor"/);
    expect(() => databaseUrl({ type: "sqlite" })).toThrow(/`database.database`/);
    expect(() => databaseUrl({ type: "mysql", database: "auth", ssl: true })).toThrow(/`database.ssl`/);
    expect(() => databaseUrl(42 as never)).toThrow(/`database` must be a connection URL/);
  });

  it("a mongodb type in NextAuth's options fails its requests with the message in the log, never with a stack in the page", async () => {
    const handler = NextAuth({
      database: { type: "mongodb", database: "auth" },
      providers: [provider()],
      trustHost: true,
    });
    const server = await serve((req, res) => handler(req, res));
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const response = await fetch(`${server.url}/api/auth/session`);
      expect(response.status).toBe(500);
      expect(await response.text()).not.toMatch(/at .*\.js/);
      expect(errors.mock.calls.flat().join(" ")).toContain('`database.type` "mongodb"');
    } finally {
      errors.mockRestore();
      await server.close();
    }
  });
});

describe("v3 database options against real databases", () => {
  it("SQLite: the tutorial's sqlite://localhost/:memory:?synchronize=true signs in with database sessions", async () => {
    await signsInWithDatabaseSession({ database: "sqlite://localhost/:memory:?synchronize=true" });
  });

  it("SQLite: { type: 'sqlite', database: file, synchronize: true } creates Gatehouse's tables in that file", async () => {
    const file = join(dir, "v3.db");
    await signsInWithDatabaseSession({ database: { type: "sqlite", database: file, synchronize: true } });
    const client = createClient({ url: `file:${file}` });
    try {
      const { rows } = await client.execute("SELECT COUNT(*) AS n FROM auth_sessions");
      expect(Number(rows[0]?.n)).toBe(1);
    } finally {
      client.close();
    }
  });

  describe("PostgreSQL", async () => {
    const available = await serviceAvailable("PostgreSQL", async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
      await client.connect();
      await client.query(`CREATE DATABASE ${NAME}`);
      await client.end();
    });
    afterAll(async () => {
      if (!available) return;
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
      await client.end();
    });
    const sessions = async () => {
      const client = new pg.Client({ connectionString: withDatabase(POSTGRES_URL, NAME).href });
      await client.connect();
      try {
        return Number((await client.query<{ n: string }>("SELECT COUNT(*) AS n FROM auth_sessions")).rows[0]?.n);
      } finally {
        await client.end();
      }
    };

    it.skipIf(!available)(
      "a postgres:// string with ?synchronize=true signs in; the session row is there",
      async () => {
        const url = withDatabase(POSTGRES_URL, NAME);
        url.searchParams.set("synchronize", "true");
        await signsInWithDatabaseSession({ database: url.href });
        expect(await sessions()).toBe(1);
      },
    );

    it.skipIf(!available)("the object form { type: 'postgres', host, port, username, database } signs in", async () => {
      const url = new URL(POSTGRES_URL);
      await signsInWithDatabaseSession({
        database: {
          type: "postgres",
          host: url.hostname,
          port: Number(url.port || 5432),
          username: decodeURIComponent(url.username),
          ...(url.password === "" ? {} : { password: decodeURIComponent(url.password) }),
          database: NAME,
          synchronize: true,
        },
      });
      expect(await sessions()).toBe(2);
    });
  });

  describe("MariaDB", async () => {
    const available = await serviceAvailable("MariaDB", async () => {
      const connection = await mysql.createConnection({ uri: MYSQL_URL, connectTimeout: 3000 });
      await connection.query(`CREATE DATABASE ${NAME}`);
      await connection.end();
    });
    afterAll(async () => {
      if (!available) return;
      const connection = await mysql.createConnection({ uri: MYSQL_URL });
      await connection.query(`DROP DATABASE IF EXISTS ${NAME}`);
      await connection.end();
    });
    const sessions = async () => {
      const connection = await mysql.createConnection({ uri: withDatabase(MYSQL_URL, NAME).href });
      try {
        const [rows] = await connection.query("SELECT COUNT(*) AS n FROM auth_sessions");
        return Number((rows as { n: number }[])[0]?.n);
      } finally {
        await connection.end();
      }
    };

    it.skipIf(!available)("a mysql:// string with ?synchronize=true signs in; the session row is there", async () => {
      const url = withDatabase(MYSQL_URL, NAME);
      url.searchParams.set("synchronize", "true");
      await signsInWithDatabaseSession({ database: url.href });
      expect(await sessions()).toBe(1);
    });

    it.skipIf(!available)("the object form { type: 'mysql', host, port, username, database } signs in", async () => {
      const url = new URL(MYSQL_URL);
      await signsInWithDatabaseSession({
        database: {
          type: "mysql",
          host: url.hostname,
          port: Number(url.port || 3306),
          username: decodeURIComponent(url.username),
          ...(url.password === "" ? {} : { password: decodeURIComponent(url.password) }),
          database: NAME,
          synchronize: true,
        },
      });
      expect(await sessions()).toBe(2);
    });
  });
});
