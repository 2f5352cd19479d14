// Two app instances (two createAuth handlers, as two servers behind a load balancer would run)
// sharing one Redis through RedisStore: password guesses made on one count on the other, a JWT
// signed out on one is refused by the other, and signing out everywhere on one (the user's
// session epoch) ends the user's sessions on both. With each instance's own memory store, an
// attacker would get a fresh budget per instance and a copied token would outlive its sign-out.
// A third process with no auth instance at all — a separate API server or middleware calling
// getToken — sees the same sign-outs when it is given the store.
import { execFile } from "node:child_process";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createAuth, type AuthConfig, type AuthHandler } from "@gatehouse/core";
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

const ORIGIN = "http://localhost:3000";
const SECRET = "shared-store-test-secret-0123456789abcdef";
const COOKIE = "next-auth.session-token";

/** A cookie jar for one browser. */
class Jar {
  readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const value = pair.slice(eq + 1);
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

async function call(auth: AuthHandler, path: string, jar: Jar, form?: Record<string, string>, from?: string) {
  const response = await auth(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: form === undefined ? "GET" : "POST",
      headers: {
        cookie: jar.header(),
        ...(form === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" }),
      },
      ...(form === undefined ? {} : { body: new URLSearchParams(form) }),
    }),
    from === undefined ? undefined : { clientAddress: from },
  );
  jar.take(response);
  return response;
}

/** One sign-in attempt from a fresh browser; `from` is the client address the server saw. */
async function attempt(auth: AuthHandler, email: string, password: string, from?: string, jar = new Jar()) {
  const { csrfToken } = (await (await call(auth, "/csrf", jar)).json()) as { csrfToken: string };
  const response = await call(auth, "/callback/credentials", jar, { csrfToken, email, password, json: "true" }, from);
  return { response, jar };
}

describe.skipIf(!available)("rate limits and revocation shared by two instances through RedisStore", () => {
  const prefix = `gatehouse-shared-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}:`;
  const stores: RedisStore[] = [];

  /** Instance A and instance B: same options, each with its own connection to the same Redis. */
  function instances(rateLimit: AuthConfig["rateLimit"]): [AuthHandler, AuthHandler] {
    const make = () => {
      const store = new RedisStore(URL, { prefix });
      stores.push(store);
      return createAuth({
        secret: SECRET,
        url: ORIGIN,
        store,
        rateLimit,
        logger: { error: () => undefined, warn: () => undefined },
        providers: [
          Credentials({
            credentials: { email: {}, password: {} },
            authorize: (credentials) =>
              credentials?.password === "correct horse" ? { id: credentials.email, email: credentials.email } : null,
          }),
        ],
      });
    };
    return [make(), make()];
  }

  afterAll(async () => {
    for (const store of stores) await store.close();
    const redis = new Redis(URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it("password guesses on instance A count on instance B (rateLimit.perIdentifier)", async () => {
    const limit = { max: 3, windowSeconds: 60 };
    const [a, b] = instances({ perIdentifier: limit, perAddress: false });
    const email = `guess-${prefix}@example.com`;
    for (const auth of [a, b, a]) expect((await attempt(auth, email, "wrong")).response.status).toBe(401);
    for (const auth of [b, a]) {
      const { response, jar } = await attempt(auth, email, "correct horse");
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(jar.cookies.has(COOKIE)).toBe(false);
    }
    // The count is per identifier: another account still signs in on either instance.
    expect((await attempt(b, `other-${prefix}@example.com`, "correct horse")).response.status).toBe(200);
  });

  it("attempts from one client address on A count on B (rateLimit.perAddress)", async () => {
    const limit = { max: 3, windowSeconds: 60 };
    const [a, b] = instances({ perIdentifier: false, perAddress: limit });
    const from = "203.0.113.77";
    let n = 0;
    const next = () => `spray-${String(n++)}-${prefix}@example.com`;
    for (const auth of [a, b, a]) expect((await attempt(auth, next(), "wrong", from)).response.status).toBe(401);
    expect((await attempt(b, next(), "correct horse", from)).response.status).toBe(429);
    expect((await attempt(a, next(), "correct horse", "203.0.113.78")).response.status).toBe(200);
  });

  it("a JWT signed out on instance A is refused on instance B", async () => {
    const [a, b] = instances(false);
    const { response, jar } = await attempt(a, `ada-${prefix}@example.com`, "correct horse");
    expect(response.status).toBe(200);
    const copy = new Jar();
    copy.cookies.set(COOKIE, jar.cookies.get(COOKIE) ?? "");
    const before = (await (await call(b, "/session", copy)).json()) as { user?: { email?: string } };
    expect(before.user?.email).toBe(`ada-${prefix}@example.com`);

    const { csrfToken } = (await (await call(a, "/csrf", jar)).json()) as { csrfToken: string };
    expect((await call(a, "/signout", jar, { csrfToken, json: "true" })).status).toBe(200);

    expect(await (await call(b, "/session", copy)).json()).toEqual({});
    const lookup = await b.getSession(new Request(`${ORIGIN}/page`, { headers: { cookie: copy.header() } }));
    expect(lookup.session).toBeNull();
    expect(await (await call(a, "/session", copy)).json()).toEqual({});
  });

  /** Signs in and returns the browser's jar. */
  async function browser(auth: AuthHandler, email: string): Promise<Jar> {
    const { response, jar } = await attempt(auth, email, "correct horse");
    expect(response.status).toBe(200);
    return jar;
  }

  async function sessionOf(auth: AuthHandler, jar: Jar): Promise<{ user?: { email?: string } }> {
    const copy = new Jar();
    for (const [name, value] of jar.cookies) copy.cookies.set(name, value);
    return (await (await call(auth, "/session", copy)).json()) as { user?: { email?: string } };
  }

  it("signing out everywhere on instance A ends the user's sessions on instance B, and only that user's", async () => {
    const [a, b] = instances(false);
    const ada = `everywhere-${prefix}@example.com`;
    const bob = `bystander-${prefix}@example.com`;
    const laptop = await browser(a, ada);
    const phone = await browser(b, ada);
    const other = await browser(b, bob);
    expect((await sessionOf(a, phone)).user?.email).toBe(ada);

    const { csrfToken } = (await (await call(a, "/csrf", laptop)).json()) as { csrfToken: string };
    const response = await call(a, "/sessions", laptop, { csrfToken, action: "revoke-all" });
    expect(response.status).toBe(200);

    for (const auth of [a, b]) {
      expect(await sessionOf(auth, phone)).toEqual({});
      expect((await sessionOf(auth, other)).user?.email).toBe(bob);
    }
    const lookup = await b.getSession(new Request(`${ORIGIN}/page`, { headers: { cookie: phone.header() } }));
    expect(lookup.session).toBeNull();
    // A sign-in after it, on either instance, is a session that works on both.
    const again = await browser(b, ada);
    for (const auth of [a, b]) expect((await sessionOf(auth, again)).user?.email).toBe(ada);
  });

  it("another process with no auth instance: getToken({ store }) refuses what instance A signed out; without the store it cannot know", async () => {
    const [a] = instances(false);
    const ada = `elsewhere-${prefix}@example.com`;
    const jar = await browser(a, ada);
    const stolen = jar.cookies.get(COOKIE) ?? "";
    expect(stolen).not.toBe("");

    /** getToken in a fresh Node process, with and without the shared store. */
    const elsewhere = () =>
      new Promise<{ withStore: unknown; withoutStore: unknown }>((resolve, reject) => {
        const script = `
          import { getToken } from "gatehouse/jwt";
          import { RedisStore } from "@gatehouse/adapter-redis";
          const [url, prefix, secret, cookie] = process.argv.slice(1);
          const req = new Request("${ORIGIN}/api/data", { headers: { cookie: "${COOKIE}=" + cookie } });
          const store = new RedisStore(url, { prefix });
          const withStore = await getToken({ req, secret, store });
          const withoutStore = await getToken({ req, secret });
          await store.close();
          process.stdout.write(JSON.stringify({ withStore, withoutStore }));
        `;
        execFile(
          process.execPath,
          ["--input-type=module", "-e", script, URL, prefix, SECRET, stolen],
          { env: { PATH: process.env.PATH ?? "", NODE_ENV: "production" } },
          (error, stdout, stderr) => {
            if (error !== null) reject(new Error(`getToken in another process failed: ${stderr}`, { cause: error }));
            else resolve(JSON.parse(stdout) as { withStore: unknown; withoutStore: unknown });
          },
        );
      });

    const before = await elsewhere();
    expect(before.withStore).toMatchObject({ email: ada });
    expect(before.withoutStore).toMatchObject({ email: ada });

    const { csrfToken } = (await (await call(a, "/csrf", jar)).json()) as { csrfToken: string };
    expect((await call(a, "/signout", jar, { csrfToken, json: "true" })).status).toBe(200);

    const after = await elsewhere();
    expect(after.withStore).toBeNull();
    // No instance in that process and no store: nothing tells it (README: pass `store`).
    expect(after.withoutStore).toMatchObject({ email: ada });
  });
});
