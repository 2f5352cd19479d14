/**
 * The tables the SQL migrations create, for tests that clean up after themselves.
 */

/** Every table of the SQL schema, children before the users they point at, `migrations` last. */
const TABLES = [
  "accounts",
  "sessions",
  "verification_tokens",
  "passwords",
  "passkeys",
  "two_factor",
  "backup_codes",
  "users",
  "migrations",
] as const;

/**
 * The statements that drop every table of the schema under `prefix`, in an order foreign keys allow.
 * @param prefix - The tables' prefix.
 * @param dialect - `"postgres"` adds `CASCADE`; MySQL and SQLite need none in this order.
 * @returns One `DROP TABLE IF EXISTS` per table.
 * @example `for (const sql of dropTables(prefix, "postgres")) await pool.query(sql);`
 */
export function dropTables(prefix: string, dialect: "postgres" | "mysql" | "sqlite"): string[] {
  const cascade = dialect === "postgres" ? " CASCADE" : "";
  return TABLES.map((table) => `DROP TABLE IF EXISTS ${prefix}${table}${cascade}`);
}
