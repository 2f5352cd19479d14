// A PostgreSQL database made at schema version 1 (the first release's tables), with rows in it,
// migrated to the current version: the rows stay, and the old user gets passwords, passkeys,
// two-factor and step-up sessions. Real PostgreSQL, and PGlite.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { MIGRATIONS, SqlAdapter } from "@gatehouse/adapter-sql";
import { dropTables, checkUpgraded, oldRows, serviceAvailable } from "@gatehouse/adapter-test";
import { PostgresAdapter, pgliteDriver } from "../src/index.js";

const URL = process.env.GATEHOUSE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const available = await serviceAvailable("PostgreSQL", async () => {
  const client = new pg.Client({ connectionString: URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  await client.end();
});
const LATER = MIGRATIONS.map((migration) => migration.version).filter((version) => version > 2);

/** The statements that made schema version 1, and its record. */
function version1(prefix: string): string[] {
  return [
    ...(MIGRATIONS.find((migration) => migration.version === 1)?.statements("postgres", prefix) ?? []),
    `CREATE TABLE ${prefix}migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)`,
    `INSERT INTO ${prefix}migrations VALUES (1, 0)`,
  ];
}

describe.skipIf(!available)("PostgreSQL: upgrading a version 1 database", () => {
  it("keeps its rows and gains every later feature", async () => {
    const prefix = `up${Date.now().toString(36)}_`;
    const pool = new pg.Pool({ connectionString: URL });
    const adapter = PostgresAdapter(URL, { tablePrefix: prefix });
    try {
      const old = oldRows(prefix);
      for (const statement of [...version1(prefix), ...old.statements]) await pool.query(statement);
      expect((await adapter.migrate()).applied).toEqual(LATER);
      await checkUpgraded(adapter, old.rows);
    } finally {
      await adapter.close();
      for (const statement of dropTables(prefix, "postgres")) await pool.query(statement);
      await pool.end();
    }
  });
});

describe("PGlite: upgrading a version 1 database", () => {
  it("keeps its rows and gains every later feature", async () => {
    const db = new PGlite();
    const old = oldRows("auth_");
    for (const statement of [...version1("auth_"), ...old.statements]) await db.query(statement);
    const adapter = SqlAdapter(pgliteDriver(db));
    try {
      expect((await adapter.migrate()).applied).toEqual(LATER);
      await checkUpgraded(adapter, old.rows);
    } finally {
      await adapter.close();
    }
  });
});
