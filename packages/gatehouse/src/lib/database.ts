/**
 * The `database` option: a connection URL picks the first-party adapter, which is loaded,
 * connected and migrated on first use (so `next build` touches no database), then shared by
 * every request. A URL of an unknown kind is a configuration error naming the option; a
 * database that cannot be reached is an error naming the URL (password hidden) and the option.
 */
import { ConfigError, type DatabaseAdapter } from "@gatehouse/core";

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

/** The URL with any password hidden, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, "//$1:***@");
}

async function connect(kind: Kind, url: string): Promise<DatabaseAdapter> {
  switch (kind) {
    case "sqlite": {
      const { SQLiteAdapter } = await import("@gatehouse/adapter-sqlite");
      return SQLiteAdapter(url);
    }
    case "postgres": {
      const { PostgresAdapter } = await import("@gatehouse/adapter-postgres");
      return PostgresAdapter(url);
    }
    case "mysql": {
      const { MySQLAdapter } = await import("@gatehouse/adapter-mysql");
      return MySQLAdapter(url.replace(/^mariadb:/, "mysql:"));
    }
    case "redis": {
      const { RedisAdapter } = await import("@gatehouse/adapter-redis");
      return RedisAdapter(url);
    }
  }
}

const METHODS = [
  "createUser",
  "getUser",
  "getUserByEmail",
  "getUserByAccount",
  "updateUser",
  "deleteUser",
  "linkAccount",
  "unlinkAccount",
  "createUserWithAccount",
  "createSession",
  "getSessionAndUser",
  "updateSession",
  "deleteSession",
  "createVerificationToken",
  "useVerificationToken",
  "listSessions",
  "deleteUserSessions",
] as const satisfies readonly (keyof DatabaseAdapter)[];

const shared = new Map<string, DatabaseAdapter>();

/**
 * The first-party adapter for a connection URL — the one the `database` option uses, shared per
 * URL, so app code that needs the database (to update a user, say) reuses its connection. It
 * connects and migrates on its first call.
 * @throws {ConfigError} for a URL of an unknown kind.
 * @example
 * ```ts
 * const db = databaseAdapter(process.env.DATABASE_URL ?? "sqlite:./auth.db")
 * await db.updateUser({ id, name })
 * ```
 */
export function databaseAdapter(url: string): DatabaseAdapter {
  let adapter = shared.get(url);
  if (adapter === undefined) {
    adapter = lazyAdapter(url);
    shared.set(url, adapter);
  }
  return adapter;
}

function lazyAdapter(url: string): DatabaseAdapter {
  const kind = databaseKind(url);
  let ready: Promise<DatabaseAdapter> | undefined;
  const open = (): Promise<DatabaseAdapter> => {
    ready ??= (async () => {
      try {
        const adapter = await connect(kind, url);
        await adapter.migrate?.();
        return adapter;
      } catch (error) {
        ready = undefined;
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Could not open the database at ${redact(url)} (\`database\` / DATABASE_URL): ${reason}`, {
          cause: error,
        });
      }
    })();
    return ready;
  };
  const adapter: Record<string, unknown> = {};
  for (const method of METHODS) {
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
