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

/**
 * Every schema version, in order. `migrate()` applies the ones a database has not recorded in
 * `<prefix>migrations` (the recorded set may have gaps), each in the migration lock.
 */
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
    // MySQL/MariaDB compare with the table's default collation, case- and accent-insensitive
    // and blind to trailing spaces: `getUserByAccount(…, "ALICE ")` found "alice", and session
    // hashes matched in any case. Identifiers, tokens and hashes compare byte for byte now, in
    // new and existing tables alike. MariaDB refuses to change a column a foreign key uses (even
    // with FOREIGN_KEY_CHECKS off), so the two foreign keys are dropped (whatever their names)
    // and made again around the change; run again, the whole sequence ends in the same place.
    version: 2,
    statements: (dialect, p) => {
      if (dialect !== "mysql") return [];
      // A binary collation that also counts trailing spaces: MariaDB's `nopad`, MySQL 8's `0900`
      // (MySQL 5.7 has only the padding `utf8mb4_bin`). The ALTERs are built with it, then run.
      const bin = (column: string, length: number, nullable = false) =>
        `MODIFY ${column} VARCHAR(${length}) CHARACTER SET utf8mb4 COLLATE ', @gatehouse_collation, '${nullable ? "" : " NOT NULL"}`;
      const run = (sql: string) => [
        `SET @gatehouse_sql = CONCAT('${sql}')`,
        "PREPARE gatehouse_migration FROM @gatehouse_sql",
        "EXECUTE gatehouse_migration",
        "DEALLOCATE PREPARE gatehouse_migration",
      ];
      const dropForeignKey = (table: string) => [
        `SET @gatehouse_fk = (SELECT CONSTRAINT_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = '${p}${table}' AND REFERENCED_TABLE_NAME = '${p}users' LIMIT 1)`,
        `SET @gatehouse_sql = IF(@gatehouse_fk IS NULL, 'DO 0', CONCAT('ALTER TABLE ${p}${table} DROP FOREIGN KEY \`', @gatehouse_fk, '\`'))`,
        "PREPARE gatehouse_migration FROM @gatehouse_sql",
        "EXECUTE gatehouse_migration",
        "DEALLOCATE PREPARE gatehouse_migration",
      ];
      const addForeignKey = (table: string) =>
        `ALTER TABLE ${p}${table} ADD CONSTRAINT ${p}${table}_user_fk FOREIGN KEY (user_id) REFERENCES ${p}users (id) ON DELETE CASCADE`;
      return [
        "SET @gatehouse_collation = (SELECT COLLATION_NAME FROM information_schema.COLLATIONS WHERE COLLATION_NAME IN ('utf8mb4_nopad_bin', 'utf8mb4_0900_bin', 'utf8mb4_bin') ORDER BY FIELD(COLLATION_NAME, 'utf8mb4_nopad_bin', 'utf8mb4_0900_bin', 'utf8mb4_bin') LIMIT 1)",
        ...dropForeignKey("accounts"),
        ...dropForeignKey("sessions"),
        ...run(`ALTER TABLE ${p}users ${bin("id", 255)}, ${bin("email", 320, true)}`),
        ...run(
          `ALTER TABLE ${p}accounts ${bin("user_id", 255)}, ${bin("type", 32)}, ${bin("provider", 255)}, ${bin("provider_account_id", 255)}`,
        ),
        ...run(`ALTER TABLE ${p}sessions ${bin("session_token", 255)}, ${bin("user_id", 255)}`),
        ...run(`ALTER TABLE ${p}verification_tokens ${bin("identifier", 320)}, ${bin("token", 255)}`),
        addForeignKey("accounts"),
        addForeignKey("sessions"),
      ];
    },
  },
  {
    // Password credentials (the Password() provider): one PHC hash string per user.
    version: 3,
    statements: (dialect, p) => {
      const table = (key: string) => `CREATE TABLE IF NOT EXISTS ${p}passwords (
        user_id ${key} NOT NULL PRIMARY KEY,
        hash TEXT NOT NULL,
        updated_at BIGINT NOT NULL,
        FOREIGN KEY (user_id) REFERENCES ${p}users (id) ON DELETE CASCADE
      )`;
      if (dialect !== "mysql") return [table("TEXT")];
      // The foreign key needs users.id's collation, which version 2 chose among the server's.
      return [
        `SET @gatehouse_collation = (SELECT COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${p}users' AND COLUMN_NAME = 'id')`,
        `SET @gatehouse_sql = CONCAT('${table("VARCHAR(255) CHARACTER SET utf8mb4 COLLATE ', @gatehouse_collation, '")}')`,
        "PREPARE gatehouse_migration FROM @gatehouse_sql",
        "EXECUTE gatehouse_migration",
        "DEALLOCATE PREPARE gatehouse_migration",
      ];
    },
  },
  {
    // Passkeys (WebAuthn credentials): the credential id is the key, unique across users.
    version: 4,
    statements: (dialect, p) => {
      // MySQL: byte-for-byte comparison (as migration 2 gives the other tables' identifiers).
      const key = (length: number) =>
        dialect === "mysql" ? `VARCHAR(${length}) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin` : "TEXT";
      // base64url is case-sensitive: MySQL compares the id as ASCII bytes (and 1400 bytes fits
      // an InnoDB key; a credential id is at most 1023 bytes, 1364 in base64url).
      const id = dialect === "mysql" ? "VARCHAR(1400) CHARACTER SET ascii COLLATE ascii_bin" : "TEXT";
      // MySQL: no foreign key, whose column would have to match the users.id collation of the
      // day; deleteUser deletes the user's passkeys itself, in its transaction.
      const owner =
        dialect === "mysql"
          ? `,\n          INDEX ${p}passkeys_user_id (user_id)`
          : `,\n          FOREIGN KEY (user_id) REFERENCES ${p}users (id) ON DELETE CASCADE`;
      const statements = [
        `CREATE TABLE IF NOT EXISTS ${p}passkeys (
          id ${id} NOT NULL PRIMARY KEY,
          user_id ${key(255)} NOT NULL,
          public_key TEXT NOT NULL,
          counter BIGINT NOT NULL,
          transports ${key(255)} NOT NULL,
          device_type ${key(16)} NOT NULL,
          backed_up SMALLINT NOT NULL,
          name ${key(255)} NOT NULL,
          created_at BIGINT NOT NULL,
          last_used_at BIGINT${owner}
        )`,
      ];
      if (dialect !== "mysql") {
        statements.push(`CREATE INDEX IF NOT EXISTS ${p}passkeys_user_id ON ${p}passkeys (user_id)`);
      }
      return statements;
    },
  },
  {
    // Two-factor authentication: one TOTP record per user, and the user's hashed backup codes.
    // No foreign key to users: a credentials user with JWT sessions has no user row, and may
    // still turn two-factor on. `deleteUser` deletes both.
    version: 5,
    statements: (dialect, p) => {
      // MySQL: compared byte for byte, as migration 2 made the other identifiers.
      const key = (length: number) =>
        dialect === "mysql" ? `VARCHAR(${length}) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin` : "TEXT";
      return [
        `CREATE TABLE IF NOT EXISTS ${p}two_factor (
          user_id ${key(255)} NOT NULL PRIMARY KEY,
          secret TEXT NOT NULL,
          enabled_at BIGINT,
          last_used_step BIGINT,
          trusted_after BIGINT
        )`,
        `CREATE TABLE IF NOT EXISTS ${p}backup_codes (
          user_id ${key(255)} NOT NULL,
          code_hash ${key(64)} NOT NULL,
          PRIMARY KEY (user_id, code_hash)
        )`,
      ];
    },
  },
  {
    // Step-up: when and how the user last really authenticated in each session.
    version: 6,
    statements: (dialect, p) =>
      dialect === "postgres"
        ? [
            `ALTER TABLE ${p}sessions ADD COLUMN IF NOT EXISTS authenticated_at BIGINT`,
            `ALTER TABLE ${p}sessions ADD COLUMN IF NOT EXISTS amr TEXT`,
          ]
        : dialect === "mysql"
          ? // One statement, so it happens whole or not at all (MySQL commits DDL at once).
            [`ALTER TABLE ${p}sessions ADD COLUMN authenticated_at BIGINT, ADD COLUMN amr TEXT`]
          : // SQLite: inside the migration's write transaction, with the version's record.
            [
              `ALTER TABLE ${p}sessions ADD COLUMN authenticated_at BIGINT`,
              `ALTER TABLE ${p}sessions ADD COLUMN amr TEXT`,
            ],
  },
];

/** The table that records applied versions. */
export function migrationsTable(prefix: string): string {
  return `CREATE TABLE IF NOT EXISTS ${prefix}migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)`;
}
