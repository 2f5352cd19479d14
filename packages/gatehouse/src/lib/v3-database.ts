/**
 * next-auth v3's `database` option, TypeORM style, mapped onto Gatehouse's connection URLs:
 * the strings its tutorials pass (`sqlite://localhost/:memory:?synchronize=true`,
 * `mysql://user:pass@host:3306/db?synchronize=true`, `postgres://…`) and the object form
 * (`{ type, host, port, username, password, database, synchronize }`).
 *
 * TypeORM read a URL as type (the scheme), host, port, credentials and database (the path without
 * its slashes); query parameters were TypeORM options. Gatehouse's first-party adapters create
 * and migrate their own tables, so `synchronize` and the other schema options have nothing left
 * to do and are dropped; driver options (`ssl`, …) stay in the URL for the driver.
 */
import { ConfigError } from "@gatehouse/core";

/**
 * next-auth v3's TypeORM connection options (the object form of `database`).
 * @example
 * ```ts
 * database: { type: "sqlite", database: ":memory:", synchronize: true }
 * ```
 */
export interface V3DatabaseOptions {
  /** `"sqlite"`, `"postgres"`, `"mysql"` or `"mariadb"`. */
  type: string;
  /** The database name; for SQLite, the file (or `":memory:"`). */
  database?: string | undefined;
  /** The database server's host name. @default "localhost" */
  host?: string | undefined;
  /** The database server's port (the driver's default when absent). */
  port?: number | string | undefined;
  /** The user to connect as. */
  username?: string | undefined;
  /** That user's password. */
  password?: string | undefined;
  /** A connection URL, used instead of host, port, credentials and database. */
  url?: string | undefined;
  /** PostgreSQL: `true` for TLS (`sslmode=require`). */
  ssl?: boolean | undefined;
  /** Ignored: Gatehouse always creates and migrates its own tables. */
  synchronize?: boolean | undefined;
  [option: string]: unknown;
}

/** TypeORM options that steer TypeORM itself, not the database driver. */
const TYPEORM_ONLY: readonly string[] = Object.freeze([
  "synchronize",
  "logging",
  "logger",
  "entityPrefix",
  "entities",
  "migrations",
  "migrationsRun",
  "namingStrategy",
  "dropSchema",
  "cache",
]);

const SCHEMES: Readonly<Record<string, string>> = Object.freeze({
  sqlite: "sqlite",
  "better-sqlite3": "sqlite",
  postgres: "postgres",
  postgresql: "postgres",
  mysql: "mysql",
  mariadb: "mysql",
});

/** The database of a TypeORM SQLite URL's path (`/:memory:`, `/./auth.db`, `//abs/auth.db`). */
function sqliteLocation(path: string): string {
  const database = decodeURIComponent(path.replace(/^\//, "").replace(/\/$/, ""));
  return database === ":memory:" ? ":memory:" : `sqlite:${database}`;
}

/**
 * The Gatehouse connection URL for a `database` option, in any of its forms: Gatehouse's own
 * URLs come back unchanged; v3's TypeORM strings and objects are translated.
 * @param database The `database` option.
 * @returns A URL `databaseAdapter()` understands.
 * @throws {ConfigError} `InvalidOption` for a type Gatehouse has no adapter for, or a broken object.
 * @example
 * ```ts
 * databaseUrl("sqlite://localhost/:memory:?synchronize=true") // ":memory:"
 * databaseUrl({ type: "postgres", host: "db", username: "app", database: "auth" }) // "postgres://app@db/auth"
 * ```
 */
export function databaseUrl(database: string | V3DatabaseOptions): string {
  if (typeof database === "string") return fromString(database);
  if (typeof database !== "object" || (database as unknown) === null || typeof database.type !== "string") {
    throw new ConfigError(
      "InvalidOption",
      '`database` must be a connection URL (e.g. "sqlite:./auth.db", "postgres://…") or next-auth v3\'s { type, database, … } object.',
    );
  }
  const kind = Object.hasOwn(SCHEMES, database.type) ? SCHEMES[database.type] : undefined;
  if (kind === undefined) {
    throw new ConfigError(
      "InvalidOption",
      `\`database.type\` ${JSON.stringify(database.type)} has no Gatehouse adapter: use "sqlite", "postgres" or "mysql", or pass an \`adapter\`.`,
    );
  }
  if (typeof database.url === "string" && database.url !== "") return fromString(database.url);
  const name = typeof database.database === "string" ? database.database : "";
  if (kind === "sqlite") {
    if (name === "") {
      throw new ConfigError(
        "InvalidOption",
        '`database.database` names the SQLite file (or ":memory:") for `database: { type: "sqlite" }`.',
      );
    }
    return name === ":memory:" ? ":memory:" : `sqlite:${name}`;
  }
  if (database.ssl !== undefined && typeof database.ssl !== "boolean") {
    throw new ConfigError(
      "InvalidOption",
      "`database.ssl` takes true or false here; for TLS options pass a connection URL with the driver's parameters.",
    );
  }
  const url = new URL(`${kind}://localhost`);
  url.hostname = database.host ?? "localhost";
  if (database.port !== undefined && database.port !== "") url.port = String(database.port);
  if (database.username !== undefined) url.username = database.username;
  if (database.password !== undefined) url.password = database.password;
  url.pathname = `/${encodeURIComponent(name)}`;
  if (database.ssl === true) {
    if (kind !== "postgres") {
      throw new ConfigError(
        "InvalidOption",
        "`database.ssl` is for PostgreSQL here; for MySQL TLS pass a mysql:// URL with mysql2's `ssl` parameter.",
      );
    }
    url.searchParams.set("sslmode", "require");
  }
  return url.href;
}

function fromString(value: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value; // not a URL: databaseKind() says what is wrong with it
  }
  // sqlite://HOST/PATH is TypeORM's; sqlite:./file and sqlite:///abs stay Gatehouse's.
  if (scheme === "sqlite") return url.host === "" ? value : sqliteLocation(url.pathname);
  if (!Object.hasOwn(SCHEMES, scheme) || url.search === "") return value;
  const kept = [...url.searchParams].filter(([key]) => !TYPEORM_ONLY.includes(key));
  if (kept.length === [...url.searchParams].length) return value;
  url.search = new URLSearchParams(kept).toString();
  return url.href;
}
