/**
 * `@gatehouse/adapter-postgres`: PostgreSQL on `pg` — `PostgresAdapter("postgres://…")` or a
 * `pg.Pool` — and PGlite (PostgreSQL in WebAssembly) through `pgliteDriver`.
 */
import pg from "pg";
import {
  SqlAdapter,
  numberedPlaceholders,
  type Row,
  type SqlAdapterOptions,
  type SqlDriver,
  type SqlExecutor,
  type SqlDatabaseAdapter,
} from "@gatehouse/adapter-sql";

type Queryable = { query(text: string, values?: unknown[]): Promise<{ rows: Row[]; rowCount: number | null }> };

/** Migrations hold this advisory lock (a constant: "gatehouse" in ASCII). */
const LOCK_KEY = 0x676174656;

function executor(db: Queryable): SqlExecutor {
  return {
    run: async (sql, params = []) => {
      const result = await db.query(numberedPlaceholders(sql), [...params]);
      return { rows: result.rows, changes: result.rowCount ?? 0 };
    },
  };
}

/**
 * A driver over a `pg.Pool`. Transactions check out one client; migrations also hold a
 * transaction-scoped advisory lock, so instances starting together migrate one at a time.
 *
 * @param pool - The pool to run on; `close()` ends it.
 * @returns The driver, for `SqlAdapter` from `@gatehouse/adapter-sql`.
 *
 * @example
 * ```ts
 * const adapter = SqlAdapter(postgresDriver(new pg.Pool({ connectionString: url })));
 * ```
 */
export function postgresDriver(pool: pg.Pool): SqlDriver {
  const transaction = async <T>(work: (tx: SqlExecutor) => Promise<T>, lock = false): Promise<T> => {
    const client = await pool.connect();
    // A connection lost mid-transaction makes a checked-out client emit "error", which would
    // crash the process unheard; the failing query already reports it (and ROLLBACK is moot).
    const ignore = (): void => undefined;
    client.on("error", ignore);
    try {
      await client.query("BEGIN");
      if (lock) await client.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY]);
      const result = await work(executor(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.off("error", ignore);
      client.release();
    }
  };
  return {
    dialect: "postgres",
    run: executor(pool).run,
    transaction: (work) => transaction(work),
    withMigrationLock: (work) => transaction(work, true),
    close: () => pool.end(),
  };
}

/** What `pgliteDriver` needs of a PGlite instance. */
export interface PGliteLike {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }>;
  transaction<T>(
    work: (tx: {
      query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }>;
    }) => Promise<T>,
  ): Promise<T>;
  close(): Promise<void>;
}

/**
 * A driver over PGlite, PostgreSQL in WebAssembly (one connection; its transactions serialize,
 * and migrations run in one).
 *
 * @param db - A PGlite instance (anything {@link PGliteLike}).
 * @returns The driver, for `SqlAdapter` from `@gatehouse/adapter-sql`.
 *
 * @example
 * ```ts
 * import { PGlite } from "@electric-sql/pglite";
 * const adapter = SqlAdapter(pgliteDriver(new PGlite()));
 * await adapter.migrate();
 * ```
 */
export function pgliteDriver(db: PGliteLike): SqlDriver {
  const wrap = (q: Pick<PGliteLike, "query">): SqlExecutor => ({
    run: async (sql, params = []) => {
      const result = await q.query(numberedPlaceholders(sql), [...params]);
      return { rows: result.rows as Row[], changes: result.affectedRows ?? 0 };
    },
  });
  const transaction = <T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> => db.transaction((tx) => work(wrap(tx)));
  return {
    dialect: "postgres",
    run: wrap(db).run,
    transaction,
    withMigrationLock: transaction,
    close: () => db.close(),
  };
}

/**
 * The PostgreSQL adapter for a connection URL (a pool of up to 10 connections is made) or a
 * `pg.Pool` of your own.
 *
 * @param connection - A `postgres://` URL or a `pg.Pool`.
 * @param options - Table prefix, id generator and clock (`SqlAdapterOptions`).
 * @returns The adapter; run `migrate()` once before first use.
 * @throws TypeError when `options.tablePrefix` is not letters, digits and `_`.
 *
 * @example
 * ```ts
 * const adapter = PostgresAdapter(process.env.DATABASE_URL!);
 * await adapter.migrate();
 * ```
 */
export function PostgresAdapter(connection: string | pg.Pool, options: SqlAdapterOptions = {}): SqlDatabaseAdapter {
  if (typeof connection !== "string") return SqlAdapter(postgresDriver(connection), options);
  const pool = new pg.Pool({ connectionString: connection, max: 10 });
  // An idle connection that drops (a database restart, a proxy timing out) makes the pool emit
  // "error"; unheard, that would crash the process. The pool discards the connection itself, and
  // the next query reports any lasting outage as an adapter failure.
  pool.on("error", () => undefined);
  return SqlAdapter(postgresDriver(pool), options);
}
