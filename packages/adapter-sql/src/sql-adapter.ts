/**
 * Gatehouse's adapter over SQL: every method of the contract (`DatabaseAdapter`), written once
 * for SQLite, PostgreSQL and MySQL/MariaDB. Tables are prefixed (`auth_` by default) so they never
 * collide with an app's own `users` table.
 */
import {
  KEEPS_GATEHOUSE_FIELDS,
  systemClock,
  type AdapterAccount,
  type AdapterPasskey,
  type AdapterSession,
  type AdapterTwoFactor,
  type AdapterUser,
  type DatabaseAdapter,
  type MigrationReport,
  type VerificationToken,
} from "@gatehouse/core";
import type { Row, SqlDriver, SqlExecutor } from "./driver.js";
import { MIGRATIONS, migrationsTable } from "./schema.js";

/** Options of {@link SqlAdapter}. */
export interface SqlAdapterOptions {
  /** Table name prefix. @default "auth_" */
  tablePrefix?: string;
  /** Makes user ids. @default crypto.randomUUID */
  generateId?: () => string;
  /** The clock expiry is judged by, in milliseconds: pass the auth instance's `now`. @default the system clock */
  now?: () => number;
}

const ACCOUNT_FIELDS = [
  "access_token",
  "refresh_token",
  "id_token",
  "expires_at",
  "token_type",
  "scope",
  "session_state",
] as const;

function date(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return new Date(Number(value));
}

function str(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return value.toString();
  throw new TypeError(`SQL adapter: expected a text column, got ${typeof value}`);
}

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : str(value);
}

function toUser(row: Row, prefix = ""): AdapterUser {
  return {
    id: str(row[`${prefix}id`]),
    name: text(row[`${prefix}name`]),
    email: text(row[`${prefix}email`]),
    emailVerified: date(row[`${prefix}email_verified`]),
    image: text(row[`${prefix}image`]),
  };
}

/** A session's `amr`, stored as the methods joined by spaces. */
function methods(value: unknown): string[] | null {
  const joined = text(value);
  return joined === null || joined === "" ? null : joined.split(" ");
}

function toSession(row: Row): AdapterSession {
  return {
    sessionToken: str(row.session_token),
    userId: str(row.user_id),
    expires: date(row.expires) as Date,
    createdAt: date(row.created_at),
    lastSeenAt: date(row.last_seen_at),
    userAgent: text(row.user_agent),
    authenticatedAt: date(row.authenticated_at),
    amr: methods(row.amr),
  };
}

function toTwoFactor(row: Row): AdapterTwoFactor {
  return {
    userId: str(row.user_id),
    secret: str(row.secret),
    enabledAt: date(row.enabled_at),
    lastUsedStep: row.last_used_step === null || row.last_used_step === undefined ? null : Number(row.last_used_step),
    trustedAfter: date(row.trusted_after),
  };
}

function toAccount(row: Row): AdapterAccount {
  const account: AdapterAccount = {
    userId: str(row.user_id),
    type: str(row.type) as AdapterAccount["type"],
    provider: str(row.provider),
    providerAccountId: str(row.provider_account_id),
  };
  for (const field of ACCOUNT_FIELDS) {
    const value = row[field];
    if (value === null || value === undefined) continue;
    if (field === "expires_at") account.expires_at = Number(value);
    else account[field] = str(value);
  }
  return account;
}

function toPasskey(row: Row): AdapterPasskey {
  const transports = str(row.transports);
  return {
    id: str(row.id),
    userId: str(row.user_id),
    publicKey: str(row.public_key),
    counter: Number(row.counter),
    transports: transports === "" ? [] : transports.split(","),
    deviceType: str(row.device_type) === "multiDevice" ? "multiDevice" : "singleDevice",
    backedUp: Number(row.backed_up) === 1 || row.backed_up === true,
    name: str(row.name),
    createdAt: date(row.created_at) as Date,
    lastUsedAt: date(row.last_used_at),
  };
}

/** A SQL adapter: the whole contract, plus its migrations and closing the connection. */
export type SqlDatabaseAdapter = Omit<DatabaseAdapter, "migrate"> & {
  migrate(): Promise<MigrationReport>;
  close(): Promise<void>;
};

/**
 * The SQL adapter over `driver`: every method of the adapter contract, plus `migrate()` (applies
 * the schema versions in {@link MIGRATIONS} the database lacks, under the driver's migration
 * lock) and `close()`. The dialect-specific packages (`@gatehouse/adapter-sqlite`, `-postgres`,
 * `-mysql`) call this with their driver; call it yourself only for a driver of your own.
 *
 * @param driver - Runs statements and transactions on one database ({@link SqlDriver}).
 * @param options - Table prefix, id generator and clock ({@link SqlAdapterOptions}).
 * @returns The adapter; run `migrate()` once before first use.
 * @throws TypeError when `tablePrefix` is not letters, digits and `_` (at most 31 characters).
 *
 * @example
 * ```ts
 * const adapter = SqlAdapter(postgresDriver(pool), { tablePrefix: "myapp_auth_" });
 * await adapter.migrate(); // { applied: [1, 2, …], version: … }
 * ```
 */
export function SqlAdapter(driver: SqlDriver, options: SqlAdapterOptions = {}): SqlDatabaseAdapter {
  const p = options.tablePrefix ?? "auth_";
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,30}$/.test(p))
    throw new TypeError("`tablePrefix` must be letters, digits and _ (at most 31).");
  const newId = options.generateId ?? (() => globalThis.crypto.randomUUID());
  const now = options.now ?? systemClock;
  const one = async (db: SqlExecutor, sql: string, params: readonly unknown[]): Promise<Row | null> =>
    (await db.run(sql, params)).rows[0] ?? null;

  async function insertUser(db: SqlExecutor, user: Omit<AdapterUser, "id"> & { id?: string }): Promise<AdapterUser> {
    const created: AdapterUser = {
      id: user.id ?? newId(),
      name: typeof user.name === "string" ? user.name : null,
      email: typeof user.email === "string" ? user.email : null,
      emailVerified: user.emailVerified instanceof Date ? user.emailVerified : null,
      image: typeof user.image === "string" ? user.image : null,
    };
    await db.run(`INSERT INTO ${p}users (id, name, email, email_verified, image) VALUES (?, ?, ?, ?, ?)`, [
      created.id,
      created.name,
      created.email,
      created.emailVerified?.getTime() ?? null,
      created.image,
    ]);
    return created;
  }

  async function insertAccount(db: SqlExecutor, account: AdapterAccount): Promise<AdapterAccount> {
    await db.run(
      `INSERT INTO ${p}accounts (user_id, type, provider, provider_account_id, ${ACCOUNT_FIELDS.join(", ")}) VALUES (?, ?, ?, ?, ${ACCOUNT_FIELDS.map(() => "?").join(", ")})`,
      [
        account.userId,
        account.type,
        account.provider,
        account.providerAccountId,
        ...ACCOUNT_FIELDS.map((field) => account[field] ?? null),
      ],
    );
    return account;
  }

  async function upsertPassword(db: SqlExecutor, userId: string, hash: string): Promise<void> {
    const conflict =
      driver.dialect === "mysql"
        ? "ON DUPLICATE KEY UPDATE hash = VALUES(hash), updated_at = VALUES(updated_at)"
        : "ON CONFLICT (user_id) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at";
    await db.run(`INSERT INTO ${p}passwords (user_id, hash, updated_at) VALUES (?, ?, ?) ${conflict}`, [
      userId,
      hash,
      now(),
    ]);
  }

  const adapter: SqlDatabaseAdapter = {
    // Sessions keep createdAt, lastSeenAt and userAgent; credentials users keep their ids.
    [KEEPS_GATEHOUSE_FIELDS]: true,
    async migrate(): Promise<MigrationReport> {
      return driver.withMigrationLock(async (tx) => {
        await tx.run(migrationsTable(p));
        const done = new Set(
          (await tx.run(`SELECT version FROM ${p}migrations`)).rows.map((row) => Number(row.version)),
        );
        const applied: number[] = [];
        for (const migration of MIGRATIONS) {
          if (done.has(migration.version)) continue;
          const statements = migration.statements(driver.dialect, p);
          // A version that changes nothing in this dialect (v2 is MySQL's) is not recorded here.
          if (statements.length === 0) continue;
          for (const statement of statements) await tx.run(statement);
          await tx.run(`INSERT INTO ${p}migrations (version, applied_at) VALUES (?, ?)`, [migration.version, now()]);
          applied.push(migration.version);
        }
        return { applied, version: Math.max(0, ...done, ...applied) };
      });
    },

    close: () => driver.close(),

    createUser: (user) => insertUser(driver, user),

    async getUser(id) {
      const row = await one(driver, `SELECT * FROM ${p}users WHERE id = ?`, [id]);
      return row === null ? null : toUser(row);
    },

    async getUserByEmail(email) {
      const row = await one(driver, `SELECT * FROM ${p}users WHERE email = ?`, [email]);
      return row === null ? null : toUser(row);
    },

    async getUserByAccount({ provider, providerAccountId }) {
      const row = await one(
        driver,
        `SELECT u.* FROM ${p}users u JOIN ${p}accounts a ON a.user_id = u.id WHERE a.provider = ? AND a.provider_account_id = ?`,
        [provider, providerAccountId],
      );
      return row === null ? null : toUser(row);
    },

    async updateUser(user) {
      const columns: [string, unknown][] = [];
      if (user.name !== undefined) columns.push(["name", user.name]);
      if (user.email !== undefined) columns.push(["email", user.email]);
      if (user.emailVerified !== undefined) columns.push(["email_verified", user.emailVerified?.getTime() ?? null]);
      if (user.image !== undefined) columns.push(["image", user.image]);
      if (columns.length > 0) {
        await driver.run(`UPDATE ${p}users SET ${columns.map(([column]) => `${column} = ?`).join(", ")} WHERE id = ?`, [
          ...columns.map(([, value]) => value),
          user.id,
        ]);
      }
      const updated: AdapterUser | null = await adapter.getUser(user.id);
      if (updated === null) throw new Error(`updateUser: no user ${user.id}`);
      return updated;
    },

    async deleteUser(id) {
      const user = await adapter.getUser(id);
      await driver.transaction(async (tx) => {
        await tx.run(`DELETE FROM ${p}sessions WHERE user_id = ?`, [id]);
        await tx.run(`DELETE FROM ${p}passkeys WHERE user_id = ?`, [id]);
        await tx.run(`DELETE FROM ${p}accounts WHERE user_id = ?`, [id]);
        await tx.run(`DELETE FROM ${p}passwords WHERE user_id = ?`, [id]);
        await tx.run(`DELETE FROM ${p}backup_codes WHERE user_id = ?`, [id]);
        await tx.run(`DELETE FROM ${p}two_factor WHERE user_id = ?`, [id]);
        await tx.run(`DELETE FROM ${p}users WHERE id = ?`, [id]);
      });
      return user;
    },

    linkAccount: (account) => insertAccount(driver, account),

    async getAccount(providerAccountId, provider) {
      const row = await one(driver, `SELECT * FROM ${p}accounts WHERE provider = ? AND provider_account_id = ?`, [
        provider,
        providerAccountId,
      ]);
      return row === null ? null : toAccount(row);
    },

    async updateAccount(update) {
      const columns: [string, unknown][] = [];
      for (const field of ["access_token", "refresh_token", "expires_at", "id_token", "scope"] as const) {
        if (update[field] !== undefined) columns.push([field, update[field]]);
      }
      if (columns.length > 0) {
        await driver.run(
          `UPDATE ${p}accounts SET ${columns.map(([name]) => `${name} = ?`).join(", ")} WHERE provider = ? AND provider_account_id = ?`,
          [...columns.map(([, value]) => value), update.provider, update.providerAccountId],
        );
      }
      return adapter.getAccount(update.providerAccountId, update.provider);
    },

    async unlinkAccount({ provider, providerAccountId }) {
      const row = await one(driver, `SELECT * FROM ${p}accounts WHERE provider = ? AND provider_account_id = ?`, [
        provider,
        providerAccountId,
      ]);
      await driver.run(`DELETE FROM ${p}accounts WHERE provider = ? AND provider_account_id = ?`, [
        provider,
        providerAccountId,
      ]);
      return row === null ? undefined : toAccount(row);
    },

    createUserWithAccount(user, account) {
      return driver.transaction(async (tx) => {
        const created = await insertUser(tx, user);
        await insertAccount(tx, { ...account, userId: created.id } as AdapterAccount);
        return created;
      });
    },

    async getPasswordHash(userId) {
      const row = await one(driver, `SELECT hash FROM ${p}passwords WHERE user_id = ?`, [userId]);
      return row === null ? null : str(row.hash);
    },

    setPasswordHash: (userId, hash) => upsertPassword(driver, userId, hash),

    createUserWithPassword(user, hash) {
      return driver.transaction(async (tx) => {
        const created = await insertUser(tx, user);
        await upsertPassword(tx, created.id, hash);
        return created;
      });
    },

    async createSession(session) {
      await driver.run(
        `INSERT INTO ${p}sessions (session_token, user_id, expires, created_at, last_seen_at, user_agent, authenticated_at, amr) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          session.sessionToken,
          session.userId,
          session.expires.getTime(),
          session.createdAt?.getTime() ?? null,
          session.lastSeenAt?.getTime() ?? null,
          session.userAgent ?? null,
          session.authenticatedAt?.getTime() ?? null,
          session.amr?.join(" ") ?? null,
        ],
      );
      return session;
    },

    async getSessionAndUser(sessionToken) {
      const row = await one(
        driver,
        `SELECT s.*, u.id AS u_id, u.name AS u_name, u.email AS u_email, u.email_verified AS u_email_verified, u.image AS u_image
         FROM ${p}sessions s JOIN ${p}users u ON u.id = s.user_id WHERE s.session_token = ?`,
        [sessionToken],
      );
      if (row === null) return null;
      const session = toSession(row);
      if (session.expires.getTime() <= now()) {
        await driver.run(`DELETE FROM ${p}sessions WHERE session_token = ?`, [sessionToken]);
        return null;
      }
      return { session, user: toUser(row, "u_") };
    },

    async updateSession(session) {
      const columns: [string, unknown][] = [];
      if (session.expires !== undefined) columns.push(["expires", session.expires.getTime()]);
      if (session.lastSeenAt !== undefined) columns.push(["last_seen_at", session.lastSeenAt?.getTime() ?? null]);
      if (session.userAgent !== undefined) columns.push(["user_agent", session.userAgent]);
      if (session.authenticatedAt !== undefined)
        columns.push(["authenticated_at", session.authenticatedAt?.getTime() ?? null]);
      if (session.amr !== undefined) columns.push(["amr", session.amr?.join(" ") ?? null]);
      if (columns.length > 0) {
        await driver.run(
          `UPDATE ${p}sessions SET ${columns.map(([column]) => `${column} = ?`).join(", ")} WHERE session_token = ?`,
          [...columns.map(([, value]) => value), session.sessionToken],
        );
      }
      const row = await one(driver, `SELECT * FROM ${p}sessions WHERE session_token = ?`, [session.sessionToken]);
      return row === null ? null : toSession(row);
    },

    async deleteSession(sessionToken) {
      const row = await one(driver, `SELECT * FROM ${p}sessions WHERE session_token = ?`, [sessionToken]);
      await driver.run(`DELETE FROM ${p}sessions WHERE session_token = ?`, [sessionToken]);
      return row === null ? null : toSession(row);
    },

    async createVerificationToken(token) {
      await driver.run(`INSERT INTO ${p}verification_tokens (identifier, token, expires) VALUES (?, ?, ?)`, [
        token.identifier,
        token.token,
        token.expires.getTime(),
      ]);
      return token;
    },

    async useVerificationToken({ identifier, token }): Promise<VerificationToken | null> {
      const row = await one(driver, `SELECT * FROM ${p}verification_tokens WHERE identifier = ? AND token = ?`, [
        identifier,
        token,
      ]);
      if (row === null) return null;
      // Of concurrent users of one token, only the one whose DELETE removes the row gets it.
      const { changes } = await driver.run(`DELETE FROM ${p}verification_tokens WHERE identifier = ? AND token = ?`, [
        identifier,
        token,
      ]);
      if (changes !== 1) return null;
      return {
        identifier: str(row.identifier),
        token: str(row.token),
        expires: date(row.expires) as Date,
      };
    },

    async createPasskey(passkey) {
      await driver.run(
        `INSERT INTO ${p}passkeys (id, user_id, public_key, counter, transports, device_type, backed_up, name, created_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          passkey.id,
          passkey.userId,
          passkey.publicKey,
          passkey.counter,
          passkey.transports.join(","),
          passkey.deviceType,
          passkey.backedUp ? 1 : 0,
          passkey.name,
          passkey.createdAt.getTime(),
          passkey.lastUsedAt?.getTime() ?? null,
        ],
      );
      return passkey;
    },

    async getPasskey(id) {
      const row = await one(driver, `SELECT * FROM ${p}passkeys WHERE id = ?`, [id]);
      return row === null ? null : toPasskey(row);
    },

    async listPasskeys(userId) {
      const { rows } = await driver.run(`SELECT * FROM ${p}passkeys WHERE user_id = ? ORDER BY created_at, id`, [
        userId,
      ]);
      return rows.map(toPasskey);
    },

    async updatePasskeyUsage(usage) {
      // Compare-and-set on the counter: of two sign-ins racing with one counter, one moves it.
      const { changes } = await driver.run(
        `UPDATE ${p}passkeys SET counter = ?, backed_up = ?, last_used_at = ? WHERE id = ? AND counter = ?`,
        [usage.counter, usage.backedUp ? 1 : 0, usage.lastUsedAt.getTime(), usage.id, usage.previousCounter],
      );
      if (changes !== 1) return null;
      return adapter.getPasskey(usage.id);
    },

    async renamePasskey({ id, userId, name }) {
      const { changes } = await driver.run(`UPDATE ${p}passkeys SET name = ? WHERE id = ? AND user_id = ?`, [
        name,
        id,
        userId,
      ]);
      return changes === 1 ? adapter.getPasskey(id) : null;
    },

    async deletePasskey({ id, userId }) {
      const { changes } = await driver.run(`DELETE FROM ${p}passkeys WHERE id = ? AND user_id = ?`, [id, userId]);
      return changes === 1;
    },

    async listSessions(userId) {
      const { rows } = await driver.run(
        `SELECT * FROM ${p}sessions WHERE user_id = ? AND expires > ? ORDER BY created_at DESC`,
        [userId, now()],
      );
      return rows.map(toSession);
    },

    async getTwoFactor(userId) {
      const row = await one(driver, `SELECT * FROM ${p}two_factor WHERE user_id = ?`, [userId]);
      return row === null ? null : toTwoFactor(row);
    },

    async setTwoFactor(record) {
      await driver.transaction(async (tx) => {
        await tx.run(`DELETE FROM ${p}two_factor WHERE user_id = ?`, [record.userId]);
        await tx.run(
          `INSERT INTO ${p}two_factor (user_id, secret, enabled_at, last_used_step, trusted_after) VALUES (?, ?, ?, ?, ?)`,
          [
            record.userId,
            record.secret,
            record.enabledAt?.getTime() ?? null,
            record.lastUsedStep,
            record.trustedAfter?.getTime() ?? null,
          ],
        );
      });
      return record;
    },

    async useTwoFactorStep(userId, step) {
      // One statement: of concurrent uses of one step, only the first changes the row.
      const { changes } = await driver.run(
        `UPDATE ${p}two_factor SET last_used_step = ? WHERE user_id = ? AND (last_used_step IS NULL OR last_used_step < ?)`,
        [step, userId, step],
      );
      return changes === 1;
    },

    async deleteTwoFactor(userId) {
      await driver.transaction(async (tx) => {
        await tx.run(`DELETE FROM ${p}backup_codes WHERE user_id = ?`, [userId]);
        await tx.run(`DELETE FROM ${p}two_factor WHERE user_id = ?`, [userId]);
      });
    },

    async setBackupCodes(userId, codes) {
      await driver.transaction(async (tx) => {
        await tx.run(`DELETE FROM ${p}backup_codes WHERE user_id = ?`, [userId]);
        for (const code of codes) {
          await tx.run(`INSERT INTO ${p}backup_codes (user_id, code_hash) VALUES (?, ?)`, [userId, code]);
        }
      });
    },

    async useBackupCode(userId, code) {
      const { changes } = await driver.run(`DELETE FROM ${p}backup_codes WHERE user_id = ? AND code_hash = ?`, [
        userId,
        code,
      ]);
      return changes === 1;
    },

    async countBackupCodes(userId) {
      const row = await one(driver, `SELECT COUNT(*) AS n FROM ${p}backup_codes WHERE user_id = ?`, [userId]);
      return Number(row?.n ?? 0);
    },

    async deleteUserSessions(userId, keep) {
      const { changes } =
        keep === undefined
          ? await driver.run(`DELETE FROM ${p}sessions WHERE user_id = ?`, [userId])
          : await driver.run(`DELETE FROM ${p}sessions WHERE user_id = ? AND session_token <> ?`, [userId, keep]);
      return changes;
    },
  };
  return adapter;
}
