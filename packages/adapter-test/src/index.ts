/**
 * `@gatehouse/adapter-test`: the conformance suite every Gatehouse adapter runs, against a real
 * database. It checks each method's invariants from the contract (`DatabaseAdapter` in
 * @gatehouse/core): users with cascading deletes, unique accounts, sessions that never come back
 * expired, single-use email tokens under concurrency, unicode, long values, and dates to the
 * millisecond.
 *
 * @example
 * ```ts
 * runAdapterConformance("SQLite", async () => { const adapter = SQLiteAdapter(":memory:"); await adapter.migrate(); return { adapter } })
 * ```
 */
import {
  KEEPS_GATEHOUSE_FIELDS,
  systemClock,
  type AdapterAccount,
  type AdapterUser,
  type DatabaseAdapter,
} from "@gatehouse/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passkeyConformance } from "./passkeys.js";
import { passwordConformance } from "./passwords.js";
import { twoFactorConformance } from "./two-factor.js";
import { underCI } from "./under-ci.js";

export { underCI } from "./under-ci.js";
export { passwordConformance } from "./passwords.js";
export { checkUpgraded, oldRows, type OldRows } from "./upgrade.js";
export { dropTables } from "./tables.js";

/** Makes an adapter over a fresh (or freshly migrated) database. */
export type AdapterFactory = () => Promise<{ adapter: DatabaseAdapter; cleanup?: () => Promise<void> }>;

const ms = (offset: number) => new Date(Math.floor(systemClock() / 1000) * 1000 + 123 + offset);
const unique = () => globalThis.crypto.randomUUID();

function account(userId: string, provider = "github", providerAccountId = unique()): AdapterAccount {
  return {
    userId,
    type: "oauth",
    provider,
    providerAccountId,
    access_token: "at-" + unique(),
    refresh_token: "rt",
    expires_at: 1_900_000_000,
    token_type: "bearer",
    scope: "read:user user:email",
    id_token: "eyJ.long." + "x".repeat(4000),
    session_state: null,
  };
}

/**
 * Whether a test service answers. Outside CI a missing service skips its suite with a one-line
 * reason; under CI (`CI=true`, `CI=1`, … — see {@link underCI}) it is a failure, never a silent
 * skip.
 *
 * @param name - The service, as the skip reason and the CI failure name it.
 * @param probe - Connects to the service (and disconnects); a rejection means "not there".
 * @param env - the environment that says whether this is CI. @default process.env
 * @returns `true` when `probe` resolves; `false` (after one warning line) when it rejects
 *   outside CI.
 * @throws Error under CI when `probe` rejects.
 *
 * @example
 * ```ts
 * const available = await serviceAvailable("PostgreSQL", () => pool.query("SELECT 1"));
 * runAdapterConformance("PostgreSQL", factory, available);
 * ```
 */
export async function serviceAvailable(
  name: string,
  probe: () => Promise<unknown>,
  env: Record<string, string | undefined> = process.env,
): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (underCI(env)) throw new Error(`${name} is required under CI but did not answer: ${reason}`, { cause: error });
    console.warn(`Skipping the ${name} suite: ${name} did not answer (${reason}).`);
    return false;
  }
}

/**
 * Registers the conformance suite for one adapter with vitest (call it at the top level of a test
 * file). `factory` runs once before the suite; `cleanup` once after it.
 *
 * @param name - The adapter, as the suite's title names it.
 * @param factory - Makes the adapter over a fresh, migrated database ({@link AdapterFactory}).
 * @param available - `false` skips the suite (see {@link serviceAvailable}). @default true
 *
 * @example
 * ```ts
 * runAdapterConformance("SQLite", async () => {
 *   const adapter = SQLiteAdapter(":memory:");
 *   await adapter.migrate();
 *   return { adapter, cleanup: () => adapter.close() };
 * });
 * ```
 */
export function runAdapterConformance(name: string, factory: AdapterFactory, available = true): void {
  describe.skipIf(!available)(`${name} adapter conformance`, () => {
    let adapter: DatabaseAdapter;
    let cleanup: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ adapter, cleanup } = await factory());
    }, 60_000);
    afterAll(async () => {
      await cleanup?.();
    });

    const newUser = (extra: Partial<AdapterUser> = {}) =>
      adapter.createUser({
        name: "Ada",
        email: `ada-${unique()}@example.com`,
        emailVerified: ms(0),
        image: "https://img.example/a.png",
        ...extra,
      });

    describe("users", () => {
      it("creates and reads a user by id and email, dates to the millisecond", async () => {
        const verified = ms(456);
        const user = await newUser({ emailVerified: verified });
        expect(user.id).toEqual(expect.any(String));
        const byId = await adapter.getUser(user.id);
        expect(byId).toMatchObject({ id: user.id, name: "Ada", email: user.email, image: "https://img.example/a.png" });
        expect(byId?.emailVerified?.getTime()).toBe(verified.getTime());
        expect(await adapter.getUserByEmail(user.email as string)).toMatchObject({ id: user.id });
        expect(await adapter.getUser(unique())).toBeNull();
        expect(await adapter.getUserByEmail("nobody-" + unique() + "@example.com")).toBeNull();
      });

      it("keeps a given id, unicode and long values", async () => {
        const id = "credentials-user-" + unique();
        const name = "Ådá Łovelace 😀 " + "名".repeat(300);
        const email = `ünïcode-${unique()}@exämple.com`;
        const user = await adapter.createUser({
          id,
          name,
          email,
          emailVerified: null,
          image: "https://img.example/" + "p".repeat(2000),
        });
        expect(user.id).toBe(id);
        const read = await adapter.getUser(id);
        expect(read?.name).toBe(name);
        expect(read?.email).toBe(email);
        expect(read?.emailVerified).toBeNull();
        expect(read?.image?.length).toBe("https://img.example/".length + 2000);
        expect(await adapter.getUserByEmail(email)).toMatchObject({ id });
      });

      it("refuses a second user with the same email", async () => {
        const user = await newUser();
        await expect(Promise.resolve(adapter.createUser({ email: user.email, emailVerified: null }))).rejects.toThrow();
      });

      it("lets exactly one of concurrent sign-ups with one email through", async () => {
        const email = `race-${unique()}@example.com`;
        const results = await Promise.allSettled(
          Array.from({ length: 5 }, async () => adapter.createUser({ email, emailVerified: null })),
        );
        expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
        const accountId = unique();
        const user = await newUser();
        const links = await Promise.allSettled(
          Array.from({ length: 5 }, async () => adapter.linkAccount(account(user.id, "github", accountId))),
        );
        expect(links.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      });

      it("updates fields and returns the whole user", async () => {
        const user = await newUser();
        const verified = ms(789);
        const updated = await adapter.updateUser({ id: user.id, name: "Countess", emailVerified: verified });
        expect(updated).toMatchObject({ id: user.id, name: "Countess", email: user.email, image: user.image });
        expect(updated.emailVerified?.getTime()).toBe(verified.getTime());
        const newEmail = `new-${unique()}@example.com`;
        await adapter.updateUser({ id: user.id, email: newEmail });
        expect(await adapter.getUserByEmail(newEmail)).toMatchObject({ id: user.id });
        expect(await adapter.getUserByEmail(user.email as string)).toBeNull();
      });

      it("deletes a user with its accounts and sessions", async () => {
        const user = await newUser();
        const linked = account(user.id);
        await adapter.linkAccount(linked);
        const token = unique();
        await adapter.createSession({
          sessionToken: token,
          userId: user.id,
          expires: ms(3_600_000),
          createdAt: ms(0),
          lastSeenAt: ms(0),
          userAgent: "UA",
        });
        await adapter.deleteUser(user.id);
        expect(await adapter.getUser(user.id)).toBeNull();
        expect(await adapter.getUserByAccount(linked)).toBeNull();
        expect(await adapter.getSessionAndUser(token)).toBeNull();
        expect(await adapter.listSessions(user.id)).toEqual([]);
      });
    });

    describe("accounts", () => {
      it("links, finds the user by provider + providerAccountId, and unlinks", async () => {
        const user = await newUser();
        const linked = account(user.id);
        await adapter.linkAccount(linked);
        expect(
          await adapter.getUserByAccount({ provider: linked.provider, providerAccountId: linked.providerAccountId }),
        ).toMatchObject({ id: user.id });
        expect(
          await adapter.getUserByAccount({ provider: "gitlab", providerAccountId: linked.providerAccountId }),
        ).toBeNull();
        await adapter.unlinkAccount(linked);
        expect(await adapter.getUserByAccount(linked)).toBeNull();
        expect(await adapter.getUser(user.id)).not.toBeNull();
      });

      it("keeps provider + providerAccountId unique across users", async () => {
        const first = await newUser();
        const second = await newUser();
        const id = unique();
        await adapter.linkAccount(account(first.id, "google", id));
        await expect(Promise.resolve(adapter.linkAccount(account(second.id, "google", id)))).rejects.toThrow();
        expect(await adapter.getUserByAccount({ provider: "google", providerAccountId: id })).toMatchObject({
          id: first.id,
        });
        // The same provider account id at another provider is another account.
        await adapter.linkAccount(account(second.id, "apple", id));
        expect(await adapter.getUserByAccount({ provider: "apple", providerAccountId: id })).toMatchObject({
          id: second.id,
        });
      });

      it("reads one account, and updates its tokens (a refresh rotates them)", async () => {
        const user = await newUser();
        const id = unique();
        const linked = account(user.id, "google", id);
        await adapter.linkAccount(linked);
        expect(await adapter.getAccount(id, "google")).toMatchObject({
          userId: user.id,
          provider: "google",
          providerAccountId: id,
          access_token: linked.access_token,
          refresh_token: "rt",
          expires_at: 1_900_000_000,
          scope: "read:user user:email",
        });
        expect(await adapter.getAccount(id, "github")).toBeNull();
        expect(await adapter.getAccount(unique(), "google")).toBeNull();

        const updated = await adapter.updateAccount({
          provider: "google",
          providerAccountId: id,
          access_token: "at-rotated",
          refresh_token: "rt-rotated",
          expires_at: 1_900_003_600,
        });
        expect(updated).toMatchObject({ userId: user.id, access_token: "at-rotated", refresh_token: "rt-rotated" });
        const read = await adapter.getAccount(id, "google");
        expect(read).toMatchObject({
          access_token: "at-rotated",
          refresh_token: "rt-rotated",
          expires_at: 1_900_003_600,
        });
        // Fields not given stay as they were.
        expect(read?.scope).toBe("read:user user:email");
        expect(read?.id_token).toBe(linked.id_token);
        expect(
          await adapter.updateAccount({ provider: "google", providerAccountId: unique(), access_token: "x" }),
        ).toBeNull();
      });

      it("creates a user with its account in one step, or not at all", async () => {
        const providerAccountId = unique();
        const user = await adapter.createUserWithAccount(
          { name: "Grace", email: `grace-${unique()}@example.com`, emailVerified: null },
          { type: "oidc", provider: "google", providerAccountId },
        );
        expect(await adapter.getUserByAccount({ provider: "google", providerAccountId })).toMatchObject({
          id: user.id,
        });
        // An account that is taken makes the whole step fail, leaving no user behind.
        const email = `taken-${unique()}@example.com`;
        await expect(
          Promise.resolve(
            adapter.createUserWithAccount(
              { email, emailVerified: null },
              { type: "oidc", provider: "google", providerAccountId },
            ),
          ),
        ).rejects.toThrow();
        expect(await adapter.getUserByEmail(email)).toBeNull();
      });
    });

    describe("sessions", () => {
      it("declares KEEPS_GATEHOUSE_FIELDS, so Gatehouse passes it createdAt, lastSeenAt and userAgent", () => {
        // Without the declaration Gatehouse treats an adapter as written for next-auth and passes
        // it next-auth's arguments only: the session list would lose its fields.
        expect(adapter[KEEPS_GATEHOUSE_FIELDS]).toBe(true);
      });

      it("creates, reads with its user, updates and deletes", async () => {
        const user = await newUser();
        const token = unique();
        const expires = ms(3_600_000);
        const created = ms(0);
        await adapter.createSession({
          sessionToken: token,
          userId: user.id,
          expires,
          createdAt: created,
          lastSeenAt: created,
          userAgent: "Mozilla/5.0 ☃",
        });
        const found = await adapter.getSessionAndUser(token);
        expect(found?.user).toMatchObject({ id: user.id, email: user.email });
        expect(found?.session).toMatchObject({ sessionToken: token, userId: user.id, userAgent: "Mozilla/5.0 ☃" });
        expect(found?.session.expires.getTime()).toBe(expires.getTime());
        expect(found?.session.createdAt?.getTime()).toBe(created.getTime());

        const later = ms(7_200_000);
        const seen = ms(60_000);
        const updated = await adapter.updateSession({ sessionToken: token, expires: later, lastSeenAt: seen });
        expect(updated?.expires.getTime()).toBe(later.getTime());
        expect((await adapter.getSessionAndUser(token))?.session.lastSeenAt?.getTime()).toBe(seen.getTime());
        expect(await adapter.updateSession({ sessionToken: unique(), expires: later })).toBeFalsy();

        await adapter.deleteSession(token);
        expect(await adapter.getSessionAndUser(token)).toBeNull();
        await adapter.deleteSession(token);
      });

      it("never returns an expired session", async () => {
        const user = await newUser();
        const token = unique();
        await adapter.createSession({
          sessionToken: token,
          userId: user.id,
          expires: new Date(systemClock() + 300),
          createdAt: ms(0),
          lastSeenAt: ms(0),
        });
        expect(await adapter.getSessionAndUser(token)).not.toBeNull();
        await new Promise((resolve) => setTimeout(resolve, 450));
        expect(await adapter.getSessionAndUser(token)).toBeNull();
        expect((await adapter.listSessions(user.id)).map((s) => s.sessionToken)).not.toContain(token);
      });

      it("lists a user's sessions newest first and deletes all but one, or all", async () => {
        const user = await newUser();
        const other = await newUser();
        const tokens = [unique(), unique(), unique()];
        for (const [index, token] of tokens.entries()) {
          await adapter.createSession({
            sessionToken: token,
            userId: user.id,
            expires: ms(3_600_000),
            createdAt: ms(index * 1000),
            lastSeenAt: ms(index * 1000),
            userAgent: `agent ${index}`,
          });
        }
        const otherToken = unique();
        await adapter.createSession({
          sessionToken: otherToken,
          userId: other.id,
          expires: ms(3_600_000),
          createdAt: ms(0),
        });
        const listed = await adapter.listSessions(user.id);
        expect(listed.map((s) => s.sessionToken)).toEqual([...tokens].reverse());
        expect(listed[0]?.userAgent).toBe("agent 2");
        expect(await adapter.deleteUserSessions(user.id, tokens[1])).toBe(2);
        expect((await adapter.listSessions(user.id)).map((s) => s.sessionToken)).toEqual([tokens[1]]);
        expect(await adapter.deleteUserSessions(user.id)).toBe(1);
        expect(await adapter.listSessions(user.id)).toEqual([]);
        expect(await adapter.getSessionAndUser(otherToken)).not.toBeNull();
      });
    });

    passkeyConformance(
      () => adapter,
      async () => newUser(),
    );

    describe("verification tokens", () => {
      it("are single use, bound to the identifier, and keep their expiry", async () => {
        const identifier = `v-${unique()}@example.com`;
        const token = unique();
        const expires = ms(900_000);
        await adapter.createVerificationToken({ identifier, token, expires });
        expect(await adapter.useVerificationToken({ identifier: `other-${identifier}`, token })).toBeNull();
        const used = await adapter.useVerificationToken({ identifier, token });
        expect(used).toMatchObject({ identifier, token });
        expect(used?.expires.getTime()).toBe(expires.getTime());
        expect(await adapter.useVerificationToken({ identifier, token })).toBeNull();
      });

      it("give exactly one success to concurrent uses of one token", async () => {
        for (let round = 0; round < 5; round++) {
          const identifier = `race-${unique()}@example.com`;
          const token = unique();
          await adapter.createVerificationToken({ identifier, token, expires: ms(900_000) });
          const results = await Promise.all(
            Array.from({ length: 8 }, async () => adapter.useVerificationToken({ identifier, token })),
          );
          expect(results.filter((result) => result !== null)).toHaveLength(1);
        }
      });
    });

    passwordConformance(() => adapter, newUser);
    twoFactorConformance(() => adapter);
  });
}
