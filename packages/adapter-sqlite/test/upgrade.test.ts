// An SQLite file made at schema version 1 (the first release's tables), with rows in it, migrated
// to the current version: the rows stay, and the old user gets passwords, passkeys, two-factor and
// step-up sessions.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "@gatehouse/adapter-sql";
import { checkUpgraded, oldRows } from "@gatehouse/adapter-test";
import { SQLiteAdapter } from "../src/index.js";

describe("SQLite: upgrading a version 1 database", () => {
  it("keeps its rows and gains every later feature", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gatehouse-sqlite-upgrade-"));
    const file = join(dir, "auth.db");
    const client = createClient({ url: `file:${file}` });
    for (const statement of MIGRATIONS.find((migration) => migration.version === 1)?.statements("sqlite", "auth_") ??
      [])
      await client.execute(statement);
    await client.execute(
      "CREATE TABLE auth_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)",
    );
    await client.execute("INSERT INTO auth_migrations VALUES (1, 0)");
    const old = oldRows("auth_");
    for (const statement of old.statements) await client.execute(statement);
    client.close();
    const adapter = SQLiteAdapter(`sqlite:${file}`);
    try {
      const later = MIGRATIONS.map((migration) => migration.version).filter((version) => version > 2);
      expect((await adapter.migrate()).applied).toEqual(later);
      await checkUpgraded(adapter, old.rows);
    } finally {
      await adapter.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
