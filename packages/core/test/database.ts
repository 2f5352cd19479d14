/**
 * A real database for the tests: SQLite in memory through the first-party adapter, with a way to
 * look at the rows themselves (what is stored matters as much as what the routes answer).
 */
import { createHash } from "node:crypto";
import { createClient, type InValue } from "@libsql/client";
import { SQLiteAdapter } from "@gatehouse/adapter-sqlite";

export type TestAdapter = ReturnType<typeof SQLiteAdapter>;

export interface TestDatabase {
  adapter: TestAdapter;
  /** Rows of a query against the adapter's own tables (`auth_users`, `auth_sessions`, …). */
  rows: (sql: string, args?: InValue[]) => Promise<Record<string, unknown>[]>;
  /** How many rows `table` (without its prefix) has. */
  count: (table: "users" | "accounts" | "sessions" | "verification_tokens") => Promise<number>;
}

/** A fresh, migrated in-memory SQLite database. */
export async function memoryDatabase(): Promise<TestDatabase> {
  const client = createClient({ url: ":memory:" });
  const adapter = SQLiteAdapter(client);
  await adapter.migrate();
  const rows = async (sql: string, args: InValue[] = []) =>
    (await client.execute({ sql, args })).rows.map((row) => ({ ...row }));
  return {
    adapter,
    rows,
    count: async (table) => Number((await rows(`SELECT COUNT(*) AS n FROM auth_${table}`))[0]?.n),
  };
}

/** What the database stores for a session cookie: SHA-256, base64url. */
export function sessionHash(cookie: string): string {
  return createHash("sha256").update(cookie).digest("base64url");
}
