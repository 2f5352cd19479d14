// The Redis adapter on real Redis dies mid sign-in: see database-failure-scenarios.ts. A new
// user and its account are one Lua script here, so "the account write" drops both.
import { Redis } from "ioredis";
import { RedisAdapter } from "@gatehouse/adapter-redis";
import { serviceAvailable } from "@gatehouse/adapter-test";
import { describeDatabaseDeath } from "./database-failure-scenarios.js";
import { quietIoredis } from "./quiet-ioredis.js";

const REDIS_URL = process.env.GATEHOUSE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const available = await serviceAvailable("Redis", async () => {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0 });
  await redis.connect();
  await redis.ping();
  redis.disconnect();
});
const url = new URL(REDIS_URL);
const prefix = `gatehouse-fail-${Date.now().toString(36)}:`;

quietIoredis();
describeDatabaseDeath({
  name: "Redis",
  available,
  target: { host: url.hostname, port: Number(url.port || 6379) },
  async open(proxy) {
    // The default command timeout is 5 s; a shorter one keeps the in-flight cases quick.
    const adapter = RedisAdapter(proxy.url(REDIS_URL), { prefix, commandTimeout: 500 });
    await adapter.getUser("warm-up");
    const direct = new Redis(REDIS_URL);
    return {
      adapter,
      probe: {
        userIdByEmail: (email) => direct.get(`${prefix}email:${email}`),
        accounts: async (provider, id) => direct.exists(`${prefix}account:${provider}:${id}`),
        sessions: async (userId) => {
          const hashes = await direct.zrange(`${prefix}user:${userId}:sessions`, 0, -1);
          return hashes.length === 0 ? 0 : direct.exists(...hashes.map((hash) => `${prefix}session:${hash}`));
        },
      },
      async close() {
        await adapter.close();
        const keys = await direct.keys(`${prefix}*`);
        if (keys.length > 0) await direct.del(...keys);
        await direct.quit();
      },
    };
  },
  messages: {
    // The script that stores a user and/or an account (the only one that adds to an account set).
    account: "redis.call('SADD'",
    // A session is a SET with TTL and a ZADD to its user's index, in one MULTI.
    session: /\r\nzadd\r\n/i,
    committed: "redis.call('SADD'",
  },
  leaks: new RegExp(`${prefix}|redis|ioredis|gatehouse:`, "i"),
});
