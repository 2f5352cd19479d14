// The shared store (RedisStore: rate-limit counters, revoked token ids, session epochs) dies: a
// real Redis behind a TCP proxy the test cuts, before a request or with a store command in flight.
// Gatehouse fails closed — a clean 503, no session, nothing sent, the app's own code never asked —
// and works again once the store is back. A sign-out whose revocation cannot be stored clears the
// browser's cookie but is never reported as a success: a copy of the token would still work.
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RedisStore } from "@gatehouse/adapter-redis";
import { serviceAvailable } from "@gatehouse/adapter-test";
import type { AuthConfig } from "../src/index.js";
import Credentials from "../src/providers/credentials.js";
import Email, { type SendVerificationRequestParams } from "../src/providers/email.js";
import { memoryDatabase } from "./database.js";
import {
  Jar,
  SESSION_COOKIE,
  csrf,
  get,
  makeAuth,
  postForm,
  recordingLogger,
  session,
  setCookies,
  signIn,
  USERS,
} from "./helpers.js";
import { quietIoredis } from "./quiet-ioredis.js";
import { CuttableProxy } from "./tcp-proxy.js";

const REDIS_URL = process.env.GATEHOUSE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const available = await serviceAvailable("Redis", async () => {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0 });
  await redis.connect();
  await redis.ping();
  redis.disconnect();
});

describe.skipIf(!available)(
  "the rate-limit and revocation store dies (RedisStore behind a cut proxy)",
  { timeout: 20_000 },
  () => {
    const prefix = `gatehouse-store-failure-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}:`;
    let proxy: CuttableProxy;
    let store: RedisStore;
    quietIoredis();

    beforeAll(async () => {
      const url = new URL(REDIS_URL);
      proxy = await CuttableProxy.start({ host: url.hostname, port: Number(url.port || 6379) });
      // The default command timeout is 5 s; a shorter one keeps the in-flight cases quick.
      store = new RedisStore(proxy.url(REDIS_URL), { prefix, commandTimeout: 500 });
      await store.get("warm-up");
    });

    afterEach(() => {
      proxy.restore();
    });

    afterAll(async () => {
      proxy.restore();
      await store.close();
      await proxy.close();
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    });

    function app(overrides: Partial<AuthConfig> = {}) {
      const { logger, lines } = recordingLogger();
      return { auth: makeAuth({ store, logger, ...overrides }), lines };
    }

    /** A 503 that names nothing of the failure, and no session cookie. */
    async function expectFailedClosed(response: Response) {
      expect(response.status).toBe(503);
      expect(setCookies(response).some((cookie) => cookie.name.includes("session-token") && cookie.value !== "")).toBe(
        false,
      );
      const body = await response.text();
      expect(body).not.toMatch(/ECONN|Redis|retries|127\.0\.0\.1|gatehouse:|\bat .*\.(ts|js):\d+/);
      return body;
    }

    it("credentials sign-in, Redis dies as the attempt is counted: 503, no session, and authorize is never called", async () => {
      let asked = 0;
      const password = Credentials({
        credentials: { email: {}, password: {} },
        authorize: (credentials) => {
          asked += 1;
          const user = credentials === undefined ? undefined : USERS[credentials.email];
          return user !== undefined && user.password === credentials?.password
            ? { id: user.id, email: user.email }
            : null;
        },
      });
      const { auth, lines } = app({ providers: [password] });
      const jar = new Jar();
      const csrfToken = await csrf(auth, jar);
      proxy.cutWhen("gatehouse:rl:");
      const response = await postForm(
        auth,
        "/callback/credentials",
        { csrfToken, email: "ada@example.com", password: "correct horse", json: "true" },
        jar,
      );
      expect(JSON.parse(await expectFailedClosed(response))).toEqual({ error: "Default" });
      expect(proxy.hits).toBe(1);
      expect(asked).toBe(0);
      expect(await session(auth, jar)).toEqual({});
      expect(lines.some(([level, code]) => level === "error" && code === "StoreError")).toBe(true);

      // Still down: the built-in page's form post gets the error page, not a stack trace.
      const page = await postForm(
        auth,
        "/callback/credentials",
        { csrfToken, email: "ada@example.com", password: "correct horse" },
        jar,
      );
      expect(await expectFailedClosed(page)).toContain("<html");

      proxy.restore();
      const { jar: later } = await signIn(auth);
      expect(await session(auth, later)).toMatchObject({ user: { id: "1" } });
      expect(asked).toBe(1);
    });

    it("an email link request while the store is down: 503, nothing stored, nothing sent", async () => {
      const sent: SendVerificationRequestParams[] = [];
      const db = await memoryDatabase();
      const { auth } = app({
        adapter: db.adapter,
        providers: [Email({ sendVerificationRequest: (params) => void sent.push(params) })],
      });
      const jar = new Jar();
      const csrfToken = await csrf(auth, jar);
      proxy.cut();
      // Let the client see the connection go first: Redis gone while the app was idle.
      await new Promise((resolve) => setTimeout(resolve, 30));
      const response = await postForm(auth, "/signin/email", { csrfToken, email: "store-down@example.com" }, jar);
      await expectFailedClosed(response);
      expect(sent).toEqual([]);
      expect(await db.count("verification_tokens")).toBe(0);

      proxy.restore();
      const again = await postForm(auth, "/signin/email", { csrfToken, email: "store-down@example.com" }, jar);
      expect(again.status).toBe(302);
      expect(sent).toHaveLength(1);
    });

    it("a JWT session read, Redis dies as the revocation list is read: 503, and no session for server code", async () => {
      const { auth, lines } = app();
      const { jar } = await signIn(auth);
      expect(await session(auth, jar)).toMatchObject({ user: { id: "1" } });
      proxy.cutWhen("gatehouse:revoked:");
      const response = await get(auth, "/session", jar);
      expect(JSON.parse(await expectFailedClosed(response))).toEqual({ error: "Default" });
      expect(proxy.hits).toBe(1);
      const lookup = await auth.getSession(
        new Request("http://localhost:3000/page", { headers: { cookie: jar.header() } }),
      );
      expect(lookup.session).toBeNull();
      expect(lines.some(([level, code]) => level === "error" && code === "StoreError")).toBe(true);

      proxy.restore();
      expect(await session(auth, jar)).toMatchObject({ user: { id: "1" } });
    });

    /** The response clears the browser's session cookie. */
    function clearsSession(response: Response): boolean {
      return setCookies(response).some(
        (cookie) => cookie.name === SESSION_COOKIE && (cookie.value === "" || cookie.attributes["max-age"] === "0"),
      );
    }

    function copyOf(jar: Jar): Jar {
      const copy = new Jar();
      for (const [name, value] of jar.cookies) copy.cookies.set(name, value);
      return copy;
    }

    /** RESP for `SET <prefix>gatehouse:<kind>:…`: the write, not the read of the same key. */
    const writeOf = (kind: string) => new RegExp(`\\$3\r\nSET\r\n\\$\\d+\r\n[^\r]*gatehouse:${kind}:`, "i");

    it("sign-out, Redis dies as the revocation is written: 503 with the cookie cleared, never a success", async () => {
      const { auth, lines } = app();
      const { jar } = await signIn(auth);
      const stolen = copyOf(jar);
      const csrfToken = await csrf(auth, jar);
      proxy.cutWhen(writeOf("revoked"));
      const response = await postForm(auth, "/signout", { csrfToken, json: "true" }, jar);
      expect(proxy.hits).toBe(1);
      expect(clearsSession(response)).toBe(true);
      expect(JSON.parse(await expectFailedClosed(response))).toEqual({ error: "Default" });
      expect(lines.some(([level, code]) => level === "error" && code === "StoreError")).toBe(true);

      // The 503 was the truth: nothing was recorded, so the copy still works until a sign-out is.
      proxy.restore();
      expect(await session(auth, copyOf(stolen))).toMatchObject({ user: { id: "1" } });
      const again = await postForm(auth, "/signout", { csrfToken: await csrf(auth, stolen), json: "true" }, stolen);
      expect(again.status).toBe(200);
      expect(await session(auth, copyOf(stolen))).toEqual({});
    });

    it("sign-out, Redis down as the token is read: 503 with the cookie cleared, not a silent success", async () => {
      const { auth } = app();
      const { jar } = await signIn(auth);
      const csrfToken = await csrf(auth, jar);
      proxy.cutWhen("gatehouse:revoked:");
      const response = await postForm(auth, "/signout", { csrfToken }, jar);
      expect(proxy.hits).toBe(1);
      expect(clearsSession(response)).toBe(true);
      expect(await expectFailedClosed(response)).toContain("<html");
    });

    it("sign out everywhere, Redis dies as the session epoch is written: 503 with the cookie cleared", async () => {
      const { auth } = app();
      const { jar } = await signIn(auth);
      const phone = (await signIn(auth)).jar;
      const csrfToken = await csrf(auth, jar);
      proxy.cutWhen(writeOf("epoch"));
      const response = await postForm(auth, "/sessions", { csrfToken, action: "revoke-all" }, jar);
      expect(proxy.hits).toBe(1);
      expect(clearsSession(response)).toBe(true);
      expect(JSON.parse(await expectFailedClosed(response))).toEqual({ error: "Default" });

      proxy.restore();
      expect(await session(auth, phone)).toMatchObject({ user: { id: "1" } });
    });
  },
);
