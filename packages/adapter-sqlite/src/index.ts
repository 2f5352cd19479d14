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
import { resolve } from "node:path";
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

// Work on one database file, in order, process-wide. libsql runs each statement synchronously on
// the main thread, so while one connection holds SQLite's write lock across an await (a
// transaction), another connection in the same process that waits for the lock blocks the event
// loop, and the holder can never finish: a deadlock until the busy timeout. Queuing every
// operation per file removes the contention and costs nothing (nothing ran in parallel anyway).
// The queues live on globalThis so that copies of this module (bundlers duplicate them) share.
const QUEUES: unique symbol = Symbol.for("gatehouse.sqlite.queues");
const clientKeys = new WeakMap<Client, string>();

function processQueues(): Map<string, Promise<void>> {
  const holder = globalThis as { [QUEUES]?: Map<string, Promise<void>> | undefined };
  let queues = holder[QUEUES];
  if (queues === undefined) {
    queues = new Map();
    holder[QUEUES] = queues;
  }
  return queues;
}

function serialize<T>(key: string, work: () => Promise<T>): Promise<T> {
  const queues = processQueues();
  const run = (queues.get(key) ?? Promise.resolve()).then(work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

/** The queue key of a database: its absolute file path, or one of its own for anything else. */
function databaseKey(url: string | null, client: Client): string {
  const path = url === null ? null : /^file:(?!:memory:)(.+)$/.exec(url)?.[1];
  if (path !== null && path !== undefined)
    return `file:${resolve(decodeURIComponent(path.replace(/^\/\/(?=\/)/, "")))}`;
  let key = clientKeys.get(client);
  if (key === undefined) {
    key = `client:${globalThis.crypto.randomUUID()}`;
    clientKeys.set(client, key);
  }
  return key;
}

/**
 * A driver over a libsql client. Give the client one connection (`concurrency: 1`, as
 * {@link SQLiteAdapter} does): every operation is queued per database file anyway, since a
 * second connection waiting for SQLite's write lock would block the event loop.
 *
 * @param client - A libsql client.
 * @param key - The queue its operations share. Defaults to one queue for this client alone;
 *   clients on the same file in one process should pass the same key.
 * @returns The driver, for `SqlAdapter` from `@gatehouse/adapter-sql`.
 *
 * @example
 * ```ts
 * const driver = sqliteDriver(createClient({ url: "file:./auth.db", concurrency: 1 }));
 * const adapter = SqlAdapter(driver);
 * ```
 */
export function sqliteDriver(client: Client, key = databaseKey(null, client)): SqlDriver {
  const base = executor(client);
  const transaction = <T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> =>
    serialize(key, async () => {
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
    });
  return {
    dialect: "sqlite",
    run: (sql, params) => serialize(key, () => base.run(sql, params)),
    transaction,
    // One writer at a time in this process (the queue), and across processes SQLite's write lock.
    withMigrationLock: transaction,
    close: () =>
      serialize(key, () => {
        client.close();
        return Promise.resolve();
      }),
  };
}

/**
 * Turns `sqlite:./auth.db`, `file:./auth.db`, a plain path or `:memory:` into a libsql URL.
 * `file:` and `libsql:` URLs pass through unchanged.
 *
 * @param location - Where the database is.
 * @returns The URL for `createClient`.
 *
 * @example
 * ```ts
 * sqliteUrl("sqlite:./auth.db"); // "file:./auth.db"
 * sqliteUrl("sqlite::memory:"); // ":memory:"
 * ```
 */
export function sqliteUrl(location: string): string {
  if (location === ":memory:" || location === "sqlite::memory:") return ":memory:";
  if (location.startsWith("file:") || location.startsWith("libsql:")) return location;
  return `file:${location.replace(/^sqlite:(\/\/)?/, "")}`;
}

/**
 * The SQLite adapter for a database file (created if missing), on one libsql connection with
 * foreign keys on and a 5-second busy timeout for writers in other processes.
 *
 * @param location - A path, `sqlite:`/`file:` URL or `:memory:` (see {@link sqliteUrl}), or a
 *   libsql client of your own.
 * @param options - Table prefix, id generator and clock (`SqlAdapterOptions`).
 * @returns The adapter; run `migrate()` once before first use.
 * @throws TypeError when `options.tablePrefix` is not letters, digits and `_`.
 *
 * @example
 * ```ts
 * const adapter = SQLiteAdapter("file:./auth.db");
 * await adapter.migrate();
 * export const { handlers, auth } = NextAuth({ adapter, providers: [] });
 * ```
 */
export function SQLiteAdapter(location: string | Client, options: SqlAdapterOptions = {}): SqlDatabaseAdapter {
  const url = typeof location === "string" ? sqliteUrl(location) : null;
  // One connection: the PRAGMAs below hold on it, and the queue serializes its use.
  const client = url === null ? (location as Client) : createClient({ url, concurrency: 1, timeout: 5000 });
  const driver = sqliteDriver(client, databaseKey(url, client));
  const adapter = SqlAdapter(driver, options);
  // Foreign keys (the ON DELETE CASCADEs) and a busy timeout for writers in other processes.
  const ready = driver
    .run("PRAGMA foreign_keys = ON")
    .then(() => driver.run("PRAGMA busy_timeout = 5000"))
    .then(() => undefined);
  // The declarations (symbol keys: KEEPS_GATEHOUSE_FIELDS) carry over; the methods wait for `ready`.
  const wrapped: Record<PropertyKey, unknown> = Object.fromEntries(
    Object.getOwnPropertySymbols(adapter).map((key) => [key, (adapter as Record<symbol, unknown>)[key]]),
  );
  for (const [name, method] of Object.entries(adapter)) {
    wrapped[name] = async (...args: unknown[]) => {
      await ready;
      return (method as (...a: unknown[]) => unknown)(...args);
    };
  }
  return wrapped as unknown as SqlDatabaseAdapter;
}
