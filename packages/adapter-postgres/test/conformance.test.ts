import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { dropTables, runAdapterConformance, serviceAvailable } from "@gatehouse/adapter-test";
import { SqlAdapter } from "@gatehouse/adapter-sql";
import { PostgresAdapter, pgliteDriver } from "../src/index.js";

const URL = process.env.GATEHOUSE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const available = await serviceAvailable("PostgreSQL", async () => {
  const client = new pg.Client({ connectionString: URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  await client.end();
});

runAdapterConformance(
  "PostgreSQL (pg)",
  async () => {
    // A prefix of its own per run: the suite never touches other tables in the database.
    const prefix = `t${Date.now().toString(36)}_`;
    const adapter = PostgresAdapter(URL, { tablePrefix: prefix });
    await Promise.all([adapter.migrate(), adapter.migrate(), adapter.migrate()]); // concurrent starts
    return {
      adapter,
      cleanup: async () => {
        const pool = new pg.Pool({ connectionString: URL });
        for (const statement of dropTables(prefix, "postgres")) await pool.query(statement);
        await pool.end();
        await adapter.close();
      },
    };
  },
  available,
);

runAdapterConformance("PGlite (PostgreSQL in WebAssembly)", async () => {
  const db = new PGlite();
  const adapter = SqlAdapter(pgliteDriver(db));
  await adapter.migrate();
  return { adapter, cleanup: () => adapter.close() };
});
