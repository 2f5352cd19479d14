/**
 * What the SQL adapter needs from a database driver: run a statement with `?` placeholders,
 * and run a function in a transaction. Each first-party package wraps its driver in this.
 */

/** The SQL dialects the adapter speaks. */
export type Dialect = "sqlite" | "postgres" | "mysql";

/** One row, column name to value. */
export type Row = Record<string, unknown>;

/** A connection (or pool, or transaction). */
export interface SqlExecutor {
  /** Runs `sql` (with `?` placeholders) and returns the rows and the number of rows changed. */
  run: (sql: string, params?: readonly unknown[]) => Promise<{ rows: Row[]; changes: number }>;
}

/** A driver: an executor that can also open transactions. */
export interface SqlDriver extends SqlExecutor {
  readonly dialect: Dialect;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it rejects. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Runs `work` while holding the migration lock, so instances starting together migrate one at
   * a time (PostgreSQL: an advisory lock; MySQL: GET_LOCK; SQLite: a write transaction).
   */
  withMigrationLock<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Closes the connection or pool. */
  close(): Promise<void>;
}

/**
 * Rewrites `?` placeholders to PostgreSQL's numbered `$1, $2, …`. Every `?` is replaced, even one
 * inside a string literal: fine for the adapter's own statements, which never contain one.
 *
 * @param sql - A statement with `?` placeholders.
 * @returns The statement with numbered placeholders.
 *
 * @example
 * ```ts
 * numberedPlaceholders("SELECT * FROM auth_users WHERE id = ? AND email = ?");
 * // "SELECT * FROM auth_users WHERE id = $1 AND email = $2"
 * ```
 */
export function numberedPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}
