/**
 * The conformance tests of the `twoFactor` method group and of the step-up session fields
 * (`authenticatedAt`, `amr`): one record per user, replaced whole; time steps used once and in
 * order, exactly once under concurrency; backup codes single use, exactly once under concurrency,
 * replaced whole; deleting a user deletes both.
 */
import { systemClock, type DatabaseAdapter } from "@gatehouse/core";
import { describe, expect, it } from "vitest";

const unique = () => globalThis.crypto.randomUUID();
const ms = (offset: number) => new Date(Math.floor(systemClock() / 1000) * 1000 + 123 + offset);

/** Registers the group's tests; `adapter()` is the suite's adapter (set in its `beforeAll`). */
export function twoFactorConformance(adapter: () => DatabaseAdapter): void {
  describe("two-factor", () => {
    const record = (userId: string) => ({
      userId,
      secret: "sealed." + "s".repeat(200),
      enabledAt: null,
      lastUsedStep: null,
      trustedAfter: null,
    });

    it("creates, reads, replaces and deletes a user's record, dates to the millisecond", async () => {
      const userId = "tf-" + unique();
      expect(await adapter().getTwoFactor(userId)).toBeNull();
      await adapter().setTwoFactor(record(userId));
      expect(await adapter().getTwoFactor(userId)).toEqual(record(userId));
      const enabledAt = ms(456);
      const trustedAfter = ms(789);
      await adapter().setTwoFactor({
        ...record(userId),
        secret: "other",
        enabledAt,
        lastUsedStep: 59_000_000,
        trustedAfter,
      });
      const read = await adapter().getTwoFactor(userId);
      expect(read).toMatchObject({ userId, secret: "other", lastUsedStep: 59_000_000 });
      expect(read?.enabledAt?.getTime()).toBe(enabledAt.getTime());
      expect(read?.trustedAfter?.getTime()).toBe(trustedAfter.getTime());
      await adapter().deleteTwoFactor(userId);
      expect(await adapter().getTwoFactor(userId)).toBeNull();
      await adapter().deleteTwoFactor(userId); // no error when already gone
    });

    it("uses each time step once, and only forward", async () => {
      const userId = "tf-" + unique();
      expect(await adapter().useTwoFactorStep(userId, 100)).toBe(false); // no record
      await adapter().setTwoFactor(record(userId));
      expect(await adapter().useTwoFactorStep(userId, 100)).toBe(true);
      expect(await adapter().useTwoFactorStep(userId, 100)).toBe(false);
      expect(await adapter().useTwoFactorStep(userId, 99)).toBe(false);
      expect(await adapter().useTwoFactorStep(userId, 101)).toBe(true);
      expect((await adapter().getTwoFactor(userId))?.lastUsedStep).toBe(101);
    });

    it("gives exactly one success to concurrent uses of one step", async () => {
      for (let round = 0; round < 5; round++) {
        const userId = "tf-" + unique();
        await adapter().setTwoFactor(record(userId));
        const results = await Promise.all(Array.from({ length: 8 }, async () => adapter().useTwoFactorStep(userId, 7)));
        expect(results.filter(Boolean)).toHaveLength(1);
      }
    });

    it("keeps backup codes per user, single use, replaced whole", async () => {
      const userId = "tf-" + unique();
      const other = "tf-" + unique();
      const codes = Array.from({ length: 10 }, () => unique().replace(/-/g, "").slice(0, 43));
      await adapter().setBackupCodes(userId, codes);
      await adapter().setBackupCodes(other, [codes[0] as string]);
      expect(await adapter().countBackupCodes(userId)).toBe(10);
      expect(await adapter().useBackupCode(userId, codes[1] as string)).toBe(true);
      expect(await adapter().useBackupCode(userId, codes[1] as string)).toBe(false);
      expect(await adapter().useBackupCode(userId, "not-a-code")).toBe(false);
      expect(await adapter().countBackupCodes(userId)).toBe(9);
      // Another user's code is theirs alone.
      expect(await adapter().countBackupCodes(other)).toBe(1);
      await adapter().setBackupCodes(userId, ["fresh"]);
      expect(await adapter().useBackupCode(userId, codes[2] as string)).toBe(false);
      expect(await adapter().countBackupCodes(userId)).toBe(1);
      await adapter().setTwoFactor(record(userId));
      await adapter().deleteTwoFactor(userId);
      expect(await adapter().countBackupCodes(userId)).toBe(0);
      expect(await adapter().countBackupCodes(other)).toBe(1);
    });

    it("gives exactly one success to concurrent uses of one backup code", async () => {
      const userId = "tf-" + unique();
      await adapter().setBackupCodes(userId, ["race-code"]);
      const results = await Promise.all(
        Array.from({ length: 8 }, async () => adapter().useBackupCode(userId, "race-code")),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("deletes a user's two-factor record and backup codes with the user", async () => {
      const user = await adapter().createUser({ email: `tf-${unique()}@example.com`, emailVerified: null });
      await adapter().setTwoFactor(record(user.id));
      await adapter().setBackupCodes(user.id, ["a", "b"]);
      await adapter().deleteUser(user.id);
      expect(await adapter().getTwoFactor(user.id)).toBeNull();
      expect(await adapter().countBackupCodes(user.id)).toBe(0);
    });
  });

  describe("step-up session fields", () => {
    it("keeps a session's authenticatedAt and amr, and updates them", async () => {
      const user = await adapter().createUser({ email: `su-${unique()}@example.com`, emailVerified: null });
      const sessionToken = unique();
      const at = ms(0);
      await adapter().createSession({
        sessionToken,
        userId: user.id,
        expires: ms(3_600_000),
        createdAt: at,
        lastSeenAt: at,
        userAgent: null,
        authenticatedAt: at,
        amr: ["pwd"],
      });
      const found = await adapter().getSessionAndUser(sessionToken);
      expect(found?.session.authenticatedAt?.getTime()).toBe(at.getTime());
      expect(found?.session.amr).toEqual(["pwd"]);
      const later = ms(60_000);
      await adapter().updateSession({ sessionToken, authenticatedAt: later, amr: ["otp", "mfa"] });
      const again = await adapter().getSessionAndUser(sessionToken);
      expect(again?.session.authenticatedAt?.getTime()).toBe(later.getTime());
      expect(again?.session.amr).toEqual(["otp", "mfa"]);
      expect(again?.session.createdAt?.getTime()).toBe(at.getTime());
    });
  });
}
