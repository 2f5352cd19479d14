/**
 * `@gatehouse/adapter-sqlite`: the embedded default. `SQLiteAdapter("file:./auth.db")` (or
 * `":memory:"`), on @libsql/client, which installs in seconds on a fresh machine (its binary
 * ships through npm; no compiler needed).
 *
 * @example
 * ```ts
 * const adapter = SQLiteAdapter("file:./auth.db"); await adapter.migrate()
 * ```
 */
import { createClient, type Client, type InArgs, type Transaction } from "@libsql/client";
import {
  SqlAdapter,
  type SqlAdapterOptions,
  type SqlDriver,
  type SqlExecutor,
  type SqlDatabaseAdapter,
} from "@gatehouse/adapter-sql";

function executor(db: Client | Transaction): SqlExecutor {
  return {
    run: async (sql, params = []) => {
      const result = await db.execute({ sql, args: params as InArgs });
      return { rows: result.rows.map((row) => ({ ...row })), changes: result.rowsAffected };
    },
  };
}

/** A driver over a libsql client. */
export function sqliteDriver(client: Client): SqlDriver {
  const base = executor(client);
  const transaction = async <T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> => {
    const tx = await client.transaction("write");
    try {
      const result = await work(executor(tx));
      await tx.commit();
      return result;
    } catch (error) {
      await tx.rollback().catch(() => undefined);
      throw error;
    } finally {
      tx.close();
    }
  };
  return {
    dialect: "sqlite",
    run: base.run,
    transaction,
    // A write transaction takes SQLite's write lock: concurrent migrations queue behind it.
    withMigrationLock: transaction,
    close: () => {
      client.close();
      return Promise.resolve();
    },
  };
}

/** Turns `sqlite:./auth.db`, `file:./auth.db`, a path or `:memory:` into a libsql URL. */
export function sqliteUrl(location: string): string {
  if (location === ":memory:" || location === "sqlite::memory:") return ":memory:";
  if (location.startsWith("file:") || location.startsWith("libsql:")) return location;
  return `file:${location.replace(/^sqlite:(\/\/)?/, "")}`;
}

/** The SQLite adapter for a database file (created if missing). */
export function SQLiteAdapter(location: string | Client, options: SqlAdapterOptions = {}): SqlDatabaseAdapter {
  const client = typeof location === "string" ? createClient({ url: sqliteUrl(location) }) : location;
  const driver = sqliteDriver(client);
  const adapter = SqlAdapter(driver, options);
  // Foreign keys (the ON DELETE CASCADEs) and a busy timeout for concurrent writers.
  const ready = client.execute("PRAGMA foreign_keys = ON").then(() => client.execute("PRAGMA busy_timeout = 5000"));
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(adapter)) {
    wrapped[name] = async (...args: unknown[]) => {
      await ready;
      return (method as (...a: unknown[]) => unknown)(...args);
    };
  }
  return wrapped as unknown as SqlDatabaseAdapter;
}
