import {
  KEEPS_GATEHOUSE_FIELDS,
  systemClock,
  type AdapterAccount,
  type AdapterPasskey,
  type AdapterSession,
  type AdapterTwoFactor,
  type AdapterUser,
  type DatabaseAdapter,
  type VerificationToken,
} from "@gatehouse/core";
import { pick, readColumns, type RuntimeDataModel } from "./lib/data-model.js";
import { orNull } from "./lib/not-found.js";

type Data = Record<string, unknown>;
type AccountKey = { provider: string; providerAccountId: string };
/** A session row: `amr` is a String column (the methods joined by spaces). */
type SessionRow = Omit<AdapterSession, "amr"> & Data;

/**
 * What the adapter calls on a PrismaClient: any client generated from a schema with next-auth's
 * `User`, `Account`, `Session` and `VerificationToken` models fits, extended (`$extends`) or not.
 */
export interface PrismaClientLike {
  user: {
    create(args: { data: Data }): PromiseLike<AdapterUser>;
    findUnique(args: { where: { id: string } | { email: string } }): PromiseLike<AdapterUser | null>;
    update(args: { where: { id: string }; data: Data }): PromiseLike<AdapterUser>;
    delete(args: { where: { id: string } }): PromiseLike<AdapterUser>;
  };
  account: {
    create(args: { data: Data }): PromiseLike<Data>;
    // One signature for both uses (the row, or `select: { user: true }`): Prisma's generic method
    // does not fit an overloaded one.
    findUnique(args: {
      where: { provider_providerAccountId: AccountKey };
      select?: { user: true };
    }): PromiseLike<Data | null>;
    update(args: { where: { provider_providerAccountId: AccountKey }; data: Data }): PromiseLike<Data>;
    delete(args: { where: { provider_providerAccountId: AccountKey } }): PromiseLike<Data>;
  };
  session: {
    create(args: { data: Data }): PromiseLike<SessionRow>;
    findUnique(args: {
      where: { sessionToken: string };
      include: { user: true };
    }): PromiseLike<(SessionRow & { user: AdapterUser }) | null>;
    findMany(args: {
      where: { userId: string; expires: { gt: Date } };
      orderBy: Record<string, "desc">; // createdAt where the schema has it, else expires
    }): PromiseLike<SessionRow[]>;
    update(args: { where: { sessionToken: string }; data: Data }): PromiseLike<SessionRow>;
    delete(args: { where: { sessionToken: string } }): PromiseLike<SessionRow>;
    deleteMany(args: {
      where: { userId: string; sessionToken?: { not: string } } | { sessionToken: string; expires: { lte: Date } };
    }): PromiseLike<{ count: number }>;
  };
  verificationToken: {
    create(args: { data: Data }): PromiseLike<VerificationToken>;
    delete(args: {
      where: { identifier_token: { identifier: string; token: string } };
    }): PromiseLike<VerificationToken>;
  };
  /**
   * Gatehouse's `Password` model (the `Password()` provider), when the schema has it:
   * `model Password { userId String @id; hash String; updatedAt DateTime @updatedAt; user User
   * @relation(fields: [userId], references: [id], onDelete: Cascade) }` and `password Password?`
   * on `User`.
   */
  password?: {
    findUnique(args: { where: { userId: string } }): PromiseLike<{ hash: string } | null>;
    upsert(args: {
      where: { userId: string };
      create: { userId: string; hash: string };
      update: { hash: string };
    }): PromiseLike<unknown>;
  };
  /** Gatehouse's `Passkey` model (passkeys); see {@link PrismaAdapter}. */
  passkey?: {
    create(args: { data: Data }): PromiseLike<Data>;
    findUnique(args: { where: { id: string } }): PromiseLike<Data | null>;
    findMany(args: { where: { userId: string }; orderBy: { createdAt: "asc" }[] | Data[] }): PromiseLike<Data[]>;
    updateMany(args: { where: Data; data: Data }): PromiseLike<{ count: number }>;
    deleteMany(args: { where: Data }): PromiseLike<{ count: number }>;
  };
  /** Gatehouse's `TwoFactor` model (two-factor authentication), when the schema has it. */
  twoFactor?: {
    findUnique(args: { where: { userId: string } }): PromiseLike<TwoFactorRow | null>;
    upsert(args: { where: { userId: string }; create: TwoFactorRow; update: TwoFactorRow }): PromiseLike<TwoFactorRow>;
    updateMany(args: {
      where: { userId: string; OR: ({ lastUsedStep: null } | { lastUsedStep: { lt: number } })[] };
      data: { lastUsedStep: number };
    }): PromiseLike<{ count: number }>;
    deleteMany(args: { where: { userId: string } }): PromiseLike<{ count: number }>;
  };
  /** Gatehouse's `BackupCode` model, beside `TwoFactor`. */
  backupCode?: {
    createMany(args: { data: { userId: string; codeHash: string }[] }): PromiseLike<{ count: number }>;
    deleteMany(args: { where: { userId: string; codeHash?: string } }): PromiseLike<{ count: number }>;
    count(args: { where: { userId: string } }): PromiseLike<number>;
  };
  /** Runs the given queries in one transaction. */
  $transaction?(queries: PromiseLike<unknown>[]): PromiseLike<unknown[]>;
  /** Prisma's runtime data model: which columns the schema has. */
  _runtimeDataModel?: RuntimeDataModel;
}

type TwoFactorRow = {
  userId: string;
  secret: string;
  enabledAt: Date | null;
  lastUsedStep: number | null;
  trustedAfter: Date | null;
};

function toSession(row: SessionRow): AdapterSession {
  const { amr } = row;
  return {
    sessionToken: row.sessionToken,
    userId: row.userId,
    expires: row.expires,
    createdAt: row.createdAt ?? null,
    lastSeenAt: row.lastSeenAt ?? null,
    userAgent: row.userAgent ?? null,
    authenticatedAt: row.authenticatedAt ?? null,
    amr: typeof amr === "string" && amr !== "" ? amr.split(" ") : null,
  };
}

/** A session's fields as columns: `amr` is stored as its methods joined by spaces. */
function sessionData(session: Partial<AdapterSession>): Data {
  const { amr, ...rest } = session;
  return amr === undefined ? rest : { ...rest, amr: amr === null ? null : amr.join(" ") };
}

function toTwoFactor(row: TwoFactorRow): AdapterTwoFactor {
  return {
    userId: row.userId,
    secret: row.secret,
    enabledAt: row.enabledAt,
    lastUsedStep: row.lastUsedStep,
    trustedAfter: row.trustedAfter,
  };
}

/** An account row as the contract has it: without Prisma's own `id`, and no null token fields. */
function toAccount(row: Data): AdapterAccount {
  const { id: _id, ...rest } = row;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== null)) as unknown as AdapterAccount;
}

function toPasskey(row: Data): AdapterPasskey {
  const transports = String(row.transports);
  return {
    id: row.id as string,
    userId: row.userId as string,
    publicKey: row.publicKey as string,
    counter: Number(row.counter),
    transports: transports === "" ? [] : transports.split(","),
    deviceType: row.deviceType === "multiDevice" ? "multiDevice" : "singleDevice",
    backedUp: row.backedUp === true,
    name: row.name as string,
    createdAt: row.createdAt as Date,
    lastUsedAt: (row.lastUsedAt as Date | null) ?? null,
  };
}

function toToken(row: VerificationToken): VerificationToken {
  return { identifier: row.identifier, token: row.token, expires: row.expires };
}

/** Options of {@link PrismaAdapter}. */
export interface PrismaAdapterOptions {
  /** The clock expiry is judged by, in milliseconds: pass the auth instance's `now`. @default the system clock */
  now?: () => number;
}

/**
 * Gatehouse's adapter over Prisma: next-auth's Prisma schema (`User`, `Account`, `Session`,
 * `VerificationToken`) through any PrismaClient, Prisma 7's driver adapters included. The schema
 * next-auth's Prisma tutorial gives works unchanged.
 *
 * Gatehouse's optional session columns — `createdAt DateTime @default(now())`,
 * `lastSeenAt DateTime?` and `userAgent String?` on `Session` — are stored when the schema has
 * them (read once from the client's data model) and read as `null` otherwise; without
 * `createdAt`, `listSessions` orders by expiry. Fields a model has no column for (say OAuth 1's
 * `oauth_token`) are left out rather than refused. `getSessionAndUser` is one Prisma query, one
 * SQL statement with the `relationJoins` preview feature (two otherwise). Tables come from
 * `prisma migrate`; the adapter never changes the schema.
 *
 * @param prisma - A PrismaClient generated from a schema with next-auth's four models, extended
 *   (`$extends`) or not.
 * @param options - The clock expiry is judged by ({@link PrismaAdapterOptions}).
 * @returns Every method of the adapter contract. "Not found" is `null`; database failures reject
 *   with Prisma's error.
 * @example
 * ```ts
 * // auth.ts
 * import NextAuth from "gatehouse";
 * import GitHub from "gatehouse/providers/github";
 * import { PrismaAdapter } from "@gatehouse/adapter-prisma";
 * import { PrismaPg } from "@prisma/adapter-pg";
 * import { PrismaClient } from "./generated/prisma/client.js";
 *
 * const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });
 *
 * export const { handlers, auth } = NextAuth({
 *   adapter: PrismaAdapter(prisma),
 *   session: { strategy: "database" },
 *   providers: [GitHub({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET })],
 * });
 * ```
 */
export function PrismaAdapter(prisma: PrismaClientLike, options: PrismaAdapterOptions = {}): DatabaseAdapter {
  const clock = options.now ?? systemClock;
  const passkeys = () => {
    if (prisma.passkey === undefined) {
      throw new Error(
        "Prisma adapter: passkeys need a `Passkey` model in the schema (see @gatehouse/adapter-prisma's README).",
      );
    }
    return prisma.passkey;
  };
  const columns = readColumns(prisma._runtimeDataModel);
  const byCreation = columns.Session.has("createdAt");
  const passwords = () => {
    if (prisma.password === undefined) {
      throw new Error(
        "PrismaAdapter: passwords need the `Password` model in schema.prisma (`model Password { userId String @id  hash String  updatedAt DateTime @updatedAt  user User @relation(fields: [userId], references: [id], onDelete: Cascade) }` and `password Password?` on `User`), then `prisma generate` and a migration.",
      );
    }
    return prisma.password;
  };
  const models = () => {
    const { twoFactor, backupCode } = prisma;
    if (twoFactor === undefined || backupCode === undefined || prisma.$transaction === undefined) {
      throw new TypeError(
        "Two-factor authentication needs the `TwoFactor` and `BackupCode` models in the Prisma schema (see @gatehouse/adapter-prisma's README).",
      );
    }
    return { twoFactor, backupCode, transaction: prisma.$transaction.bind(prisma) };
  };

  return {
    // Gatehouse's fields go to the columns the schema has (see above); the rest are left out.
    [KEEPS_GATEHOUSE_FIELDS]: true,

    createUser: (user) => prisma.user.create({ data: pick(user, columns.User) }),

    getUser: (id) => prisma.user.findUnique({ where: { id } }),

    getUserByEmail: (email) => prisma.user.findUnique({ where: { email } }),

    async getUserByAccount({ provider, providerAccountId }) {
      const account = await prisma.account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        select: { user: true },
      });
      return (account?.user as AdapterUser | undefined) ?? null;
    },

    updateUser: ({ id, ...user }) => prisma.user.update({ where: { id }, data: pick(user, columns.User) }),

    // The schema's foreign keys cascade to the user's accounts and sessions; two-factor rows
    // have no foreign key (a credentials user with JWT sessions has no user row) and go first.
    async deleteUser(id) {
      if (prisma.twoFactor !== undefined && prisma.backupCode !== undefined) {
        await prisma.backupCode.deleteMany({ where: { userId: id } });
        await prisma.twoFactor.deleteMany({ where: { userId: id } });
      }
      return orNull(prisma.user.delete({ where: { id } }));
    },

    async linkAccount(account) {
      await prisma.account.create({ data: pick(account, columns.Account) });
      return account;
    },

    async getAccount(providerAccountId, provider) {
      const row = await prisma.account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
      });
      return row === null ? null : toAccount(row);
    },

    async updateAccount({ provider, providerAccountId, ...tokens }) {
      const row = await orNull(
        prisma.account.update({
          where: { provider_providerAccountId: { provider, providerAccountId } },
          data: pick(tokens, columns.Account),
        }),
      );
      return row === null ? null : toAccount(row);
    },

    async unlinkAccount({ provider, providerAccountId }) {
      await orNull(prisma.account.delete({ where: { provider_providerAccountId: { provider, providerAccountId } } }));
    },

    // A nested write is one transaction: no user is left behind when its account is refused.
    createUserWithAccount(user, account) {
      const { userId: _nested, ...linked } = pick(account, columns.Account);
      return prisma.user.create({ data: { ...pick(user, columns.User), accounts: { create: linked } } });
    },

    async getPasswordHash(userId) {
      return (await passwords().findUnique({ where: { userId } }))?.hash ?? null;
    },

    async setPasswordHash(userId, hash) {
      await passwords().upsert({ where: { userId }, create: { userId, hash }, update: { hash } });
    },

    // A nested write is one transaction: no user is left without its password.
    createUserWithPassword(user, hash) {
      passwords();
      return prisma.user.create({ data: { ...pick(user, columns.User), password: { create: { hash } } } });
    },

    async createSession(session) {
      return toSession(await prisma.session.create({ data: pick(sessionData(session), columns.Session) }));
    },

    async getSessionAndUser(sessionToken) {
      const row = await prisma.session.findUnique({ where: { sessionToken }, include: { user: true } });
      if (row === null) return null;
      const now = new Date(clock());
      if (row.expires <= now) {
        await prisma.session.deleteMany({ where: { sessionToken, expires: { lte: now } } });
        return null;
      }
      return { session: toSession(row), user: row.user };
    },

    async updateSession({ sessionToken, ...session }) {
      const row = await orNull(
        prisma.session.update({ where: { sessionToken }, data: pick(sessionData(session), columns.Session) }),
      );
      return row === null ? null : toSession(row);
    },

    async deleteSession(sessionToken) {
      const row = await orNull(prisma.session.delete({ where: { sessionToken } }));
      return row === null ? null : toSession(row);
    },

    async createVerificationToken(token) {
      return toToken(await prisma.verificationToken.create({ data: pick(token, columns.VerificationToken) }));
    },

    // One DELETE … RETURNING: of concurrent uses, only the one that removed the row gets it.
    async useVerificationToken({ identifier, token }) {
      const row = await orNull(prisma.verificationToken.delete({ where: { identifier_token: { identifier, token } } }));
      return row === null ? null : toToken(row);
    },

    async createPasskey(passkey) {
      await passkeys().create({
        data: { ...passkey, counter: BigInt(passkey.counter), transports: passkey.transports.join(",") },
      });
      return passkey;
    },

    async getPasskey(id) {
      const row = await passkeys().findUnique({ where: { id } });
      return row === null ? null : toPasskey(row);
    },

    async listPasskeys(userId) {
      const rows = await passkeys().findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      return rows.map(toPasskey);
    },

    // Compare-and-set on the counter: of two sign-ins racing with one counter, one moves it.
    async updatePasskeyUsage(usage) {
      const { count } = await passkeys().updateMany({
        where: { id: usage.id, counter: BigInt(usage.previousCounter) },
        data: { counter: BigInt(usage.counter), backedUp: usage.backedUp, lastUsedAt: usage.lastUsedAt },
      });
      if (count !== 1) return null;
      const row = await passkeys().findUnique({ where: { id: usage.id } });
      return row === null ? null : toPasskey(row);
    },

    async renamePasskey({ id, userId, name }) {
      const { count } = await passkeys().updateMany({ where: { id, userId }, data: { name } });
      if (count !== 1) return null;
      const row = await passkeys().findUnique({ where: { id } });
      return row === null ? null : toPasskey(row);
    },

    async deletePasskey({ id, userId }) {
      return (await passkeys().deleteMany({ where: { id, userId } })).count === 1;
    },

    async listSessions(userId) {
      const rows = await prisma.session.findMany({
        where: { userId, expires: { gt: new Date(clock()) } },
        orderBy: byCreation ? { createdAt: "desc" } : { expires: "desc" },
      });
      return rows.map(toSession);
    },

    async getTwoFactor(userId) {
      const row = await models().twoFactor.findUnique({ where: { userId } });
      return row === null ? null : toTwoFactor(row);
    },

    async setTwoFactor(record) {
      const row = toTwoFactor(record);
      return toTwoFactor(
        await models().twoFactor.upsert({ where: { userId: record.userId }, create: row, update: row }),
      );
    },

    // One UPDATE … WHERE: of concurrent uses of one step, only the first changes the row.
    async useTwoFactorStep(userId, step) {
      const { count } = await models().twoFactor.updateMany({
        where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
        data: { lastUsedStep: step },
      });
      return count === 1;
    },

    async deleteTwoFactor(userId) {
      const { twoFactor, backupCode, transaction } = models();
      await transaction([backupCode.deleteMany({ where: { userId } }), twoFactor.deleteMany({ where: { userId } })]);
    },

    async setBackupCodes(userId, codes) {
      const { backupCode, transaction } = models();
      await transaction([
        backupCode.deleteMany({ where: { userId } }),
        backupCode.createMany({ data: codes.map((codeHash) => ({ userId, codeHash })) }),
      ]);
    },

    async useBackupCode(userId, codeHash) {
      return (await models().backupCode.deleteMany({ where: { userId, codeHash } })).count === 1;
    },

    countBackupCodes: (userId) => models().backupCode.count({ where: { userId } }),

    async deleteUserSessions(userId, keep) {
      const where = keep === undefined ? { userId } : { userId, sessionToken: { not: keep } };
      return (await prisma.session.deleteMany({ where })).count;
    },
  };
}
