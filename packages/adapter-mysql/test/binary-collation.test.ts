// MySQL/MariaDB's default collation is case- and accent-insensitive and ignores trailing spaces
// (issue 9, item 10): `getUserByAccount(…, "ALICE ")` found "alice", and a session hash matched
// in another case. Migration 2 makes identifiers, tokens and hashes compare byte for byte — in
// new tables and in tables created before it. Real MariaDB.
import mysql from "mysql2/promise";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "@gatehouse/adapter-sql";
import { dropTables, checkUpgraded, oldRows, serviceAvailable } from "@gatehouse/adapter-test";
import { MySQLAdapter } from "../src/index.js";

const URL = process.env.GATEHOUSE_TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/test";
const available = await serviceAvailable("MariaDB/MySQL", async () => {
  const connection = await mysql.createConnection({ uri: URL, connectTimeout: 3000 });
  await connection.end();
});

const prefixes: string[] = [];
afterAll(async () => {
  if (!available) return;
  const connection = await mysql.createConnection({ uri: URL });
  for (const prefix of prefixes) for (const statement of dropTables(prefix, "mysql")) await connection.query(statement);
  await connection.end();
});

async function exercise(adapter: ReturnType<typeof MySQLAdapter>): Promise<void> {
  const alice = await adapter.createUser({ email: "alice@example.com", emailVerified: null });
  await adapter.linkAccount({ userId: alice.id, provider: "github", providerAccountId: "alice", type: "oauth" });
  expect((await adapter.getUserByAccount({ provider: "github", providerAccountId: "alice" }))?.id).toBe(alice.id);
  for (const lookalike of ["ALICE", "alice ", "ALICE ", "Alice", "alicé"])
    expect(await adapter.getUserByAccount({ provider: "github", providerAccountId: lookalike }), lookalike).toBeNull();
  expect(await adapter.getUserByAccount({ provider: "GitHub", providerAccountId: "alice" })).toBeNull();
  // A second account whose id differs only in case is another account, not a duplicate key.
  const mallory = await adapter.createUser({ email: "mallory@example.com", emailVerified: null });
  await adapter.linkAccount({ userId: mallory.id, provider: "github", providerAccountId: "ALICE", type: "oauth" });
  expect((await adapter.getUserByAccount({ provider: "github", providerAccountId: "ALICE" }))?.id).toBe(mallory.id);

  const hash = "aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789_-AbCd";
  await adapter.createSession({ sessionToken: hash, userId: alice.id, expires: new Date(Date.now() + 3_600_000) });
  expect((await adapter.getSessionAndUser(hash))?.user.id).toBe(alice.id);
  expect(await adapter.getSessionAndUser(hash.toLowerCase())).toBeNull();
  expect(await adapter.getSessionAndUser(hash.toUpperCase())).toBeNull();
  expect(await adapter.getSessionAndUser(`${hash} `)).toBeNull();

  await adapter.createVerificationToken({
    identifier: "alice@example.com",
    token: "TokenHash",
    expires: new Date(Date.now() + 600_000),
  });
  expect(await adapter.useVerificationToken({ identifier: "alice@example.com", token: "tokenhash" })).toBeNull();
  expect(await adapter.useVerificationToken({ identifier: "ALICE@example.com", token: "TokenHash" })).toBeNull();
  expect((await adapter.useVerificationToken({ identifier: "alice@example.com", token: "TokenHash" }))?.token).toBe(
    "TokenHash",
  );
}

describe.skipIf(!available)("MariaDB: identifiers, tokens and hashes compare byte for byte", () => {
  it("in tables the migrations create", async () => {
    const prefix = `bin${Date.now().toString(36)}_`;
    prefixes.push(prefix);
    const adapter = MySQLAdapter(URL, { tablePrefix: prefix });
    try {
      expect((await adapter.migrate()).applied).toEqual([1, 2, 3, 4, 5, 6]);
      await exercise(adapter);
    } finally {
      await adapter.close();
    }
  });

  it("in tables created before migration 2 (with rows in them), once migrate runs", async () => {
    const prefix = `old${Date.now().toString(36)}_`;
    prefixes.push(prefix);
    const adapter = MySQLAdapter(URL, { tablePrefix: prefix });
    try {
      // Schema version 1 as it was (before migration 2 existed), with rows in it.
      const connection = await mysql.createConnection({ uri: URL });
      for (const statement of MIGRATIONS.find((m) => m.version === 1)?.statements("mysql", prefix) ?? [])
        await connection.query(statement);
      await connection.query(
        `CREATE TABLE ${prefix}migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)`,
      );
      await connection.query(`INSERT INTO ${prefix}migrations VALUES (1, 0)`);
      const old = oldRows(prefix);
      for (const statement of old.statements) await connection.query(statement);
      await connection.end();
      const kept = await adapter.createUser({ email: "kept@example.com", emailVerified: null });
      await adapter.linkAccount({ userId: kept.id, provider: "github", providerAccountId: "kept", type: "oauth" });
      expect((await adapter.getUserByAccount({ provider: "github", providerAccountId: "KEPT " }))?.id).toBe(kept.id);

      expect((await adapter.migrate()).applied).toEqual([2, 3, 4, 5, 6]);
      expect((await adapter.getUserByAccount({ provider: "github", providerAccountId: "kept" }))?.id).toBe(kept.id);
      expect(await adapter.getUserByAccount({ provider: "github", providerAccountId: "KEPT " })).toBeNull();
      await exercise(adapter);
      // The version 1 rows gain passwords, passkeys, two-factor and step-up sessions.
      await checkUpgraded(adapter, old.rows);
      // The foreign keys still hold: deleting the user takes its account with it.
      await adapter.deleteUser(kept.id);
      expect(await adapter.getUserByAccount({ provider: "github", providerAccountId: "kept" })).toBeNull();
    } finally {
      await adapter.close();
    }
  });
});
