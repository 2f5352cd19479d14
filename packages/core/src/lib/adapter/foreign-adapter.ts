/**
 * Foreign adapters — written for next-auth v4 or Auth.js, like `@next-auth/prisma-adapter` or
 * `@auth/pg-adapter` — pass what they are given straight to the database, so a field their
 * schema lacks is an error there (Prisma: "Unknown argument `createdAt`"). Such an adapter is
 * wrapped once, when the options are resolved, so that every method receives exactly the
 * arguments next-auth 4.24 passes it; an adapter that declares {@link KEEPS_GATEHOUSE_FIELDS}
 * (every first-party one) is used as it is.
 *
 * What next-auth passes, method by method (facts from its `core/lib/callback-handler`,
 * `core/lib/email/signin`, `core/routes/callback` and `core/routes/session`):
 * - `createUser`: the profile's fields without `id`, with `emailVerified` — an email sign-in
 *   gives `{ email, emailVerified }`.
 * - `linkAccount`: the account — `provider`, `type` (always `"oauth"`), `providerAccountId`, the
 *   token fields — and `userId`. next-auth links no account for an email sign-in.
 * - `getUserByAccount`, `unlinkAccount`: `{ provider, providerAccountId }`.
 * - `updateUser`: `{ id, emailVerified }`, or `{ id, email: null }` when an email link claims an
 *   address no one had verified from the user holding it; passed as it is.
 * - `createSession`: `{ sessionToken, userId, expires }`; `updateSession`: `{ sessionToken,
 *   expires }` (no `lastSeenAt`: such an adapter keeps none, so `updateAge` counts from the
 *   expiry, as in next-auth).
 * - `createVerificationToken`: `{ identifier, token, expires }`; `useVerificationToken`:
 *   `{ identifier, token }`.
 * - Methods taking ids or tokens get that one argument.
 *
 * Results keep their shape, but for user ids: the contract's are strings, and an adapter on a
 * SERIAL column (`@auth/pg-adapter`'s documented schema) returns numbers, which would make a JWT
 * `sub` that is no string. They are turned into strings.
 *
 * Two differences next-auth's own code papers over are handled here too: `deleteSession` of a
 * session that is already gone rejects in the Prisma adapters (P2025), where the contract says it
 * is no error; and credentials sign-in with database sessions, which next-auth refuses, needs an
 * adapter that keeps the app's user ids, so it is refused at start-up for a foreign adapter.
 *
 * Gatehouse's own methods (`createUserWithAccount`, `listSessions`, `updateAccount`, …) are
 * passed through if a foreign adapter has them; start-up refuses a configuration that needs one
 * it lacks. Methods the adapter does not have stay absent.
 */
import { ConfigError } from "../../errors.js";
import type { ResolvedProvider } from "../../provider-types.js";
import {
  KEEPS_GATEHOUSE_FIELDS,
  type Adapter,
  type AdapterAccount,
  type AdapterSession,
  type AdapterUser,
  type DatabaseAdapter,
  type VerificationToken,
} from "../../adapter.js";

type Method = (...args: never[]) => unknown;

/** Copies the given keys of `value` that are present (not `undefined`). */
function only<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

function foreignUser(user: Omit<AdapterUser, "id"> & { id?: string }): Omit<AdapterUser, "id"> {
  // Only credentials users come with an id, and start-up keeps them away from foreign adapters.
  const { id: _none, ...fields } = user;
  // Gatehouse fills in `name: null` and `image: null` where next-auth leaves out what it lacks.
  if (fields.name === null) delete fields.name;
  if (fields.image === null) delete fields.image;
  return fields;
}

function foreignAccount(account: AdapterAccount): AdapterAccount {
  const { type, ...rest } = account;
  // next-auth v4 has one account type for OAuth and OpenID Connect alike.
  return { ...rest, type: type === "oidc" ? "oauth" : type };
}

function accountKey(account: Pick<AdapterAccount, "provider" | "providerAccountId">) {
  return { provider: account.provider, providerAccountId: account.providerAccountId };
}

/** A user with a string id, as the contract has it (a SERIAL column gives numbers). */
async function stringId<U extends AdapterUser | null>(user: U | PromiseLike<U>): Promise<U> {
  const found = await user;
  if (found === null) return found;
  // Typed as a string, but not always one: read it as what it is.
  const id: unknown = found.id;
  return typeof id === "string" ? found : { ...found, id: String(id) };
}

async function stringIds(
  found:
    | PromiseLike<{ session: AdapterSession; user: AdapterUser } | null>
    | { session: AdapterSession; user: AdapterUser }
    | null,
): Promise<{ session: AdapterSession; user: AdapterUser } | null> {
  const result = await found;
  if (result === null) return null;
  const userId: unknown = result.session.userId;
  return { session: { ...result.session, userId: String(userId) }, user: await stringId(result.user) };
}

/** How each next-auth method's arguments are shaped; `adapter` is the original, for reads. */
const SHAPES: {
  [K in keyof DatabaseAdapter]?: (call: NonNullable<DatabaseAdapter[K]>, adapter: Adapter) => DatabaseAdapter[K];
} = {
  createUser: (call) => (user) => stringId(call(foreignUser(user))),
  getUser: (call) => (id) => stringId(call(id)),
  getUserByEmail: (call) => (email) => stringId(call(email)),
  getUserByAccount: (call) => (account) => stringId(call(accountKey(account))),
  updateUser: (call) => (user) => stringId(call(user)),
  deleteUser: (call) => (id) => call(id),
  linkAccount: (call) => (account) =>
    // next-auth links no account for an email sign-in: the user row is the whole record.
    account.type === "email" ? undefined : call(foreignAccount(account)),
  unlinkAccount: (call) => (account) => call(accountKey(account)),
  createSession: (call) => (session: AdapterSession) =>
    call({ sessionToken: session.sessionToken, userId: session.userId, expires: session.expires }),
  getSessionAndUser: (call) => (sessionToken) => stringIds(call(sessionToken)),
  updateSession: (call) => (session) => call(only(session, ["sessionToken", "expires"])),
  deleteSession: (call, adapter) => async (sessionToken) => {
    try {
      return await call(sessionToken);
    } catch (error) {
      // Deleting a session that is already gone is no error (Prisma's adapters reject with P2025).
      const still = await Promise.resolve(adapter.getSessionAndUser?.(sessionToken)).catch(() => undefined);
      if (still === null) return null;
      throw error;
    }
  },
  createVerificationToken: (call) => (token: VerificationToken) =>
    call({ identifier: token.identifier, token: token.token, expires: token.expires }),
  useVerificationToken: (call) => (params) => call({ identifier: params.identifier, token: params.token }),
};

/** Gatehouse's own methods: a foreign adapter that has them gets them called as they are. */
const GATEHOUSE_METHODS = [
  "createUserWithAccount",
  "listSessions",
  "deleteUserSessions",
  "getAccount",
  "updateAccount",
  "migrate",
] as const satisfies readonly (keyof DatabaseAdapter)[];

/** Whether `adapter` declares it keeps Gatehouse's own fields. */
export function keepsGatehouseFields(adapter: Adapter): boolean {
  return adapter[KEEPS_GATEHOUSE_FIELDS] === true;
}

/**
 * The adapter Gatehouse calls: `adapter` itself when it declares {@link KEEPS_GATEHOUSE_FIELDS},
 * else a wrapper that gives each method next-auth v4's arguments. Each method is called on the
 * original object, so adapters that use `this` keep working.
 * @param adapter - the `adapter` option, already checked to be an object (or absent).
 * @param use - the session strategy and providers it serves.
 * @throws {ConfigError} `InvalidOption` for credentials sign-in with database sessions on a
 *   foreign adapter.
 */
export function foreignAdapter(
  adapter: Adapter | undefined,
  use: { strategy: "jwt" | "database"; providers: readonly ResolvedProvider[] },
): Adapter | undefined {
  if (adapter === undefined || keepsGatehouseFields(adapter)) return adapter;
  if (use.strategy === "database" && use.providers.some((provider) => provider.type === "credentials")) {
    throw new ConfigError(
      "InvalidOption",
      'Credentials sign-in with database sessions keeps users under the ids `authorize` returns, which an `adapter` written for next-auth or Auth.js may not store (next-auth refuses this too): set `session: { strategy: "jwt" }`, or use a Gatehouse adapter (`database`, or @gatehouse/adapter-*).',
    );
  }
  const source = adapter as Record<string, unknown>;
  const wrapped: Record<string, unknown> = {};
  for (const [name, shape] of Object.entries(SHAPES) as [string, (call: Method, adapter: Adapter) => Method][]) {
    const method = source[name];
    if (typeof method === "function") {
      wrapped[name] = shape((...args) => (method as Method).apply(adapter, args), adapter);
    }
  }
  for (const name of GATEHOUSE_METHODS) {
    const method = source[name];
    if (typeof method === "function") wrapped[name] = (method as Method).bind(adapter);
  }
  return Object.freeze(wrapped);
}
