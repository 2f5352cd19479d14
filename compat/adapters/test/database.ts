/**
 * PostgreSQL for the compatibility suites: a schema of its own per suite, holding the tables an
 * adapter's documentation gives (created with SQL here: `prisma migrate` and `drizzle-kit` need
 * what cannot run offline), dropped at the end.
 */
import { readFileSync } from "node:fs";
import pg from "pg";

export const POSTGRES_URL = process.env.GATEHOUSE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Whether the server answers (for `serviceAvailable`). */
export async function probe(): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  await client.end();
}

export interface TestSchema {
  name: string;
  /** A pool whose connections work in the schema (unqualified names resolve there). */
  pool: pg.Pool;
  /** Rows of a query in the schema. */
  rows: (sql: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;
  drop: () => Promise<void>;
}

/** Creates a fresh schema `compat_<label>_…` with `statements` run in it. */
export async function createSchema(label: string, statements: readonly string[]): Promise<TestSchema> {
  const name = `compat_${label}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const setup = new pg.Client({ connectionString: POSTGRES_URL });
  await setup.connect();
  try {
    await setup.query(`CREATE SCHEMA "${name}"`);
    await setup.query(`SET search_path TO "${name}"`);
    for (const statement of statements) await setup.query(statement);
  } finally {
    await setup.end();
  }
  const pool = new pg.Pool({ connectionString: POSTGRES_URL, options: `-c search_path="${name}"`, max: 4 });
  return {
    name,
    pool,
    rows: async (sql, values = []) => (await pool.query(sql, values)).rows as Record<string, unknown>[],
    drop: async () => {
      await pool.end();
      const dropper = new pg.Client({ connectionString: POSTGRES_URL });
      await dropper.connect();
      await dropper.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      await dropper.end();
    },
  };
}

/** The statements of a SQL file (`;` at the end of a line ends one; `--` lines are comments). */
export function migration(file: URL): string[] {
  return readFileSync(file, "utf8")
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, "").trim())
    .filter((statement) => statement !== "");
}
