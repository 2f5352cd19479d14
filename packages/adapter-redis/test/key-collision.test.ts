// Redis keys from ids holding ":" (issue 9, item 13): an app-chosen user id "alice:accounts" was
// stored at `user:alice:accounts` — user alice's account set — so one user's row clobbered
// another's links. Ids are encoded in keys now; ids without ":" or "%" keep the keys they had.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceAvailable } from "@gatehouse/adapter-test";
import { RedisAdapter } from "../src/index.js";

const URL = process.env.GATEHOUSE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const available = await serviceAvailable("Redis", async () => {
  const redis = new Redis(URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0 });
  await redis.connect();
  await redis.ping();
  redis.disconnect();
});

describe.skipIf(!available)("Redis adapter: ids holding ':' never collide", () => {
  const prefix = `gatehouse-collision-${Date.now().toString(36)}:`;
  let adapter: ReturnType<typeof RedisAdapter>;
  let raw: Redis;
  beforeAll(() => {
    adapter = RedisAdapter(URL, { prefix });
    raw = new Redis(URL);
  });
  afterAll(async () => {
    const keys = await raw.keys(`${prefix}*`);
    if (keys.length > 0) await raw.del(...keys);
    await raw.quit();
    await adapter.close();
  });

  it("a user with id 'alice:accounts' does not overwrite alice's linked accounts", async () => {
    await adapter.createUser({ id: "alice", email: "alice@example.com", emailVerified: null });
    await adapter.linkAccount({ userId: "alice", provider: "local", providerAccountId: "alice-sub", type: "oidc" });
    const squatter = await adapter.createUser({
      id: "alice:accounts",
      email: "mallory@example.com",
      emailVerified: null,
    });
    expect(squatter.id).toBe("alice:accounts");
    expect((await adapter.getUserByAccount({ provider: "local", providerAccountId: "alice-sub" }))?.id).toBe("alice");
    expect((await adapter.getUser("alice:accounts"))?.email).toBe("mallory@example.com");

    await adapter.deleteUser("alice");
    expect(await adapter.getUserByAccount({ provider: "local", providerAccountId: "alice-sub" })).toBeNull();
    expect((await adapter.getUser("alice:accounts"))?.email).toBe("mallory@example.com");
  });

  it("a user with id 'bob:sessions' does not break bob's session list, and sessions find users whose id holds ':'", async () => {
    const expires = new Date(Date.now() + 3_600_000);
    await adapter.createUser({ id: "bob", email: "bob@example.com", emailVerified: null });
    await adapter.createSession({ sessionToken: "bob-session-hash", userId: "bob", expires });
    await adapter.createUser({ id: "bob:sessions", email: "eve@example.com", emailVerified: null });
    await adapter.createSession({ sessionToken: "eve-session-hash", userId: "bob:sessions", expires });
    expect((await adapter.listSessions("bob")).map((s) => s.sessionToken)).toEqual(["bob-session-hash"]);
    expect((await adapter.getSessionAndUser("eve-session-hash"))?.user.id).toBe("bob:sessions");
    expect((await adapter.getSessionAndUser("bob-session-hash"))?.user.id).toBe("bob");
  });

  it("an account id holding ':' is its own account", async () => {
    await adapter.createUser({ id: "carol", email: "carol@example.com", emailVerified: null });
    await adapter.createUser({ id: "dan", email: "dan@example.com", emailVerified: null });
    await adapter.linkAccount({ userId: "carol", provider: "local", providerAccountId: "x:y", type: "oidc" });
    await adapter.linkAccount({ userId: "dan", provider: "local", providerAccountId: "x%3Ay", type: "oidc" });
    expect((await adapter.getUserByAccount({ provider: "local", providerAccountId: "x:y" }))?.id).toBe("carol");
    expect((await adapter.getUserByAccount({ provider: "local", providerAccountId: "x%3Ay" }))?.id).toBe("dan");
  });

  it("keys of ids without ':' or '%' are what they always were, so stored data stays readable", async () => {
    await raw.set(
      `${prefix}user:legacy-id`,
      JSON.stringify({ id: "legacy-id", name: null, email: "old@example.com", emailVerified: null, image: null }),
    );
    await raw.set(`${prefix}email:old@example.com`, "legacy-id");
    expect((await adapter.getUserByEmail("old@example.com"))?.id).toBe("legacy-id");
  });
});
