/**
 * Conformance of the `passkeys` group (`PasskeyAdapter`): passkeys keyed by credential id,
 * unique across users and case-sensitive (base64url), listed per user, renamed and deleted only
 * by their owner, sign-ins recorded with a compare-and-set on the counter, and gone with their
 * user.
 */
import { systemClock, type AdapterPasskey, type AdapterUser, type DatabaseAdapter } from "@gatehouse/core";
import { describe, expect, it } from "vitest";

const unique = () => globalThis.crypto.randomUUID();
const ms = (offset: number) => new Date(Math.floor(systemClock() / 1000) * 1000 + 123 + offset);

function credentialId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function passkey(userId: string, extra: Partial<AdapterPasskey> = {}): AdapterPasskey {
  return {
    id: credentialId(),
    userId,
    publicKey: "pQECAyYgASFYI" + "A".repeat(100),
    counter: 0,
    transports: ["internal", "hybrid"],
    deviceType: "multiDevice",
    backedUp: true,
    name: "MacBook Pro — Ådá's 😀",
    createdAt: ms(0),
    lastUsedAt: null,
    ...extra,
  };
}

/** Registers the passkey tests; `get` returns the adapter under test (made in `beforeAll`). */
export function passkeyConformance(get: () => DatabaseAdapter, newUser: () => Promise<AdapterUser>): void {
  describe("passkeys", () => {
    it("creates, reads by credential id and lists a user's passkeys oldest first, dates to the millisecond", async () => {
      const adapter = get();
      const user = await newUser();
      const first = passkey(user.id, { createdAt: ms(1), lastUsedAt: ms(7) });
      const second = passkey(user.id, {
        createdAt: ms(5_000),
        transports: [],
        deviceType: "singleDevice",
        backedUp: false,
        counter: 41,
      });
      await adapter.createPasskey(second);
      await adapter.createPasskey(first);
      expect(await adapter.getPasskey(first.id)).toEqual(first);
      expect(await adapter.getPasskey(second.id)).toEqual(second);
      expect(await adapter.getPasskey(credentialId())).toBeNull();
      expect(await adapter.listPasskeys(user.id)).toEqual([first, second]);
      expect(await adapter.listPasskeys(unique())).toEqual([]);
    });

    it("keeps credential ids unique across users, and tells ids apart by case", async () => {
      const adapter = get();
      const [ada, bob] = [await newUser(), await newUser()];
      const mine = passkey(ada.id, { id: "AbCdEfGh" + unique() });
      await adapter.createPasskey(mine);
      await expect(Promise.resolve().then(() => adapter.createPasskey({ ...mine, userId: bob.id }))).rejects.toThrow();
      expect(await adapter.getPasskey(mine.id.toLowerCase())).toBeNull();
      const other = passkey(bob.id, { id: mine.id.toLowerCase() });
      await adapter.createPasskey(other);
      expect((await adapter.getPasskey(mine.id))?.userId).toBe(ada.id);
      expect((await adapter.getPasskey(other.id))?.userId).toBe(bob.id);
    });

    it("records a sign-in only while the counter is the one that was checked (compare-and-set)", async () => {
      const adapter = get();
      const user = await newUser();
      const key = passkey(user.id, { counter: 5, backedUp: false });
      await adapter.createPasskey(key);
      // Once: read again after the call, the clock may have passed a second.
      const signedInAt = ms(60_000);
      const used = await adapter.updatePasskeyUsage({
        id: key.id,
        previousCounter: 5,
        counter: 6,
        backedUp: true,
        lastUsedAt: signedInAt,
      });
      expect(used).toMatchObject({ id: key.id, counter: 6, backedUp: true, name: key.name });
      expect(used?.lastUsedAt?.getTime()).toBe(signedInAt.getTime());
      // A second sign-in checked against the old counter lost the race.
      expect(
        await adapter.updatePasskeyUsage({
          id: key.id,
          previousCounter: 5,
          counter: 6,
          backedUp: true,
          lastUsedAt: ms(1),
        }),
      ).toBeNull();
      expect((await adapter.getPasskey(key.id))?.counter).toBe(6);
      expect(
        await adapter.updatePasskeyUsage({
          id: credentialId(),
          previousCounter: 0,
          counter: 1,
          backedUp: false,
          lastUsedAt: ms(0),
        }),
      ).toBeNull();
      // Authenticators without a counter stay at 0, and each sign-in is still recorded.
      const zero = passkey(user.id);
      await adapter.createPasskey(zero);
      for (const at of [ms(1_000), ms(2_000)]) {
        const again = await adapter.updatePasskeyUsage({
          id: zero.id,
          previousCounter: 0,
          counter: 0,
          backedUp: true,
          lastUsedAt: at,
        });
        expect(again?.lastUsedAt?.getTime()).toBe(at.getTime());
      }
    });

    it("of concurrent sign-ins checked against one counter, lets exactly one through", async () => {
      const adapter = get();
      const user = await newUser();
      const key = passkey(user.id, { counter: 10 });
      await adapter.createPasskey(key);
      const results = await Promise.all(
        Array.from({ length: 6 }, async (_, index) =>
          adapter.updatePasskeyUsage({
            id: key.id,
            previousCounter: 10,
            counter: 11 + index,
            backedUp: true,
            lastUsedAt: ms(index),
          }),
        ),
      );
      expect(results.filter((result) => result !== null)).toHaveLength(1);
    });

    it("renames and deletes a passkey only for its owner", async () => {
      const adapter = get();
      const [ada, bob] = [await newUser(), await newUser()];
      const key = passkey(ada.id);
      await adapter.createPasskey(key);
      expect(await adapter.renamePasskey({ id: key.id, userId: bob.id, name: "Stolen" })).toBeNull();
      expect(await adapter.renamePasskey({ id: key.id, userId: ada.id, name: "Phone 名" })).toMatchObject({
        id: key.id,
        name: "Phone 名",
      });
      // The same name again is still a rename of an existing passkey.
      expect(await adapter.renamePasskey({ id: key.id, userId: ada.id, name: "Phone 名" })).toMatchObject({
        id: key.id,
      });
      expect(await adapter.renamePasskey({ id: credentialId(), userId: ada.id, name: "x" })).toBeNull();
      expect(await adapter.deletePasskey({ id: key.id, userId: bob.id })).toBe(false);
      expect(await adapter.getPasskey(key.id)).not.toBeNull();
      expect(await adapter.deletePasskey({ id: key.id, userId: ada.id })).toBe(true);
      expect(await adapter.getPasskey(key.id)).toBeNull();
      expect(await adapter.deletePasskey({ id: key.id, userId: ada.id })).toBe(false);
    });

    it("deletes a user's passkeys with the user", async () => {
      const adapter = get();
      const user = await newUser();
      const key = passkey(user.id);
      await adapter.createPasskey(key);
      await adapter.deleteUser(user.id);
      expect(await adapter.getPasskey(key.id)).toBeNull();
      expect(await adapter.listPasskeys(user.id)).toEqual([]);
    });
  });
}
