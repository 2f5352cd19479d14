/**
 * An upgrade check for SQL adapters: a database made at schema version 1 (as the first release
 * created it), with rows in it, migrated to the current version, keeps its rows and gains every
 * later feature for the users it already had.
 */
import type { DatabaseAdapter } from "@gatehouse/core";
import { expect } from "vitest";

/** Rows written at schema version 1, before `migrate` runs. */
export interface OldRows {
  userId: string;
  sessionToken: string;
}

/**
 * The rows a version 1 database holds (a user with an OAuth account and a session), as plain SQL.
 * @param prefix - The tables' prefix (`auth_` by default in the adapters).
 * @returns The rows' ids, and the INSERT statements to run on the version 1 tables.
 * @example `const { rows, statements } = oldRows("auth_"); for (const sql of statements) await db.query(sql);`
 */
export function oldRows(prefix: string): { rows: OldRows; statements: string[] } {
  const userId = `old-user-${Date.now().toString(36)}`;
  const sessionToken = `old-session-${userId}`;
  const expires = Date.now() + 3_600_000;
  return {
    rows: { userId, sessionToken },
    statements: [
      `INSERT INTO ${prefix}users (id, name, email, email_verified, image) VALUES ('${userId}', 'Old', '${userId}@example.com', NULL, NULL)`,
      `INSERT INTO ${prefix}accounts (user_id, type, provider, provider_account_id) VALUES ('${userId}', 'oauth', 'github', 'old-${userId}')`,
      `INSERT INTO ${prefix}sessions (session_token, user_id, expires, created_at, last_seen_at, user_agent) VALUES ('${sessionToken}', '${userId}', ${expires}, ${expires - 3_600_000}, NULL, NULL)`,
    ],
  };
}

/**
 * After the upgrade: the old rows are there, and the old user gets a password, a passkey, two-factor
 * and a session that records its authentication; deleting the user takes all of it.
 * @param adapter - The adapter over the migrated database.
 * @param old - The rows {@link oldRows} wrote before the migration.
 * @example `await adapter.migrate(); await checkUpgraded(adapter, rows);`
 */
export async function checkUpgraded(adapter: DatabaseAdapter, old: OldRows): Promise<void> {
  expect((await adapter.getUser(old.userId))?.name).toBe("Old");
  expect((await adapter.getSessionAndUser(old.sessionToken))?.user.id).toBe(old.userId);
  expect((await adapter.getUserByAccount({ provider: "github", providerAccountId: `old-${old.userId}` }))?.id).toBe(
    old.userId,
  );

  await adapter.setPasswordHash(old.userId, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA");
  expect(await adapter.getPasswordHash(old.userId)).toMatch(/^\$argon2id\$/);
  await adapter.createPasskey({
    id: `cred-${old.userId}`,
    userId: old.userId,
    publicKey: "cHVibGlj",
    counter: 0,
    transports: ["internal"],
    deviceType: "multiDevice",
    backedUp: true,
    name: "Laptop",
    createdAt: new Date(),
    lastUsedAt: null,
  });
  expect(await adapter.listPasskeys(old.userId)).toHaveLength(1);
  await adapter.setTwoFactor({
    userId: old.userId,
    secret: "sealed",
    enabledAt: new Date(),
    lastUsedStep: null,
    trustedAfter: null,
  });
  await adapter.setBackupCodes(old.userId, ["code-hash"]);
  expect(await adapter.countBackupCodes(old.userId)).toBe(1);
  const at = new Date(Math.floor(Date.now() / 1000) * 1000);
  await adapter.createSession({
    sessionToken: `new-session-${old.userId}`,
    userId: old.userId,
    expires: new Date(Date.now() + 3_600_000),
    authenticatedAt: at,
    amr: ["pwd", "otp"],
  });
  const fresh = await adapter.getSessionAndUser(`new-session-${old.userId}`);
  expect(fresh?.session.authenticatedAt?.getTime()).toBe(at.getTime());
  expect(fresh?.session.amr).toEqual(["pwd", "otp"]);

  await adapter.deleteUser(old.userId);
  expect(await adapter.getSessionAndUser(old.sessionToken)).toBeNull();
  expect(await adapter.getPasswordHash(old.userId)).toBeNull();
  expect(await adapter.getPasskey(`cred-${old.userId}`)).toBeNull();
  expect(await adapter.getTwoFactor(old.userId)).toBeNull();
  expect(await adapter.countBackupCodes(old.userId)).toBe(0);
}
