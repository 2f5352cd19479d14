/**
 * `@gatehouse/adapter-redis`: users, accounts, sessions and email tokens in Redis (sessions and
 * tokens expire by TTL), and {@link RedisStore}, the shared store for rate limits and revoked
 * JWT ids, so several app instances agree.
 *
 * Keys (prefix `gatehouse:` by default; every id in them with ":" and "%" percent-encoded):
 * `user:<id>` (JSON), `email:<email>` → id,
 * `account:<provider>:<id>` (JSON), `user:<id>:accounts` (set), `session:<hash>` (JSON, TTL),
 * `user:<id>:sessions` (sorted by expiry), `verify:<identifier>:<hash>` (JSON, TTL),
 * `passkey:<credential id>` (JSON), `user:<id>:passkeys` (sorted by creation),
 * `user:<id>:two-factor` (JSON), `user:<id>:backup-codes` (set of hashes).
 */
import { Redis } from "ioredis";
import {
  KEEPS_GATEHOUSE_FIELDS,
  systemClock,
  type AdapterAccount,
  type AdapterPasskey,
  type AdapterSession,
  type AdapterTwoFactor,
  type AdapterUser,
  type DatabaseAdapter,
  type EphemeralStore,
  type VerificationToken,
} from "@gatehouse/core";

/** Options of {@link RedisAdapter}. */
export interface RedisAdapterOptions {
  /** @default "gatehouse:" */
  prefix?: string;
  /** @default crypto.randomUUID */
  generateId?: () => string;
  /** The clock expiry is judged by, in milliseconds: pass the auth instance's `now`. @default the system clock */
  now?: () => number;
  /**
   * Milliseconds a command may wait for its reply before it fails (and the request gets a clean
   * 503). Applies to the client made from a connection URL; a client you pass keeps its own
   * options. @default 5000
   */
  commandTimeout?: number;
}

/** See {@link RedisAdapterOptions.commandTimeout}. */
const DEFAULT_COMMAND_TIMEOUT_MS = 5000;

/**
 * A client for `url`. By default ioredis keeps a command that was in flight when the connection
 * dropped and sends it again once it reconnects, never failing it on its own: the request would
 * hang for as long as Redis stays down, and the write would land later, behind the caller's back
 * (a session nobody holds a cookie for, an email token used up). So such a command times out,
 * and is not sent again.
 */
function clientFor(url: string, commandTimeout = DEFAULT_COMMAND_TIMEOUT_MS): Redis {
  return new Redis(url, { maxRetriesPerRequest: 2, commandTimeout, autoResendUnfulfilledCommands: false });
}

type Stored<T> = { [K in keyof T]: T[K] extends Date | null | undefined ? number | null : T[K] };

function userOut(json: string | null): AdapterUser | null {
  if (json === null) return null;
  const raw = JSON.parse(json) as Stored<AdapterUser>;
  return { ...raw, emailVerified: raw.emailVerified === null ? null : new Date(raw.emailVerified) };
}

function sessionOut(json: string | null): AdapterSession | null {
  if (json === null) return null;
  const raw = JSON.parse(json) as Stored<AdapterSession>;
  return {
    sessionToken: raw.sessionToken,
    userId: raw.userId,
    expires: new Date(raw.expires as number),
    createdAt: raw.createdAt === null || raw.createdAt === undefined ? null : new Date(raw.createdAt),
    lastSeenAt: raw.lastSeenAt === null || raw.lastSeenAt === undefined ? null : new Date(raw.lastSeenAt),
    userAgent: raw.userAgent ?? null,
    authenticatedAt:
      raw.authenticatedAt === null || raw.authenticatedAt === undefined ? null : new Date(raw.authenticatedAt),
    amr: raw.amr ?? null,
  };
}

function sessionIn(session: AdapterSession): string {
  return JSON.stringify({
    sessionToken: session.sessionToken,
    userId: session.userId,
    expires: session.expires.getTime(),
    createdAt: session.createdAt?.getTime() ?? null,
    lastSeenAt: session.lastSeenAt?.getTime() ?? null,
    userAgent: session.userAgent ?? null,
    authenticatedAt: session.authenticatedAt?.getTime() ?? null,
    amr: session.amr ?? null,
  });
}

function twoFactorOut(json: string | null): AdapterTwoFactor | null {
  if (json === null) return null;
  const raw = JSON.parse(json) as Stored<AdapterTwoFactor>;
  return {
    userId: raw.userId,
    secret: raw.secret,
    enabledAt: raw.enabledAt === null ? null : new Date(raw.enabledAt),
    lastUsedStep: raw.lastUsedStep,
    trustedAfter: raw.trustedAfter === null ? null : new Date(raw.trustedAfter),
  };
}

// Records a used TOTP step only if it is later than the last one: 1 if it was, else 0.
const USE_STEP = `
local stored = redis.call('GET', KEYS[1])
if not stored then return 0 end
local value = cjson.decode(stored)
local step = tonumber(ARGV[1])
if value.lastUsedStep ~= cjson.null and value.lastUsedStep ~= nil and tonumber(value.lastUsedStep) >= step then return 0 end
value.lastUsedStep = step
redis.call('SET', KEYS[1], cjson.encode(value))
return 1`;

// One round trip for the session check: the session and, if present, its user.
const SESSION_AND_USER = `
local s = redis.call('GET', KEYS[1])
if not s then return nil end
local id = string.gsub(cjson.decode(s).userId, '[%%:]', { ['%'] = '%25', [':'] = '%3A' })
local u = redis.call('GET', ARGV[1] .. id)
return { s, u or false }`;

// Creates a user and/or links an account atomically, refusing a taken email or account.
// KEYS: user, email ('' for none), account ('' for none), the user's account set, the user's
// password ('' for none).
// ARGV: user JSON ('' to leave the user alone), user id, account JSON, password hash.
const INSERT = `
if KEYS[2] ~= '' and redis.call('EXISTS', KEYS[2]) == 1 then return 'email' end
if KEYS[3] ~= '' and redis.call('EXISTS', KEYS[3]) == 1 then return 'account' end
if ARGV[1] ~= '' then redis.call('SET', KEYS[1], ARGV[1]) end
if KEYS[2] ~= '' then redis.call('SET', KEYS[2], ARGV[2]) end
if KEYS[3] ~= '' then
  redis.call('SET', KEYS[3], ARGV[3])
  redis.call('SADD', KEYS[4], KEYS[3])
end
if KEYS[5] ~= '' then redis.call('SET', KEYS[5], ARGV[4]) end
return 'ok'`;

// Merges fields into a stored JSON value atomically; nil if the key is gone.
const MERGE = `
local stored = redis.call('GET', KEYS[1])
if not stored then return nil end
local value = cjson.decode(stored)
for field, change in pairs(cjson.decode(ARGV[1])) do value[field] = change end
local out = cjson.encode(value)
redis.call('SET', KEYS[1], out)
return out`;

/**
 * One id as a piece of a key: ":" (the separator) and "%" (the escape) percent-encoded, all else
 * as it is — so an app-chosen user id "alice:accounts" is not user "alice"'s account set, and
 * keys of ids without ":" or "%" (UUIDs, emails, provider ids) are what they always were. The
 * same encoding is in SESSION_AND_USER's Lua.
 */
function part(id: string): string {
  return id.replace(/[%:]/g, (char) => (char === "%" ? "%25" : "%3A"));
}

/** A passkey as stored: dates in milliseconds, transports comma-joined (cjson has no empty array). */
interface StoredPasskey extends Omit<AdapterPasskey, "createdAt" | "lastUsedAt" | "transports"> {
  createdAt: number;
  lastUsedAt: number | null;
  transports: string;
}

function passkeyIn(passkey: AdapterPasskey): string {
  const stored: StoredPasskey = {
    ...passkey,
    transports: passkey.transports.join(","),
    createdAt: passkey.createdAt.getTime(),
    lastUsedAt: passkey.lastUsedAt?.getTime() ?? null,
  };
  return JSON.stringify(stored);
}

function passkeyOut(json: string | null): AdapterPasskey | null {
  if (json === null) return null;
  const raw = JSON.parse(json) as StoredPasskey;
  return {
    id: raw.id,
    userId: raw.userId,
    publicKey: raw.publicKey,
    counter: raw.counter,
    transports: raw.transports === "" ? [] : raw.transports.split(","),
    deviceType: raw.deviceType,
    backedUp: raw.backedUp,
    name: raw.name,
    createdAt: new Date(raw.createdAt),
    lastUsedAt: raw.lastUsedAt === null ? null : new Date(raw.lastUsedAt),
  };
}

// Records a passkey sign-in only while its counter is the one that was checked (compare-and-set).
// KEYS: the passkey. ARGV: previous counter, counter, backedUp ("1"/"0"), lastUsedAt.
const PASSKEY_USAGE = `
local stored = redis.call('GET', KEYS[1])
if not stored then return nil end
local value = cjson.decode(stored)
if tostring(value.counter) ~= ARGV[1] then return nil end
value.counter = tonumber(ARGV[2])
value.backedUp = ARGV[3] == '1'
value.lastUsedAt = tonumber(ARGV[4])
local out = cjson.encode(value)
redis.call('SET', KEYS[1], out)
return out`;

// Renames (ARGV[2] = the name) or deletes (ARGV[2] = '') a passkey of one user (ARGV[1]).
// KEYS: the passkey, the user's passkey set.
const PASSKEY_OWNED = `
local stored = redis.call('GET', KEYS[1])
if not stored then return nil end
local value = cjson.decode(stored)
if value.userId ~= ARGV[1] then return nil end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[2], value.id)
  return 'deleted'
end
value.name = ARGV[2]
local out = cjson.encode(value)
redis.call('SET', KEYS[1], out)
return out`;

/**
 * The Redis adapter for a connection URL or an ioredis client. Sessions and email tokens expire
 * by TTL; creating a user and linking an account are atomic (Lua scripts), so a taken email or
 * account is refused rather than overwritten. No migration is needed.
 *
 * @param connection - A `redis://` URL (a client is made whose commands time out after
 *   `options.commandTimeout` and are never re-sent) or an ioredis client of your own.
 * @param options - Key prefix, id generator, clock and command timeout ({@link RedisAdapterOptions}).
 * @returns Every method of the adapter contract, plus `close()` (quits the client).
 *
 * @example
 * ```ts
 * const adapter = RedisAdapter("redis://127.0.0.1:6379/0", { prefix: "myapp:" });
 * export const { handlers, auth } = NextAuth({ adapter, session: { strategy: "database" }, providers });
 * ```
 */
export function RedisAdapter(
  connection: string | Redis,
  options: RedisAdapterOptions = {},
): DatabaseAdapter & { close(): Promise<void> } {
  const redis = typeof connection === "string" ? clientFor(connection, options.commandTimeout) : connection;
  const p = options.prefix ?? "gatehouse:";
  const newId = options.generateId ?? (() => globalThis.crypto.randomUUID());
  const now = options.now ?? systemClock;
  // Every id in a key is encoded (see `part`), so `user:<id>` never meets `user:<id>:accounts`.
  const k = {
    user: (id: string) => `${p}user:${part(id)}`,
    email: (email: string) => `${p}email:${part(email)}`,
    account: (provider: string, id: string) => `${p}account:${part(provider)}:${part(id)}`,
    accounts: (userId: string) => `${p}user:${part(userId)}:accounts`,
    session: (hash: string) => `${p}session:${part(hash)}`,
    sessions: (userId: string) => `${p}user:${part(userId)}:sessions`,
    verify: (identifier: string, hash: string) => `${p}verify:${part(identifier)}:${part(hash)}`,
    password: (userId: string) => `${p}user:${part(userId)}:password`,
    passkey: (id: string) => `${p}passkey:${part(id)}`,
    passkeys: (userId: string) => `${p}user:${part(userId)}:passkeys`,
    twoFactor: (userId: string) => `${p}user:${part(userId)}:two-factor`,
    backupCodes: (userId: string) => `${p}user:${part(userId)}:backup-codes`,
  };

  const userJson = (user: AdapterUser): string =>
    JSON.stringify({ ...user, emailVerified: user.emailVerified?.getTime() ?? null });

  function newUser(user: Omit<AdapterUser, "id"> & { id?: string }): AdapterUser {
    return {
      id: user.id ?? newId(),
      name: typeof user.name === "string" ? user.name : null,
      email: typeof user.email === "string" ? user.email : null,
      emailVerified: user.emailVerified instanceof Date ? user.emailVerified : null,
      image: typeof user.image === "string" ? user.image : null,
    };
  }

  function queueUser(multi: ReturnType<Redis["multi"]>, user: AdapterUser): void {
    multi.set(k.user(user.id), userJson(user));
    if (user.email !== null) multi.set(k.email(user.email), user.id);
  }

  /** Writes a new user, a new account, or both, in one atomic step. */
  async function insert(user: AdapterUser | null, account: AdapterAccount | null, password?: string): Promise<void> {
    const userId = user?.id ?? account?.userId ?? "";
    const result = (await redis.eval(
      INSERT,
      5,
      k.user(userId),
      user?.email == null ? "" : k.email(user.email),
      account === null ? "" : k.account(account.provider, account.providerAccountId),
      k.accounts(userId),
      password === undefined ? "" : k.password(userId),
      user === null ? "" : userJson(user),
      userId,
      account === null ? "" : JSON.stringify(account),
      password ?? "",
    )) as string;
    if (result === "email") throw new Error(`Redis adapter: the email ${user?.email ?? ""} belongs to another user`);
    if (result === "account")
      throw new Error(
        `Redis adapter: the ${account?.provider ?? ""} account ${account?.providerAccountId ?? ""} is linked already`,
      );
  }

  /** Writes a session with its expiry as TTL, and indexes it under its user. */
  async function storeSession(session: AdapterSession): Promise<void> {
    const ttl = Math.max(1, session.expires.getTime() - now());
    await exec(
      redis
        .multi()
        .set(k.session(session.sessionToken), sessionIn(session), "PX", ttl)
        .zadd(k.sessions(session.userId), session.expires.getTime(), session.sessionToken),
    );
  }

  async function exec(multi: ReturnType<Redis["multi"]>): Promise<void> {
    const results = await multi.exec();
    const failed = results?.find(([error]) => error !== null);
    if (results === null || failed !== undefined) throw failed?.[0] ?? new Error("Redis transaction aborted");
  }

  const adapter: DatabaseAdapter & { close(): Promise<void> } = {
    // Sessions keep createdAt, lastSeenAt and userAgent; credentials users keep their ids.
    [KEEPS_GATEHOUSE_FIELDS]: true,
    async close() {
      await redis.quit();
    },

    async createUser(user) {
      const created = newUser(user);
      await insert(created, null);
      return created;
    },

    async getUser(id) {
      return userOut(await redis.get(k.user(id)));
    },

    async getUserByEmail(email) {
      const id = await redis.get(k.email(email));
      return id === null ? null : userOut(await redis.get(k.user(id)));
    },

    async getUserByAccount({ provider, providerAccountId }) {
      const json = await redis.get(k.account(provider, providerAccountId));
      return json === null ? null : userOut(await redis.get(k.user((JSON.parse(json) as AdapterAccount).userId)));
    },

    async updateUser(user) {
      const current = await adapter.getUser(user.id);
      if (current === null) throw new Error(`updateUser: no user ${user.id}`);
      const updated = { ...current, ...user };
      if (updated.email !== null && updated.email !== current.email) {
        // Claim the new address first, so two users can never share one.
        const claimed = await redis.set(k.email(updated.email), updated.id, "NX");
        if (claimed === null) throw new Error(`Redis adapter: the email ${updated.email} belongs to another user`);
      }
      const multi = redis.multi();
      if (current.email !== null && current.email !== updated.email) multi.del(k.email(current.email));
      queueUser(multi, updated);
      await exec(multi);
      return updated;
    },

    async deleteUser(id) {
      const user = await adapter.getUser(id);
      const accounts = await redis.smembers(k.accounts(id));
      const sessions = await redis.zrange(k.sessions(id), 0, -1);
      const passkeys = await redis.zrange(k.passkeys(id), 0, -1);
      const multi = redis.multi();
      for (const passkey of passkeys) multi.del(k.passkey(passkey));
      multi.del(k.passkeys(id));
      for (const key of accounts) multi.del(key);
      for (const hash of sessions) multi.del(k.session(hash));
      multi.del(k.accounts(id), k.sessions(id), k.user(id), k.password(id), k.twoFactor(id), k.backupCodes(id));
      if (user?.email) multi.del(k.email(user.email));
      await exec(multi);
      return user;
    },

    async linkAccount(account) {
      await insert(null, account);
      return account;
    },

    async getAccount(providerAccountId, provider) {
      const json = await redis.get(k.account(provider, providerAccountId));
      return json === null ? null : (JSON.parse(json) as AdapterAccount);
    },

    async updateAccount(update) {
      const changes: Record<string, unknown> = {};
      for (const field of ["access_token", "refresh_token", "expires_at", "id_token", "scope"] as const) {
        if (update[field] !== undefined) changes[field] = update[field];
      }
      const json = (await redis.eval(
        MERGE,
        1,
        k.account(update.provider, update.providerAccountId),
        JSON.stringify(changes),
      )) as string | null;
      return json === null ? null : (JSON.parse(json) as AdapterAccount);
    },

    async unlinkAccount({ provider, providerAccountId }) {
      const key = k.account(provider, providerAccountId);
      const json = await redis.get(key);
      if (json === null) return undefined;
      const account = JSON.parse(json) as AdapterAccount;
      await exec(redis.multi().del(key).srem(k.accounts(account.userId), key));
      return account;
    },

    async createUserWithAccount(user, account) {
      const created = newUser(user);
      await insert(created, { ...account, userId: created.id } as AdapterAccount);
      return created;
    },

    async getPasswordHash(userId) {
      return redis.get(k.password(userId));
    },

    async setPasswordHash(userId, hash) {
      await redis.set(k.password(userId), hash);
    },

    async createUserWithPassword(user, hash) {
      const created = newUser(user);
      await insert(created, null, hash);
      return created;
    },

    async createSession(session) {
      await storeSession(session);
      return session;
    },

    async getSessionAndUser(sessionToken) {
      const result = (await redis.eval(SESSION_AND_USER, 1, k.session(sessionToken), `${p}user:`)) as
        [string, string | false] | null;
      if (result === null || result[1] === false) return null;
      const session = sessionOut(result[0]);
      const user = userOut(result[1]);
      if (session === null || user === null || session.expires.getTime() <= now()) return null;
      return { session, user };
    },

    async updateSession(update) {
      const current = sessionOut(await redis.get(k.session(update.sessionToken)));
      if (current === null) return null;
      const next: AdapterSession = { ...current, ...update };
      await storeSession(next);
      return next;
    },

    async deleteSession(sessionToken) {
      const session = sessionOut(await redis.get(k.session(sessionToken)));
      if (session === null) return null;
      await exec(redis.multi().del(k.session(sessionToken)).zrem(k.sessions(session.userId), sessionToken));
      return session;
    },

    async createPasskey(passkey) {
      const created = await redis.set(k.passkey(passkey.id), passkeyIn(passkey), "NX");
      if (created === null) throw new Error(`Redis adapter: a passkey with the id ${passkey.id} exists`);
      await redis.zadd(k.passkeys(passkey.userId), passkey.createdAt.getTime(), passkey.id);
      return passkey;
    },

    async getPasskey(id) {
      return passkeyOut(await redis.get(k.passkey(id)));
    },

    async listPasskeys(userId) {
      const ids = await redis.zrange(k.passkeys(userId), 0, -1);
      if (ids.length === 0) return [];
      const found = await redis.mget(...ids.map((id) => k.passkey(id)));
      return found.map(passkeyOut).filter((passkey): passkey is AdapterPasskey => passkey !== null);
    },

    async updatePasskeyUsage(usage) {
      const json = (await redis.eval(
        PASSKEY_USAGE,
        1,
        k.passkey(usage.id),
        String(usage.previousCounter),
        String(usage.counter),
        usage.backedUp ? "1" : "0",
        String(usage.lastUsedAt.getTime()),
      )) as string | null;
      return passkeyOut(json);
    },

    async renamePasskey({ id, userId, name }) {
      const json = (await redis.eval(PASSKEY_OWNED, 2, k.passkey(id), k.passkeys(userId), userId, name)) as
        string | null;
      return passkeyOut(json);
    },

    async deletePasskey({ id, userId }) {
      return (await redis.eval(PASSKEY_OWNED, 2, k.passkey(id), k.passkeys(userId), userId, "")) === "deleted";
    },

    async createVerificationToken(token) {
      const ttl = Math.max(1, token.expires.getTime() - now());
      await redis.set(
        k.verify(token.identifier, token.token),
        JSON.stringify({ ...token, expires: token.expires.getTime() }),
        "PX",
        ttl,
      );
      return token;
    },

    async useVerificationToken({ identifier, token }): Promise<VerificationToken | null> {
      // GETDEL: of concurrent uses, exactly one gets the value.
      const json = await redis.getdel(k.verify(identifier, token));
      if (json === null) return null;
      const raw = JSON.parse(json) as { identifier: string; token: string; expires: number };
      return { identifier: raw.identifier, token: raw.token, expires: new Date(raw.expires) };
    },

    async getTwoFactor(userId) {
      return twoFactorOut(await redis.get(k.twoFactor(userId)));
    },

    async setTwoFactor(record) {
      await redis.set(
        k.twoFactor(record.userId),
        JSON.stringify({
          userId: record.userId,
          secret: record.secret,
          enabledAt: record.enabledAt?.getTime() ?? null,
          lastUsedStep: record.lastUsedStep,
          trustedAfter: record.trustedAfter?.getTime() ?? null,
        }),
      );
      return record;
    },

    async useTwoFactorStep(userId, step) {
      return (await redis.eval(USE_STEP, 1, k.twoFactor(userId), String(step))) === 1;
    },

    async deleteTwoFactor(userId) {
      await redis.del(k.twoFactor(userId), k.backupCodes(userId));
    },

    async setBackupCodes(userId, codes) {
      const multi = redis.multi().del(k.backupCodes(userId));
      if (codes.length > 0) multi.sadd(k.backupCodes(userId), ...codes);
      await exec(multi);
    },

    async useBackupCode(userId, code) {
      // SREM: of concurrent uses, exactly one removes the member.
      return (await redis.srem(k.backupCodes(userId), code)) === 1;
    },

    async countBackupCodes(userId) {
      return redis.scard(k.backupCodes(userId));
    },

    async listSessions(userId) {
      const at = now();
      await redis.zremrangebyscore(k.sessions(userId), "-inf", at);
      const hashes = await redis.zrange(k.sessions(userId), 0, -1);
      if (hashes.length === 0) return [];
      const values = await redis.mget(hashes.map((hash) => k.session(hash)));
      return values
        .map(sessionOut)
        .filter((session): session is AdapterSession => session !== null && session.expires.getTime() > at)
        .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
    },

    async deleteUserSessions(userId, keep) {
      const hashes = (await redis.zrange(k.sessions(userId), 0, -1)).filter((hash) => hash !== keep);
      if (hashes.length === 0) return 0;
      const existing = await redis.exists(...hashes.map((hash) => k.session(hash)));
      await exec(
        redis
          .multi()
          .del(...hashes.map((hash) => k.session(hash)))
          .zrem(k.sessions(userId), ...hashes),
      );
      return existing;
    },
  };
  return adapter;
}

// Fixed-window counter: INCR, and set the window's expiry on the first hit (or on a key left
// without one), so the count and the window always belong together.
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }`;

// The count and the time left of one window, read together (a GET then a PTTL could straddle
// the window's end); nothing when there is no counter.
const PEEK = `
local count = redis.call('GET', KEYS[1])
if not count then return false end
return { tonumber(count) or 0, redis.call('PTTL', KEYS[1]) }`;

/**
 * Rate-limit counters, revoked token ids and session epochs in Redis, shared by every app
 * instance. Counters expire with their window and revocations when their token would have, so
 * the keyspace holds only live state.
 *
 * Redis must not evict to make room: with `maxmemory-policy` set to an eviction policy (e.g.
 * `allkeys-lru`, or `volatile-lru`, which some managed services default to), a flood of counters
 * from failed sign-ins could push revocations out, and a signed-out token would work again.
 * Use `noeviction` (the Redis default), so a full Redis refuses writes instead and sign-ins fail
 * closed, or give the store a Redis of its own.
 */
export class RedisStore implements EphemeralStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #now: () => number;

  /**
   * @param connection - a `redis://` URL, or an ioredis client (which keeps its own options).
   * @param options - `prefix` of every key (@default "gatehouse:store:"), `commandTimeout`
   *   as for {@link RedisAdapterOptions.commandTimeout} (@default 5000), and `now`, the clock
   *   (pass the auth instance's `now`).
   */
  constructor(
    connection: string | Redis,
    options: { prefix?: string; commandTimeout?: number; now?: () => number } = {},
  ) {
    this.#redis = typeof connection === "string" ? clientFor(connection, options.commandTimeout) : connection;
    this.#prefix = options.prefix ?? "gatehouse:store:";
    this.#now = options.now ?? systemClock;
  }

  async hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }> {
    const [count, ttl] = (await this.#redis.eval(HIT, 1, this.#prefix + key, String(windowMs))) as [number, number];
    return { count, resetAt: this.#now() + Math.max(0, ttl) };
  }

  async peek(key: string): Promise<{ count: number; resetAt: number } | null> {
    const result = (await this.#redis.eval(PEEK, 1, this.#prefix + key)) as [number, number] | null;
    if (result === null) return null;
    const [count, ttl] = result;
    return { count, resetAt: this.#now() + Math.max(0, ttl) };
  }

  get(key: string): Promise<string | null> {
    return this.#redis.get(this.#prefix + key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.#redis.set(this.#prefix + key, value, "PX", Math.max(1, Math.ceil(ttlMs)));
  }

  async delete(key: string): Promise<void> {
    await this.#redis.del(this.#prefix + key);
  }

  /** Closes the connection. */
  async close(): Promise<void> {
    await this.#redis.quit();
  }
}
