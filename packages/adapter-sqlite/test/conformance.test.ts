import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runAdapterConformance } from "@gatehouse/adapter-test";
import { SQLiteAdapter } from "../src/index.js";

runAdapterConformance("SQLite (@libsql/client, a file)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gatehouse-sqlite-"));
  const adapter = SQLiteAdapter(`sqlite:${join(dir, "auth.db")}`);
  await adapter.migrate();
  await adapter.migrate(); // idempotent
  return {
    adapter,
    cleanup: async () => {
      await adapter.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe("SQLite migrations", () => {
  it("are safe when several app instances start at once on one file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gatehouse-sqlite-"));
    const instances = [1, 2, 3, 4].map(() => SQLiteAdapter(`sqlite:${join(dir, "auth.db")}`));
    try {
      const reports = await Promise.all(instances.map((adapter) => adapter.migrate()));
      // Exactly one instance applied the versions (1, 3: passwords, 4: passkeys, 5 and 6: two-factor); the others found them done.
      expect(reports.flatMap((report) => report.applied)).toEqual([1, 3, 4, 5, 6]);
      expect(reports.every((report) => report.version === 6)).toBe(true);
      const user = await instances[0]?.createUser({ email: "first@example.com", emailVerified: null });
      expect(await instances[3]?.getUser(user?.id ?? "")).toMatchObject({ email: "first@example.com" });

      // Concurrent transactions and writes from every instance: a connection waiting on another's
      // lock would block the event loop until SQLITE_BUSY; queued per file, every one succeeds.
      const created = await Promise.all(
        Array.from({ length: 24 }, async (_, index) => {
          const adapter = instances[index % instances.length];
          if (adapter === undefined) throw new Error("no instance");
          const made = await adapter.createUserWithAccount(
            { email: `user-${index}@example.com`, emailVerified: null },
            { type: "oidc", provider: "local", providerAccountId: `account-${index}` },
          );
          const expires = new Date(Date.now() + 60_000);
          await adapter.createSession({ sessionToken: `session-${index}`, userId: made.id, expires });
          return (await adapter.getSessionAndUser(`session-${index}`))?.user.email;
        }),
      );
      expect(created).toEqual(Array.from({ length: 24 }, (_, index) => `user-${index}@example.com`));
    } finally {
      await Promise.all(instances.map((adapter) => adapter.close()));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
