/**
 * The database adapter contract: a superset of next-auth v4's `Adapter`, so an adapter written
 * for next-auth plugs in unchanged. Methods are grouped by the feature that needs them; a
 * first-party adapter implements every group ({@link DatabaseAdapter}), and a configuration that
 * needs a group the adapter lacks is refused at start-up with the missing methods named.
 *
 * Conventions every method keeps:
 * - "Not found" is `null`, never an exception. Failures (connection lost, constraint broken)
 *   reject, and Gatehouse turns them into a clean error with no session.
 * - Dates are `Date`s and round-trip to the millisecond.
 * - Session and verification tokens reach the adapter already hashed; store them as given.
 *
 * Foreign adapters — written for next-auth v4 or Auth.js (`@next-auth/*-adapter`,
 * `@auth/*-adapter`, an app's own) — get exactly the arguments next-auth 4.24 passes, never a
 * field their schema may lack. Gatehouse's own fields (a session's `createdAt`, `lastSeenAt` and
 * `userAgent`; a credentials user's `id`; email accounts) go only to adapters that declare
 * {@link KEEPS_GATEHOUSE_FIELDS}, as every first-party adapter does.
 */
import type { Provider } from "./provider-types.js";
import type { Awaitable } from "./types.js";

/**
 * The declaration that an adapter keeps Gatehouse's own fields: set `[KEEPS_GATEHOUSE_FIELDS]:
 * true` on the adapter object (an own, enumerable property, so `{ ...adapter, … }` keeps it).
 * Without it the adapter is foreign: Gatehouse passes it only next-auth v4's argument shapes
 * (`createSession({ sessionToken, userId, expires })`, …), and keeps what it needs that such an
 * adapter cannot store elsewhere (a session's start, for `session.absoluteMaxAge`, rides in the
 * session cookie). A registered symbol, so copies of `@gatehouse/core` agree on it.
 *
 * @example
 * ```ts
 * import { KEEPS_GATEHOUSE_FIELDS, type DatabaseAdapter } from "@gatehouse/core";
 * const adapter: DatabaseAdapter = { [KEEPS_GATEHOUSE_FIELDS]: true, createUser, … };
 * ```
 */
export const KEEPS_GATEHOUSE_FIELDS: unique symbol = Symbol.for("gatehouse.adapter.keepsGatehouseFields");

/** A user as stored. */
export interface AdapterUser {
  id: string;
  email: string | null;
  emailVerified: Date | null;
  name?: string | null;
  image?: string | null;
  [key: string]: unknown;
}

/** A provider account linked to a user. */
export interface AdapterAccount {
  userId: string;
  type: "oauth" | "oidc" | "email" | "credentials" | "password" | "webauthn";
  provider: string;
  providerAccountId: string;
  access_token?: string | null;
  refresh_token?: string | null;
  id_token?: string | null;
  expires_at?: number | null;
  token_type?: string | null;
  scope?: string | null;
  session_state?: string | null;
  [key: string]: unknown;
}

/** A database session as stored. `sessionToken` is the token's hash. */
export interface AdapterSession {
  sessionToken: string;
  userId: string;
  expires: Date;
  /** Gatehouse: when the session began. */
  createdAt?: Date | null;
  /** Gatehouse: when the session was last used (updated at most every `updateAge`). */
  lastSeenAt?: Date | null;
  /** Gatehouse: the browser that began it. */
  userAgent?: string | null;
  /** Gatehouse: when the user last really authenticated in this session (sign-in or step-up). */
  authenticatedAt?: Date | null;
  /** Gatehouse: how they authenticated then (RFC 8176 values such as `pwd`, `otp`, `mfa`). */
  amr?: string[] | null;
}

/** An email sign-in token as stored. `token` is the token's keyed hash. */
export interface VerificationToken {
  identifier: string;
  token: string;
  expires: Date;
}

/** Users and their linked accounts: every sign-in through a provider needs these. */
export interface UserAdapter {
  /** Creates a user; uses `user.id` when given (credentials users keep their id), else a new one. */
  createUser(user: Omit<AdapterUser, "id"> & { id?: string }): Awaitable<AdapterUser>;
  /** The user with this id, or `null`. */
  getUser(id: string): Awaitable<AdapterUser | null>;
  /** The user with this email (exact match on the normalized address), or `null`. */
  getUserByEmail(email: string): Awaitable<AdapterUser | null>;
  /** The user an account (provider + provider account id) is linked to, or `null`. */
  getUserByAccount(account: Pick<AdapterAccount, "provider" | "providerAccountId">): Awaitable<AdapterUser | null>;
  /** Changes the given fields; resolves with the whole updated user. */
  updateUser(user: Partial<AdapterUser> & Pick<AdapterUser, "id">): Awaitable<AdapterUser>;
  /** Deletes the user with its accounts, sessions and passkeys (a cascade). */
  deleteUser(id: string): Awaitable<AdapterUser | null | undefined | void>;
  /** Links an account; provider + providerAccountId is unique across all users. */
  linkAccount(account: AdapterAccount): Awaitable<AdapterAccount | null | undefined | void>;
  /** Unlinks an account. */
  unlinkAccount(
    account: Pick<AdapterAccount, "provider" | "providerAccountId">,
  ): Awaitable<AdapterAccount | undefined | void>;
}

/** Gatehouse: creating a user and linking its first account as one transaction. */
export interface AtomicUserAdapter {
  /**
   * `createUser` + `linkAccount` in one transaction: either both happen or neither, so a
   * database that fails mid sign-in leaves no user without its account.
   */
  createUserWithAccount(
    user: Omit<AdapterUser, "id"> & { id?: string },
    account: Omit<AdapterAccount, "userId">,
  ): Awaitable<AdapterUser>;
}

/** Database sessions (`session.strategy: "database"`). */
export interface SessionAdapter {
  createSession(session: AdapterSession): Awaitable<AdapterSession>;
  /**
   * The session with this (hashed) token and its user, in one query; `null` if unknown or
   * expired (an expired row may be deleted on the way). Gatehouse checks `expires` again.
   */
  getSessionAndUser(sessionToken: string): Awaitable<{ session: AdapterSession; user: AdapterUser } | null>;
  /** Extends or touches a session; `null` if it no longer exists. */
  updateSession(
    session: Partial<AdapterSession> & Pick<AdapterSession, "sessionToken">,
  ): Awaitable<AdapterSession | null | undefined>;
  /** Deletes a session (no error if it is already gone). */
  deleteSession(sessionToken: string): Awaitable<AdapterSession | null | undefined | void>;
}

/** Email sign-in links. */
export interface VerificationAdapter {
  createVerificationToken(token: VerificationToken): Awaitable<VerificationToken | null | undefined>;
  /**
   * Deletes and returns the token for this identifier, or `null` — atomically: of two
   * concurrent calls with the same token, exactly one gets it. Expired tokens are returned (and
   * deleted) too; Gatehouse checks `expires`.
   */
  useVerificationToken(params: { identifier: string; token: string }): Awaitable<VerificationToken | null>;
}

/** Gatehouse: listing and revoking a user's sessions (the account page). */
export interface SessionManagementAdapter {
  /** Every unexpired session of a user, newest first. */
  listSessions(userId: string): Awaitable<AdapterSession[]>;
  /** Deletes every session of a user except `keep` (a hashed token), if given; resolves with the count. */
  deleteUserSessions(userId: string, keep?: string): Awaitable<number>;
}

/** Reading and updating one linked account: built-in token refresh with database sessions. */
export interface AccountAdapter {
  /** The account with this provider account id at `provider`, or `null` (Auth.js v5's signature). */
  getAccount(providerAccountId: string, provider: string): Awaitable<AdapterAccount | null>;
  /**
   * Gatehouse: changes the given token fields of an account (a refresh rotates them); resolves
   * with the whole account, or `null` if it no longer exists.
   */
  updateAccount(
    account: Pick<AdapterAccount, "provider" | "providerAccountId"> &
      Partial<Pick<AdapterAccount, "access_token" | "refresh_token" | "expires_at" | "id_token" | "scope">>,
  ): Awaitable<AdapterAccount | null>;
}

/**
 * Gatehouse: a passkey (a WebAuthn credential) as stored. Its `id` is the credential id
 * (base64url), unique across all users; `publicKey` is the credential's COSE public key
 * (base64url). `deviceType` is fixed at registration (the authenticator's backup eligibility);
 * `backedUp` may change with each use.
 */
export interface AdapterPasskey {
  id: string;
  userId: string;
  publicKey: string;
  /** The signature counter last seen (0: the authenticator keeps none). */
  counter: number;
  /** How the browser can reach the authenticator (`"internal"`, `"hybrid"`, `"usb"`, …). */
  transports: string[];
  /** `"multiDevice"` when the credential may be synced (backup eligible), else `"singleDevice"`. */
  deviceType: "singleDevice" | "multiDevice";
  backedUp: boolean;
  /** The name the user gave it. */
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** Gatehouse: one sign-in with a passkey, recorded by {@link PasskeyAdapter.updatePasskeyUsage}. */
export interface PasskeyUsage {
  id: string;
  /** The counter the passkey had when the sign-in was checked. */
  previousCounter: number;
  counter: number;
  backedUp: boolean;
  lastUsedAt: Date;
}

/** Gatehouse: passkeys (WebAuthn credentials) of users. */
export interface PasskeyAdapter {
  /** Stores a new passkey; rejects when a passkey with its `id` exists (for any user). */
  createPasskey(passkey: AdapterPasskey): Awaitable<AdapterPasskey>;
  /** The passkey with this credential id, or `null`. */
  getPasskey(id: string): Awaitable<AdapterPasskey | null>;
  /** Every passkey of a user, oldest first. */
  listPasskeys(userId: string): Awaitable<AdapterPasskey[]>;
  /**
   * Records a sign-in: sets `counter`, `backedUp` and `lastUsedAt` only if the stored counter is
   * still `previousCounter` (compare-and-set, so two sign-ins racing with one counter value
   * cannot both move it). Resolves with the updated passkey, or `null` when it is gone or its
   * counter changed meanwhile.
   */
  updatePasskeyUsage(usage: PasskeyUsage): Awaitable<AdapterPasskey | null>;
  /** Renames a passkey of `userId`; `null` when that user has no passkey with this id. */
  renamePasskey(params: { id: string; userId: string; name: string }): Awaitable<AdapterPasskey | null>;
  /** Deletes a passkey of `userId`; resolves with whether one was deleted. */
  deletePasskey(params: { id: string; userId: string }): Awaitable<boolean>;
}

/**
 * Gatehouse: password credentials (the `Password()` provider). A user has at most one password,
 * stored as a self-describing hash string (PHC format, parameters included); the adapter never
 * sees a password. Deleting the user deletes its password.
 */
export interface PasswordAdapter {
  /** The stored password hash of a user, or `null` when the user has none (or does not exist). */
  getPasswordHash(userId: string): Awaitable<string | null>;
  /** Stores `hash` as the user's password, replacing any it had. */
  setPasswordHash(userId: string, hash: string): Awaitable<void>;
  /**
   * Creates a user and its password as one transaction: either both happen or neither. Rejects
   * (and creates nothing) when the email is taken.
   */
  createUserWithPassword(user: Omit<AdapterUser, "id"> & { id?: string }, hash: string): Awaitable<AdapterUser>;
}

/**
 * Gatehouse: a user's two-factor (TOTP) enrolment. `secret` is stored as Gatehouse gives it
 * (already encrypted with a key derived from the auth secret); store it as given.
 */
export interface AdapterTwoFactor {
  userId: string;
  /** The TOTP secret, encrypted. */
  secret: string;
  /** When the enrolment was confirmed by a first code; `null` while it is being set up. */
  enabledAt: Date | null;
  /** The last 30-second time step whose code was accepted (each code is used once). */
  lastUsedStep: number | null;
  /** Trusted-device cookies issued before this time are refused (revocation). */
  trustedAfter: Date | null;
}

/** Gatehouse: two-factor authentication (TOTP secrets and backup codes). */
export interface TwoFactorAdapter {
  /** The user's two-factor record, or `null`. */
  getTwoFactor(userId: string): Awaitable<AdapterTwoFactor | null>;
  /** Creates or replaces the user's record (one per user). */
  setTwoFactor(record: AdapterTwoFactor): Awaitable<AdapterTwoFactor>;
  /**
   * Records that the code of time step `step` was used — atomically, and only if `step` is later
   * than the recorded one: of two concurrent calls with the same step, exactly one gets `true`.
   * `false` when the step is not later, or the user has no record.
   */
  useTwoFactorStep(userId: string, step: number): Awaitable<boolean>;
  /** Deletes the user's record and backup codes (no error if there are none). */
  deleteTwoFactor(userId: string): Awaitable<void>;
  /** Replaces the user's backup codes with these (hashed) ones. */
  setBackupCodes(userId: string, codes: readonly string[]): Awaitable<void>;
  /** Deletes one (hashed) backup code — atomically: of two concurrent calls, exactly one gets `true`. */
  useBackupCode(userId: string, code: string): Awaitable<boolean>;
  /** How many unused backup codes the user has. */
  countBackupCodes(userId: string): Awaitable<number>;
}

/** Everything: what first-party adapters implement. */
export interface DatabaseAdapter
  extends
    UserAdapter,
    AtomicUserAdapter,
    SessionAdapter,
    VerificationAdapter,
    SessionManagementAdapter,
    AccountAdapter,
    PasswordAdapter,
    PasskeyAdapter,
    TwoFactorAdapter {
  /**
   * Declares the adapter stores Gatehouse's own fields (see {@link KEEPS_GATEHOUSE_FIELDS});
   * without it, it gets next-auth v4's argument shapes only.
   */
  readonly [KEEPS_GATEHOUSE_FIELDS]?: true;
  /**
   * Creates or upgrades the schema; idempotent and safe when several instances start at once.
   * First-party SQL adapters resolve with what they did.
   */
  migrate?(): Promise<MigrationReport | void>;
}

/** What `migrate()` did: the schema versions it applied now, and the version the schema is at. */
export interface MigrationReport {
  applied: number[];
  version: number;
}

/**
 * Whether a configuration type lists an email provider. A list typed only as `Provider[]` says
 * nothing either way (start-up checks it), so it never makes a compile error.
 */
type ListsEmail<C> = C extends { providers: readonly (infer P)[] }
  ? [Provider] extends [P]
    ? false
    : [Extract<P, { type: "email" }>] extends [never]
      ? false
      : true
  : false;

/**
 * Whether a configuration type has database sessions: `strategy: "database"`, or an adapter with
 * no strategy given (the default then). A strategy typed as the wide union says nothing.
 */
type AsksDatabaseSessions<C> = C extends { session: { strategy: infer S } }
  ? [S] extends ["database"]
    ? true
    : false
  : C extends { adapter: object }
    ? true
    : false;

/**
 * Whether the configuration's adapter type names every method of group `G`. A method typed as
 * optional counts: next-auth's `Adapter` type (which `@next-auth/*` adapters declare they return)
 * makes every method optional, so its type says nothing either way and start-up checks it.
 */
type NamesGroup<C, G> = C extends { adapter: infer A }
  ? [Exclude<keyof G, keyof A>] extends [never]
    ? true
    : false
  : false;

/** `{ adapter: G }` unless the configuration's adapter type already names every method of `G`. */
type NeedsGroup<C, G> = NamesGroup<C, G> extends true ? unknown : { adapter: G };

/**
 * The adapter groups a configuration's features need, worked out from its type, so a missing
 * group is a compile-time error at `createAuth` (start-up checks it again, for JavaScript and
 * for configurations typed too widely to tell): the Email provider needs users and verification
 * tokens; database sessions (asked for, or the default with an adapter) need users and sessions.
 */
export type AdapterRequirement<C> = (ListsEmail<C> extends true
  ? NeedsGroup<C, UserAdapter & VerificationAdapter>
  : unknown) &
  (AsksDatabaseSessions<C> extends true ? NeedsGroup<C, UserAdapter & SessionAdapter> : unknown);

/** next-auth v4's `Adapter`: any subset of the methods. */
export type Adapter = Partial<DatabaseAdapter>;

/**
 * The method groups, each with the methods a feature that needs the group calls (`required`,
 * checked at start-up) and those it uses when present (`optional`). This is the one list of
 * adapter methods: the start-up check, the `database` option's lazy adapter and the conformance
 * suite (one file per group in @gatehouse/adapter-test) all read it.
 */
export const ADAPTER_GROUPS = {
  users: {
    required: ["createUser", "getUser", "getUserByEmail", "getUserByAccount", "updateUser", "linkAccount"],
    optional: ["deleteUser", "unlinkAccount", "createUserWithAccount"],
  },
  sessions: { required: ["createSession", "getSessionAndUser", "updateSession", "deleteSession"], optional: [] },
  verification: { required: ["createVerificationToken", "useVerificationToken"], optional: [] },
  management: { required: ["listSessions", "deleteUserSessions"], optional: [] },
  accounts: { required: ["getAccount", "updateAccount"], optional: [] },
  passkeys: {
    required: ["createPasskey", "getPasskey", "listPasskeys", "updatePasskeyUsage", "renamePasskey", "deletePasskey"],
    optional: [],
  },
  passwords: { required: ["getPasswordHash", "setPasswordHash", "createUserWithPassword"], optional: [] },
  twoFactor: {
    required: [
      "getTwoFactor",
      "setTwoFactor",
      "useTwoFactorStep",
      "deleteTwoFactor",
      "setBackupCodes",
      "useBackupCode",
      "countBackupCodes",
    ],
    optional: [],
  },
} as const satisfies Record<
  string,
  { required: readonly (keyof DatabaseAdapter)[]; optional: readonly (keyof DatabaseAdapter)[] }
>;

/** The name of a method group. */
export type AdapterGroup = keyof typeof ADAPTER_GROUPS;

/** Every adapter method, from {@link ADAPTER_GROUPS}. */
export const ADAPTER_METHODS: readonly (keyof DatabaseAdapter)[] = Object.freeze([
  ...new Set(Object.values(ADAPTER_GROUPS).flatMap((group) => [...group.required, ...group.optional])),
]);
