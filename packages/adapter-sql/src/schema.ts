/**
 * The schema, as versioned migrations per dialect. Each version runs once, under the migration
 * lock, and is recorded in `<prefix>migrations`; every statement is also idempotent on its own,
 * so a half-finished earlier attempt is completed rather than broken. Dates are stored as
 * milliseconds since the epoch (BIGINT), so they round-trip exactly in every database.
 */
import type { Dialect } from "./driver.js";

/** One schema version: its statements for each dialect. */
export interface Migration {
  version: number;
  statements: (dialect: Dialect, prefix: string) => string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    statements: (dialect, p) => {
      const text = "TEXT";
      const key = (length: number) => (dialect === "mysql" ? `VARCHAR(${length})` : "TEXT");
      // MySQL has no CREATE INDEX IF NOT EXISTS: its indexes are declared inside CREATE TABLE.
      const inline = (name: string, column: string) =>
        dialect === "mysql" ? `,\n          INDEX ${p}${name} (${column})` : "";
      const index = (name: string, table: string, column: string) =>
        dialect === "mysql" ? null : `CREATE INDEX IF NOT EXISTS ${p}${name} ON ${p}${table} (${column})`;
      const statements: (string | null)[] = [
        `CREATE TABLE IF NOT EXISTS ${p}users (
          id ${key(255)} NOT NULL PRIMARY KEY,
          name ${text},
          email ${key(320)} UNIQUE,
          email_verified BIGINT,
          image ${text}
        )`,
        `CREATE TABLE IF NOT EXISTS ${p}accounts (
          user_id ${key(255)} NOT NULL,
          type ${key(32)} NOT NULL,
          provider ${key(255)} NOT NULL,
          provider_account_id ${key(255)} NOT NULL,
          access_token ${text},
          refresh_token ${text},
          id_token ${text},
          expires_at BIGINT,
          token_type ${key(64)},
          scope ${text},
          session_state ${text},
          PRIMARY KEY (provider, provider_account_id),
          FOREIGN KEY (user_id) REFERENCES ${p}users (id) ON DELETE CASCADE${inline("accounts_user_id", "user_id")}
        )`,
        index("accounts_user_id", "accounts", "user_id"),
        `CREATE TABLE IF NOT EXISTS ${p}sessions (
          session_token ${key(255)} NOT NULL PRIMARY KEY,
          user_id ${key(255)} NOT NULL,
          expires BIGINT NOT NULL,
          created_at BIGINT,
          last_seen_at BIGINT,
          user_agent ${text},
          FOREIGN KEY (user_id) REFERENCES ${p}users (id) ON DELETE CASCADE${inline("sessions_user_id", "user_id")}
        )`,
        index("sessions_user_id", "sessions", "user_id"),
        `CREATE TABLE IF NOT EXISTS ${p}verification_tokens (
          identifier ${key(320)} NOT NULL,
          token ${key(255)} NOT NULL,
          expires BIGINT NOT NULL,
          PRIMARY KEY (identifier, token)
        )`,
      ];
      return statements.filter((statement): statement is string => statement !== null);
    },
  },
  {
    // Password credentials (the Password() provider): one PHC hash string per user.
    version: 3,
    statements: (dialect, p) => {
      const key = dialect === "mysql" ? "VARCHAR(255)" : "TEXT";
      return [
        `CREATE TABLE IF NOT EXISTS ${p}passwords (
          user_id ${key} NOT NULL PRIMARY KEY,
          hash TEXT NOT NULL,
          updated_at BIGINT NOT NULL,
          FOREIGN KEY (user_id) REFERENCES ${p}users (id) ON DELETE CASCADE
        )`,
      ];
    },
  },
];

/** The table that records applied versions. */
export function migrationsTable(prefix: string): string {
  return `CREATE TABLE IF NOT EXISTS ${prefix}migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)`;
}
