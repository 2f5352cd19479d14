// RedisStore against a real Redis: `peek` reads a counter atomically without counting, and two
// auth instances sharing one Redis agree on every limit — failures count wherever they happen,
// successes nowhere — and on revocations.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth, type AuthHandler, type RequestContext } from "@gatehouse/core";
import Credentials from "@gatehouse/core/providers/credentials";
import { serviceAvailable } from "@gatehouse/adapter-test";
import { RedisStore } from "../src/index.js";

const URL = process.env.GATEHOUSE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const available = await serviceAvailable("Redis", async () => {
  const redis = new Redis(URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0 });
  await redis.connect();
  await redis.ping();
  redis.disconnect();
});

const BASE = "http://localhost:3000";
const SECRET = "redis-store-test-secret-0123456789abcdef";

async function dropPrefix(prefix: string): Promise<void> {
  const redis = new Redis(URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}

/** Accounts `person<n>@office.example` with password `pw-<n>`. */
const office = () =>
  Credentials({
    credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
    authorize: (credentials) => {
      const match = /^person(\d+)@office\.example$/.exec(credentials?.email ?? "");
      return match !== null && credentials?.password === `pw-${match[1]}`
        ? { id: match[1] as string, email: credentials.email }
        : null;
    },
  });

/** A browser talking to one instance: CSRF once, then credentials posts from `clientAddress`. */
async function browser(auth: AuthHandler) {
  const first = await auth(new Request(`${BASE}/api/auth/csrf`));
  const cookie = first.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  return (email: string, password: string, context: RequestContext = {}) =>
    auth(
      new Request(`${BASE}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
      }),
      context,
    );
}

describe.skipIf(!available)("RedisStore", () => {
  const prefix = `gatehouse-ratelimit-test-${Date.now().toString(36)}:`;
  const stores: RedisStore[] = [];
  const store = (): RedisStore => {
    const created = new RedisStore(URL, { prefix });
    stores.push(created);
    return created;
  };
  beforeAll(async () => {
    await dropPrefix(prefix);
  });
  afterAll(async () => {
    await dropPrefix(prefix);
    await Promise.all(stores.map((created) => created.close()));
  });

  it("peek reads a counter without counting, atomically, shared by every instance", async () => {
    const a = store();
    const b = store();
    expect(await a.peek("peek:k")).toBeNull();
    expect((await a.hit("peek:k", 60_000)).count).toBe(1);
    expect((await b.hit("peek:k", 60_000)).count).toBe(2);
    const seen = await b.peek("peek:k");
    expect(seen?.count).toBe(2);
    expect((seen?.resetAt ?? 0) - Date.now()).toBeGreaterThan(55_000);
    expect((await a.peek("peek:k"))?.count).toBe(2);
    expect((await a.hit("peek:k", 60_000)).count).toBe(3);
    await a.delete("peek:k");
    expect(await b.peek("peek:k")).toBeNull();
    expect((await a.hit("peek:short", 150)).count).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await b.peek("peek:short")).toBeNull();
  });

  it("a counter left without an expiry gets one on its next hit", async () => {
    const redis = new Redis(URL);
    try {
      await redis.set(`${prefix}orphan`, "7");
      const a = store();
      expect((await a.hit("orphan", 60_000)).count).toBe(8);
      expect(await redis.pttl(`${prefix}orphan`)).toBeGreaterThan(55_000);
    } finally {
      await redis.quit();
    }
  });

  describe("two createAuth instances sharing one Redis", () => {
    const pair = (rateLimit?: Parameters<typeof createAuth>[0]["rateLimit"]) =>
      [store(), store()].map((shared) =>
        createAuth({
          secret: SECRET,
          url: BASE,
          providers: [office()],
          store: shared,
          ...(rateLimit ? { rateLimit } : {}),
        }),
      ) as [AuthHandler, AuthHandler];

    it("an office NAT signs in 300 times across both without a 429; its failures count on both", async () => {
      const [a, b] = pair({ perAddress: { max: 40, windowSeconds: 900 } });
      const posts = [await browser(a), await browser(b)];
      const nat = { clientAddress: "203.0.113.70" };
      for (let i = 0; i < 300; i++) {
        const post = posts[i % 2] as Awaited<ReturnType<typeof browser>>;
        const n = i % 60;
        if (i % 10 === 0) expect((await post(`person${n}@office.example`, "typo", nat)).status).toBe(401);
        expect((await post(`person${n}@office.example`, `pw-${n}`, nat)).status).toBe(200);
      }
      // 30 typos so far, counted on the shared address counter: ten more failures, then 429 on both.
      for (let i = 0; i < 10; i++) {
        const post = posts[i % 2] as Awaited<ReturnType<typeof browser>>;
        expect((await post(`stuffed${i}@elsewhere.example`, "guess", nat)).status).toBe(401);
      }
      expect(
        (await (posts[0] as Awaited<ReturnType<typeof browser>>)("person1@office.example", "pw-1", nat)).status,
      ).toBe(429);
      expect(
        (await (posts[1] as Awaited<ReturnType<typeof browser>>)("person1@office.example", "pw-1", nat)).status,
      ).toBe(429);
    }, 60_000);

    it("failed guessing is throttled per account and per pair across instances", async () => {
      const [a, b] = pair();
      const onA = await browser(a);
      const onB = await browser(b);
      const attacker = { clientAddress: "198.51.100.80" };
      for (let i = 0; i < 5; i++) expect((await onA("person7@office.example", "guess", attacker)).status).toBe(401);
      expect((await onB("person7@office.example", "guess", attacker)).status).toBe(429);
      for (let i = 0; i < 5; i++) {
        expect((await onB("person7@office.example", "guess", { clientAddress: `192.0.2.${i}` })).status).toBe(401);
      }
      expect((await onA("person7@office.example", "pw-7", { clientAddress: "192.0.2.99" })).status).toBe(429);
    });
  });
});
