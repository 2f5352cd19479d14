/**
 * `@gatehouse/adapter-mysql`: MySQL and MariaDB on `mysql2` — `MySQLAdapter("mysql://…")` or a
 * pool.
 */
import mysql from "mysql2/promise";
import {
  SqlAdapter,
  type Row,
  type SqlAdapterOptions,
  type SqlDriver,
  type SqlExecutor,
  type SqlDatabaseAdapter,
} from "@gatehouse/adapter-sql";

type Connection = Pick<mysql.PoolConnection, "query">;

function executor(db: Connection): SqlExecutor {
  return {
    run: async (sql, params = []) => {
      const [result] = await db.query(sql, [...params]);
      if (Array.isArray(result)) return { rows: result as Row[], changes: 0 };
      return { rows: [], changes: (result as mysql.ResultSetHeader).affectedRows };
    },
  };
}

/**
 * A driver over a mysql2 pool. DDL commits implicitly in MySQL, so migrations hold a named lock
 * (`GET_LOCK`) on one connection rather than a transaction.
 *
 * @param pool - A `mysql2/promise` pool; `close()` ends it.
 * @returns The driver, for `SqlAdapter` from `@gatehouse/adapter-sql`.
 *
 * @example
 * ```ts
 * const adapter = SqlAdapter(mysqlDriver(mysql.createPool({ uri: url, charset: "utf8mb4" })));
 * ```
 */
export function mysqlDriver(pool: mysql.Pool): SqlDriver {
  const transaction = async <T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> => {
    const connection = await pool.getConnection();
    try {
      await connection.beginTransaction();
      const result = await work(executor(connection));
      await connection.commit();
      return result;
    } catch (error) {
      await connection.rollback().catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
  };
  return {
    dialect: "mysql",
    run: executor(pool).run,
    transaction,
    async withMigrationLock(work) {
      // DDL commits implicitly in MySQL, so the lock is a named lock on one connection.
      const connection = await pool.getConnection();
      try {
        await connection.query("SELECT GET_LOCK('gatehouse_migrate', 60)");
        return await work(executor(connection));
      } finally {
        await connection.query("SELECT RELEASE_LOCK('gatehouse_migrate')").catch(() => undefined);
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * The MySQL/MariaDB adapter for a connection URL (a `utf8mb4` pool of up to 10 connections is
 * made) or a mysql2 pool of your own.
 *
 * @param connection - A `mysql://` URL or a `mysql2/promise` pool.
 * @param options - Table prefix, id generator and clock (`SqlAdapterOptions`).
 * @returns The adapter; run `migrate()` once before first use.
 * @throws TypeError when `options.tablePrefix` is not letters, digits and `_`.
 *
 * @example
 * ```ts
 * const adapter = MySQLAdapter("mysql://root@127.0.0.1:3306/app");
 * await adapter.migrate();
 * ```
 */
export function MySQLAdapter(connection: string | mysql.Pool, options: SqlAdapterOptions = {}): SqlDatabaseAdapter {
  const pool =
    typeof connection === "string"
      ? mysql.createPool({ uri: connection, connectionLimit: 10, charset: "utf8mb4" })
      : connection;
  return SqlAdapter(mysqlDriver(pool), options);
}
