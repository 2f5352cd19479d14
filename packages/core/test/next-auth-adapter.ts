/**
 * An adapter written the way next-auth v4's are, over a real database (the first-party SQLite
 * adapter in memory, seen only through next-auth's methods): it keeps no `createdAt`,
 * `lastSeenAt` or `userAgent`, declares nothing, and — like Prisma on next-auth's schema —
 * rejects any argument its schema has no column for, and deleting a session that is not there.
 * Every call is recorded.
 */
import type { Adapter, AdapterSession } from "../src/index.js";
import type { TestAdapter } from "./database.js";

/** next-auth's Prisma schema, model by model: what Prisma would accept. */
const COLUMNS = {
  user: ["id", "name", "email", "emailVerified", "image"],
  account: [
    "userId",
    "type",
    "provider",
    "providerAccountId",
    "refresh_token",
    "access_token",
    "expires_at",
    "token_type",
    "scope",
    "id_token",
    "session_state",
  ],
  accountKey: ["provider", "providerAccountId"],
  session: ["sessionToken", "userId", "expires"],
  sessionUpdate: ["sessionToken", "expires"],
  token: ["identifier", "token", "expires"],
  tokenKey: ["identifier", "token"],
} as const;

export interface RecordedCall {
  method: string;
  args: unknown[];
}

/** Throws as Prisma does for a field the model lacks. */
function check(value: unknown, allowed: readonly string[]): void {
  for (const key of Object.keys(value as object)) {
    if (!allowed.includes(key)) throw new Error(`Unknown argument \`${key}\`. Available options are marked with ?.`);
  }
}

/** No Gatehouse session fields: the row has none. */
function bare(session: AdapterSession): AdapterSession {
  return { sessionToken: session.sessionToken, userId: session.userId, expires: session.expires };
}

/** The next-auth-style adapter over `db`; `calls` records every call in order. */
export function nextAuthStyleAdapter(db: TestAdapter): { adapter: Adapter; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const record = (method: string, args: unknown[]) => calls.push({ method, args: structuredClone(args) });
  const adapter: Adapter = {
    async createUser(user) {
      record("createUser", [user]);
      check(user, COLUMNS.user);
      return db.createUser(user);
    },
    async getUser(...args) {
      record("getUser", args);
      return db.getUser(args[0]);
    },
    async getUserByEmail(...args) {
      record("getUserByEmail", args);
      return db.getUserByEmail(args[0]);
    },
    async getUserByAccount(...args) {
      record("getUserByAccount", args);
      check(args[0], COLUMNS.accountKey);
      return db.getUserByAccount(args[0]);
    },
    async updateUser(...args) {
      record("updateUser", args);
      check(args[0], COLUMNS.user);
      return db.updateUser(args[0]);
    },
    async deleteUser(...args) {
      record("deleteUser", args);
      return db.deleteUser(args[0]);
    },
    async linkAccount(...args) {
      record("linkAccount", args);
      check(args[0], COLUMNS.account);
      return db.linkAccount(args[0]);
    },
    async createSession(...args) {
      record("createSession", args);
      check(args[0], COLUMNS.session);
      return bare(await db.createSession(args[0]));
    },
    async getSessionAndUser(...args) {
      record("getSessionAndUser", args);
      const found = await db.getSessionAndUser(args[0]);
      return found === null ? null : { session: bare(found.session), user: found.user };
    },
    async updateSession(...args) {
      record("updateSession", args);
      check(args[0], COLUMNS.sessionUpdate);
      const updated = await db.updateSession(args[0]);
      return updated === null || updated === undefined ? null : bare(updated);
    },
    async deleteSession(...args) {
      record("deleteSession", args);
      // As Prisma's delete: a row that is not there is an error (P2025).
      if ((await db.getSessionAndUser(args[0])) === null)
        throw Object.assign(new Error("Record to delete does not exist."), { code: "P2025" });
      await db.deleteSession(args[0]);
    },
    async createVerificationToken(...args) {
      record("createVerificationToken", args);
      check(args[0], COLUMNS.token);
      return db.createVerificationToken(args[0]);
    },
    async useVerificationToken(...args) {
      record("useVerificationToken", args);
      check(args[0], COLUMNS.tokenKey);
      return db.useVerificationToken(args[0]);
    },
  };
  return { adapter, calls };
}

/** The argument keys of each recorded call of `method`, sorted. */
export function argumentKeys(calls: RecordedCall[], method: string): string[][] {
  return calls
    .filter((call) => call.method === method)
    .map((call) =>
      call.args.map((arg) =>
        typeof arg === "object" && arg !== null ? Object.keys(arg).sort().join(",") : typeof arg,
      ),
    );
}
