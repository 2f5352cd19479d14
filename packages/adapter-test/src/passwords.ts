/**
 * The conformance tests of the `passwords` group (`getPasswordHash`, `setPasswordHash`,
 * `createUserWithPassword`): one password per user, replaced in place, created atomically with its
 * user, gone with its user, stored exactly as given.
 */
import type { AdapterUser, DatabaseAdapter } from "@gatehouse/core";
import { describe, expect, it } from "vitest";

const unique = () => globalThis.crypto.randomUUID();

/** A PHC string as Gatehouse stores it (the adapter never parses it). */
const phc = (tag: string) => `$argon2id$v=19$m=19456,t=2,p=1$${tag}$${"h".repeat(43)}`;

/**
 * Registers the `passwords` group's tests inside a conformance suite.
 * @param adapter - returns the adapter under test (made in the suite's `beforeAll`).
 * @param newUser - creates a user with a fresh email.
 *
 * @example
 * ```ts
 * describe("my adapter", () => {
 *   let adapter: DatabaseAdapter;
 *   beforeAll(async () => { adapter = await open(); });
 *   passwordConformance(() => adapter, () => adapter.createUser({ email: `${randomUUID()}@example.com`, emailVerified: null }));
 * });
 * ```
 */
export function passwordConformance(
  adapter: () => DatabaseAdapter,
  newUser: (extra?: Partial<AdapterUser>) => PromiseLike<AdapterUser> | AdapterUser,
): void {
  describe("passwords", () => {
    it("stores one hash per user, exactly as given, and replaces it", async () => {
      const user = await newUser();
      const other = await newUser();
      expect(await adapter().getPasswordHash(user.id)).toBeNull();
      expect(await adapter().getPasswordHash(unique())).toBeNull();
      const first = phc("c2FsdHNhbHRzYWx0c2FsdA");
      await adapter().setPasswordHash(user.id, first);
      expect(await adapter().getPasswordHash(user.id)).toBe(first);
      expect(await adapter().getPasswordHash(other.id)).toBeNull();
      // An imported bcrypt hash has "$2b$…" with "." and "/": kept byte for byte.
      const bcrypt = "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
      await adapter().setPasswordHash(user.id, bcrypt);
      expect(await adapter().getPasswordHash(user.id)).toBe(bcrypt);
      await adapter().setPasswordHash(other.id, first);
      expect(await adapter().getPasswordHash(user.id)).toBe(bcrypt);
      expect(await adapter().getPasswordHash(other.id)).toBe(first);
    });

    it("creates a user with its password in one step, or not at all", async () => {
      const email = `pw-${unique()}@example.com`;
      const hash = phc("b25lc3RlcG9uZXN0ZXA");
      const user = await adapter().createUserWithPassword({ email, emailVerified: null, name: "Pat" }, hash);
      expect(user).toMatchObject({ email, name: "Pat", emailVerified: null });
      expect(await adapter().getUserByEmail(email)).toMatchObject({ id: user.id });
      expect(await adapter().getPasswordHash(user.id)).toBe(hash);

      // The same email again: refused, and nothing is left behind.
      const id = "pw-user-" + unique();
      await expect(
        adapter().createUserWithPassword({ id, email, emailVerified: null, name: "Mallory" }, phc("eA")),
      ).rejects.toThrow();
      expect(await adapter().getUser(id)).toBeNull();
      expect(await adapter().getPasswordHash(id)).toBeNull();
      expect(await adapter().getPasswordHash(user.id)).toBe(hash);
    });

    it("lets exactly one of concurrent sign-ups with one email through", async () => {
      const email = `pw-race-${unique()}@example.com`;
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, async (_, index) =>
          adapter().createUserWithPassword({ email, emailVerified: null, name: `racer ${index}` }, phc(`r${index}`)),
        ),
      );
      const won = results.filter((result) => result.status === "fulfilled");
      expect(won).toHaveLength(1);
      const user = await adapter().getUserByEmail(email);
      expect(user?.id).toBe((won[0] as PromiseFulfilledResult<AdapterUser>).value.id);
      expect(await adapter().getPasswordHash(user?.id as string)).toMatch(/^\$argon2id\$/);
    });

    it("deletes the password with its user", async () => {
      const user = await adapter().createUserWithPassword(
        { email: `pw-del-${unique()}@example.com`, emailVerified: new Date(1_700_000_000_123) },
        phc("ZGVsZXRl"),
      );
      expect(user.emailVerified?.getTime()).toBe(1_700_000_000_123);
      // deleteUser is optional in the contract; every first-party adapter has it.
      await (adapter().deleteUser as (id: string) => Promise<unknown>)(user.id);
      expect(await adapter().getUser(user.id)).toBeNull();
      expect(await adapter().getPasswordHash(user.id)).toBeNull();
    });
  });
}
