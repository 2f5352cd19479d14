/**
 * The `database` option: a connection URL picks the first-party adapter, which is loaded,
 * connected and migrated on first use (so `next build` touches no database), then shared by
 * every request. A URL of an unknown kind is a configuration error naming the option; a
 * database that cannot be reached is an error naming the URL (password hidden) and the option.
 */
import {
  ADAPTER_METHODS,
  ConfigError,
  KEEPS_GATEHOUSE_FIELDS,
  type DatabaseAdapter,
  type MigrationReport,
} from "@gatehouse/core";
import { databaseUrl } from "./v3-database.js";
import type * as MySQLModule from "@gatehouse/adapter-mysql";
import type * as PostgresModule from "@gatehouse/adapter-postgres";
import type * as RedisModule from "@gatehouse/adapter-redis";

type Kind = "sqlite" | "postgres" | "mysql" | "redis";

/** Which adapter a URL asks for. */
export function databaseKind(url: string): Kind {
  if (/^(sqlite:|file:|libsql:)/.test(url) || url === ":memory:") return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  if (/^(mysql|mariadb):\/\//.test(url)) return "mysql";
  if (/^rediss?:\/\//.test(url)) return "redis";
  throw new ConfigError(
    "InvalidOption",
    `\`database\` (DATABASE_URL) is not a connection URL Gatehouse knows: ${JSON.stringify(redact(url))}. Use sqlite:./auth.db, postgres://…, mysql://… or redis://….`,
  );
}

/**
 * The user info of a connection URL: everything between "//" and the LAST "@" — a password may
 * hold "@", ":" or "/" unencoded (`postgres://app:S3cr@tPass@host/db`), and a URL parser or a
 * first-"@" pattern would cut it in two and print the rest.
 */
function userInfo(url: string): { start: number; end: number } | null {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(url);
  if (scheme === null) return null;
  const end = url.lastIndexOf("@");
  return end < scheme[0].length ? null : { start: scheme[0].length, end };
}

/** The URL with its whole user info (name and password) hidden, for messages. */
export function redact(url: string): string {
  const info = userInfo(url);
  return info === null ? url : `${url.slice(0, info.start)}***${url.slice(info.end)}`;
}

/** `text` (a driver's error message) with the URL's user info and password, if they appear, hidden. */
export function hidePassword(text: string, url: string): string {
  const info = userInfo(url);
  if (info === null) return text;
  const whole = url.slice(info.start, info.end);
  const colon = whole.indexOf(":");
  const forms = new Set<string>([whole]);
  if (colon !== -1) forms.add(whole.slice(colon + 1));
  for (const form of [...forms]) {
    try {
      forms.add(decodeURIComponent(form));
    } catch {
      // not percent-encoded
    }
  }
  let out = text;
  // Longest first, so the whole user info goes before the password inside it.
  for (const form of [...forms].filter((item) => item.length >= 3).sort((a, b) => b.length - a.length))
    out = out.replaceAll(form, "***");
  return out;
}

/** What `connect` opens: the adapter, with its connection to close (the CLI closes it). */
type Opened = DatabaseAdapter & { close?: () => Promise<void> };

const PACKAGES = {
  postgres: "@gatehouse/adapter-postgres",
  mysql: "@gatehouse/adapter-mysql",
  redis: "@gatehouse/adapter-redis",
} as const;

/**
 * Loads an optional adapter package by name at run time. The specifier is hidden from bundlers
 * on purpose: an app that never uses PostgreSQL must still build without its adapter installed.
 */
async function optional<T>(kind: keyof typeof PACKAGES): Promise<T> {
  const name: string = PACKAGES[kind];
  try {
    return (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ /* @vite-ignore */ name)) as T;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      throw new ConfigError(
        "InvalidOption",
        `\`database\` (DATABASE_URL) is a ${kind} URL, which needs ${name}: run \`npm install ${name}\`.`,
        { cause: error },
      );
    }
    throw error;
  }
}

async function connect(kind: Kind, url: string, now?: () => number): Promise<Opened> {
  const clock = now === undefined ? {} : { now };
  switch (kind) {
    case "sqlite": {
      // The embedded default ships with gatehouse, so bundlers may see it.
      const { SQLiteAdapter } = await import("@gatehouse/adapter-sqlite");
      return SQLiteAdapter(url, clock);
    }
    case "postgres": {
      const { PostgresAdapter } = await optional<typeof PostgresModule>(kind);
      return PostgresAdapter(url, clock);
    }
    case "mysql": {
      const { MySQLAdapter } = await optional<typeof MySQLModule>(kind);
      return MySQLAdapter(url.replace(/^mariadb:/, "mysql:"), clock);
    }
    case "redis": {
      const { RedisAdapter } = await optional<typeof RedisModule>(kind);
      return RedisAdapter(url, clock);
    }
  }
}

/**
 * Runs the migrations for `url` once and closes the connection: what `npx gatehouse migrate`
 * does. Resolves with the report, or `null` for a store without a schema (Redis).
 * @throws {ConfigError} for a URL of an unknown kind or a missing adapter package; any other
 *   error is the database's, with the URL's password hidden.
 */
export async function migrateDatabase(location: string): Promise<MigrationReport | null> {
  const url = databaseUrl(location);
  const kind = databaseKind(url);
  const adapter = await connect(kind, url);
  try {
    if (adapter.migrate === undefined) {
      await adapter.getUser("gatehouse-connection-check"); // proves the connection works
      return null;
    }
    return (await adapter.migrate()) ?? null;
  } finally {
    await adapter.close?.().catch(() => undefined);
  }
}

const shared = new Map<string, DatabaseAdapter>();

/**
 * The first-party adapter for a connection URL — the one the `database` option uses, shared per
 * URL, so app code that needs the database (to update a user, say) reuses its connection. It
 * connects and migrates on its first call. With `now` (the auth instance's clock) it is an
 * adapter of its own, judging expiry by that clock.
 * @param url - `sqlite:./auth.db` (or `file:`, `libsql:`, `:memory:`), `postgres://…`,
 *   `mysql://…` / `mariadb://…` or `redis://…`; the matching `@gatehouse/adapter-*` package
 *   must be installed (SQLite's comes with gatehouse).
 * @param options - `now`, the clock expiry is judged by; with it the adapter is not shared.
 *   @default the system clock
 * @returns The adapter; each method waits for the connection and migration.
 * @throws {ConfigError} for a URL of an unknown kind; a method rejects with one when the adapter
 *   package is not installed.
 * @example
 * ```ts
 * const db = databaseAdapter(process.env.DATABASE_URL ?? "sqlite:./auth.db")
 * await db.updateUser({ id, name })
 * ```
 */
export function databaseAdapter(url: string, options: { now?: () => number } = {}): DatabaseAdapter {
  if (options.now !== undefined) return lazyAdapter(url, options.now);
  let adapter = shared.get(url);
  if (adapter === undefined) {
    adapter = lazyAdapter(url);
    shared.set(url, adapter);
  }
  return adapter;
}

function lazyAdapter(url: string, now?: () => number): DatabaseAdapter {
  const kind = databaseKind(url);
  let ready: Promise<DatabaseAdapter> | undefined;
  const open = (): Promise<DatabaseAdapter> => {
    ready ??= (async () => {
      try {
        const adapter = await connect(kind, url, now);
        await adapter.migrate?.();
        return adapter;
      } catch (error) {
        ready = undefined;
        const reason = hidePassword(error instanceof Error ? error.message : String(error), url);
        throw new Error(`Could not open the database at ${redact(url)} (\`database\` / DATABASE_URL): ${reason}`, {
          cause: error,
        });
      }
    })();
    return ready;
  };
  // It stands for a first-party adapter, which keeps Gatehouse's own fields.
  const adapter: Record<PropertyKey, unknown> = { [KEEPS_GATEHOUSE_FIELDS]: true };
  for (const method of ADAPTER_METHODS) {
    adapter[method] = async (...args: unknown[]) => {
      const real = await open();
      return (real[method] as (...a: unknown[]) => unknown)(...args);
    };
  }
  adapter.migrate = async () => {
    await open();
  };
  return adapter as unknown as DatabaseAdapter;
}
