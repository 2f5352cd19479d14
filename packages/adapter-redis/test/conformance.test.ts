import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { runAdapterConformance, serviceAvailable } from "@gatehouse/adapter-test";
import { RedisAdapter, RedisStore } from "../src/index.js";

const URL = process.env.GATEHOUSE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const available = await serviceAvailable("Redis", async () => {
  const redis = new Redis(URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0 });
  await redis.connect();
  await redis.ping();
  redis.disconnect();
});

async function dropPrefix(prefix: string): Promise<void> {
  const redis = new Redis(URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}

runAdapterConformance(
  "Redis (ioredis)",
  async () => {
    const prefix = `gatehouse-test-${Date.now().toString(36)}:`;
    const adapter = RedisAdapter(URL, { prefix });
    await adapter.getUser("warm-up"); // connect before the first test
    return {
      adapter,
      cleanup: async () => {
        await dropPrefix(prefix);
        await adapter.close();
      },
    };
  },
  available,
);

describe.skipIf(!available)("RedisStore (rate limits and revocations across instances)", () => {
  it("counts in fixed windows shared by two instances, and stores values with a TTL", async () => {
    const prefix = `gatehouse-store-test-${Date.now().toString(36)}:`;
    const a = new RedisStore(URL, { prefix });
    const b = new RedisStore(URL, { prefix });
    try {
      expect((await a.hit("k", 60_000)).count).toBe(1);
      expect((await b.hit("k", 60_000)).count).toBe(2);
      const { resetAt } = await a.hit("k", 60_000);
      expect(resetAt - Date.now()).toBeGreaterThan(55_000);
      expect((await a.hit("short", 200)).count).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await b.hit("short", 200)).count).toBe(1);
      await a.set("revoked", "1", 60_000);
      expect(await b.get("revoked")).toBe("1");
      await b.delete("revoked");
      expect(await a.get("revoked")).toBeNull();
      await a.set("ttl", "x", 100);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await b.get("ttl")).toBeNull();
    } finally {
      await dropPrefix(prefix);
      await a.close();
      await b.close();
    }
  });
});
