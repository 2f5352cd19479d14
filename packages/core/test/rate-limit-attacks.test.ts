// Rate limits against the attacks (and the crowds) they are for. Credentials limits count failed
// attempts only; email-link limits count requests. Each test is named after what it pins.
import { describe, expect, it } from "vitest";
import { MemoryStore, type AuthConfig, type AuthHandler, type RequestContext } from "../src/index.js";
import Credentials from "../src/providers/credentials.js";
import Email from "../src/providers/email.js";
import { memoryDatabase } from "./database.js";
import { AUTH, Jar, SESSION_COOKIE, clock, csrf, get, makeAuth, postForm, recordingLogger } from "./helpers.js";

/** An office's accounts: `person<n>@office.example` with password `pw-<n>`; counts `authorize` calls. */
function officeAccounts(): { provider: ReturnType<typeof Credentials>; calls: () => number } {
  let calls = 0;
  const provider = Credentials({
    credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
    authorize: (credentials) => {
      calls += 1;
      const match = /^person(\d+)@office\.example$/.exec(credentials?.email ?? "");
      return match !== null && credentials?.password === `pw-${match[1]}`
        ? { id: match[1] as string, email: credentials.email }
        : null;
    },
  });
  return { provider, calls: () => calls };
}

const person = (n: number): string => `person${n}@office.example`;
const password = (n: number): string => `pw-${n}`;

/** One browser: a CSRF token fetched once, then credentials posts (json) as next-auth's client sends them. */
async function browser(auth: AuthHandler) {
  const jar = new Jar();
  const csrfToken = await csrf(auth, jar);
  return (email: string, secret: string, from: { headers?: Record<string, string>; context?: RequestContext } = {}) =>
    auth(
      new Request(`${AUTH}/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), ...from.headers },
        body: new URLSearchParams({ csrfToken, email, password: secret, json: "true" }),
      }),
      from.context,
    );
}

/** As the pages router passes it: the socket's address. */
const socket = (clientAddress: string): { context: RequestContext } => ({ context: { clientAddress } });

describe("credentials: only failed attempts count", () => {
  it("an office NAT signs in 1,000 times without a 429 (App Router, address from the proxy's X-Forwarded-For), and stuffing from it is still throttled", async () => {
    const office = officeAccounts();
    const auth = makeAuth({ providers: [office.provider], trustedProxyHops: 1 });
    const post = await browser(auth);
    // What a route handler sees behind one proxy: whatever the client sent, then the proxy's entry.
    const nat = { headers: { "x-forwarded-for": "203.0.113.7" } };
    for (let i = 0; i < 1000; i++) {
      const n = i % 250;
      // A typo before one sign-in in ten: 100 failures, half the per-address allowance.
      if (i % 10 === 0) expect((await post(person(n), "typo", nat)).status).toBe(401);
      const response = await post(person(n), password(n), nat);
      expect(response.status).toBe(200);
    }
    // The address is known all along: credential stuffing from it stops at 200 failures.
    for (let i = 0; i < 100; i++) expect((await post(`stuffed${i}@elsewhere.example`, "guess", nat)).status).toBe(401);
    const calls = office.calls();
    const refused = await post(person(1), password(1), nat);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(office.calls()).toBe(calls); // refused before `authorize` ran
    expect((await post(person(1), password(1), { headers: { "x-forwarded-for": "198.51.100.9" } })).status).toBe(200);
  }, 60_000);

  it("failed guessing is still throttled per account, from any number of addresses", async () => {
    const office = officeAccounts();
    const auth = makeAuth({ providers: [office.provider] });
    const post = await browser(auth);
    for (let i = 0; i < 10; i++) expect((await post(person(1), "guess", socket(`198.51.100.${i}`))).status).toBe(401);
    const calls = office.calls();
    // Even the right password, from a fresh address, waits: the account's allowance is spent.
    expect((await post(person(1), password(1), socket("192.0.2.200"))).status).toBe(429);
    expect(office.calls()).toBe(calls);
    expect((await post(person(2), password(2), socket("198.51.100.1"))).status).toBe(200);
  });

  it("failed guessing is still throttled per account and address pair, before the account's own limit", async () => {
    const office = officeAccounts();
    const auth = makeAuth({ providers: [office.provider] });
    const post = await browser(auth);
    const attacker = socket("198.51.100.66");
    for (let i = 0; i < 5; i++) expect((await post(person(1), "guess", attacker)).status).toBe(401);
    expect((await post(person(1), "guess", attacker)).status).toBe(429);
    // The account's owner elsewhere still gets in: one address cannot spend the whole allowance.
    expect((await post(person(1), password(1), socket("192.0.2.10"))).status).toBe(200);
    // And the attacker's address may still try other accounts (until the per-address limit).
    expect((await post(person(2), "guess", attacker)).status).toBe(401);
  });

  it("credential stuffing across many accounts from one address is throttled per address", async () => {
    const office = officeAccounts();
    const auth = makeAuth({ providers: [office.provider] });
    const post = await browser(auth);
    const attacker = socket("198.51.100.77");
    for (let i = 0; i < 200; i++)
      expect((await post(`victim${i}@example.com`, "Password1", attacker)).status).toBe(401);
    const calls = office.calls();
    const refused = await post("victim-next@example.com", "Password1", attacker);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("900");
    expect(office.calls()).toBe(calls);
    expect((await post("victim-next@example.com", "Password1", socket("198.51.100.78"))).status).toBe(401);
  }, 60_000);

  it("a good sign-in clears its account's counters but not its address's", async () => {
    const office = officeAccounts();
    const auth = makeAuth({
      providers: [office.provider],
      rateLimit: { perPair: { max: 3, windowSeconds: 60 }, perAddress: { max: 6, windowSeconds: 60 } },
    });
    const post = await browser(auth);
    const from = socket("198.51.100.5");
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 2; i++) expect((await post(person(1), "typo", from)).status).toBe(401);
      expect((await post(person(1), password(1), from)).status).toBe(200);
    }
    // Four failures counted on the address; its two remaining are spent on any account.
    for (let i = 0; i < 2; i++) expect((await post(person(2), "typo", from)).status).toBe(401);
    expect((await post(person(3), password(3), from)).status).toBe(429);
  });

  it("concurrent guesses at one account cannot all slip past the check, and concurrent good sign-ins all pass", async () => {
    const office = officeAccounts();
    const auth = makeAuth({ providers: [office.provider] });
    const post = await browser(auth);
    const guesses = await Promise.all(Array.from({ length: 40 }, () => post(person(1), "guess")));
    expect(guesses.filter((response) => response.status === 401)).toHaveLength(10);
    expect(guesses.filter((response) => response.status === 429)).toHaveLength(30);
    expect(office.calls()).toBe(10);
    // An e2e suite signing one test account in from many workers at once.
    const good = await Promise.all(Array.from({ length: 30 }, () => post(person(2), password(2), socket("127.0.0.1"))));
    expect(good.map((response) => response.status)).toEqual(Array.from({ length: 30 }, () => 200));
  });
});

describe("the client address", () => {
  const tight: Partial<AuthConfig> = { rateLimit: { perAddress: { max: 3, windowSeconds: 60 } } };

  it("a spoofed leftmost X-Forwarded-For does not change the address", async () => {
    // Behind one trusted proxy: the client writes the left, the proxy appends the right.
    const proxied = makeAuth({ ...tight, trustedProxyHops: 1, trustHost: true, url: undefined });
    const post = await browser(proxied);
    const spoofed = (i: number) => ({
      headers: { host: "localhost:3000", "x-forwarded-for": `192.0.2.${i}, 198.51.100.20` },
    });
    for (let i = 0; i < 3; i++) expect((await post(`u${i}@example.com`, "x", spoofed(i))).status).toBe(401);
    expect((await post("u9@example.com", "x", spoofed(9))).status).toBe(429);

    // No trusted proxy (trustHost alone): the header is not read at all, the socket counts.
    const direct = makeAuth({ ...tight, trustHost: true, url: undefined });
    const postDirect = await browser(direct);
    const forged = (i: number) => ({
      headers: { host: "localhost:3000", "x-forwarded-for": `192.0.2.${i}` },
      context: { clientAddress: "198.51.100.21" },
    });
    for (let i = 0; i < 3; i++) expect((await postDirect(`u${i}@example.com`, "x", forged(i))).status).toBe(401);
    expect((await postDirect("u9@example.com", "x", forged(9))).status).toBe(429);
  });

  it("IPv6 addresses in one /64 share a counter, and IPv4-mapped IPv6 counts as IPv4", async () => {
    const auth = makeAuth(tight);
    const post = await browser(auth);
    for (let i = 1; i <= 3; i++) {
      expect((await post(`v${i}@example.com`, "x", socket(`2001:db8:1:2:${i}::${i}`))).status).toBe(401);
    }
    expect((await post("v9@example.com", "x", socket("2001:db8:1:2:ffff:ffff:ffff:ffff"))).status).toBe(429);
    expect((await post("v9@example.com", "x", socket("2001:db8:1:3::1"))).status).toBe(401);

    for (let i = 0; i < 3; i++)
      expect((await post(`m${i}@example.com`, "x", socket("::ffff:203.0.113.9"))).status).toBe(401);
    expect((await post("m9@example.com", "x", socket("203.0.113.9"))).status).toBe(429);
  });

  it("an undeclared proxy does not put every client in one bucket, and says which option to set", async () => {
    const { logger, lines } = recordingLogger();
    const auth = makeAuth({ ...tight, logger });
    const post = await browser(auth);
    // Every request arrives from the proxy on loopback, each naming its own client.
    for (let i = 0; i < 6; i++) {
      const from = {
        headers: { "x-forwarded-for": `198.51.100.${i}` },
        context: { clientAddress: "::ffff:127.0.0.1" },
      };
      expect((await post(`p${i}@example.com`, "x", from)).status).toBe(401);
    }
    const warnings = lines.filter(([level, code]) => level === "warn" && code === "PROXY_NOT_TRUSTED");
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]?.[2])).toContain("AUTH_TRUSTED_PROXY_HOPS");
  });

  it("without any address the per-account limit still holds, and a warning names the option once", async () => {
    const { logger, lines } = recordingLogger();
    const auth = makeAuth({ logger });
    const post = await browser(auth);
    for (let i = 0; i < 10; i++) expect((await post("ada@example.com", "wrong")).status).toBe(401);
    expect((await post("ada@example.com", "correct horse")).status).toBe(429);
    const warnings = lines.filter(([, code]) => code === "CLIENT_ADDRESS_UNKNOWN");
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]?.[2])).toMatch(/trustedProxyHops.*AUTH_TRUSTED_PROXY_HOPS/);
  });
});

describe("the store's pools", () => {
  it("anonymous traffic cannot evict a revocation", async () => {
    const time = clock();
    const store = new MemoryStore({ now: time.now }); // the default store, default bounds
    const auth = makeAuth({ store, now: time.now });
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const signedIn = await postForm(
      auth,
      "/callback/credentials",
      { csrfToken, email: "ada@example.com", password: "correct horse", json: "true" },
      jar,
    );
    expect(signedIn.status).toBe(200);
    // The attacker's copy of the cookie: sent as is every time, whatever the answer says.
    const copied = `${SESSION_COOKIE}=${jar.cookies.get(SESSION_COOKIE) as string}`;
    const withCopy = async (): Promise<unknown> =>
      (await get(auth, "/session", undefined, { cookie: copied })).json() as Promise<unknown>;
    expect(await withCopy()).toMatchObject({ user: { email: "ada@example.com" } });
    await postForm(auth, "/signout", { csrfToken, json: "true" }, jar);
    expect(await withCopy()).toEqual({});

    // 100,000 failed attempts with fresh identifiers, as counters (what each would create)…
    for (let i = 0; i < 100_000; i++)
      await store.hit(`gatehouse:rl:fail:credentials:id:fresh${i}`, 900_000).catch(() => null);
    expect(await withCopy()).toEqual({});
    // …and more through the front door: refused, the pool being full, and still nothing evicted.
    const post = await browser(auth);
    for (let i = 0; i < 20; i++) expect((await post(`fresh-http-${i}@example.com`, "x")).status).toBe(429);
    expect(await withCopy()).toEqual({});
  }, 60_000);

  it("a full counter pool fails closed: new identifiers are refused, live counts are kept, room comes back", async () => {
    const time = clock();
    const { logger, lines } = recordingLogger();
    const office = officeAccounts();
    const store = new MemoryStore({ now: time.now, maxCounters: 30 });
    const auth = makeAuth({
      store,
      now: time.now,
      logger,
      providers: [office.provider],
      rateLimit: { perPair: false, perAddress: false },
    });
    const post = await browser(auth);
    // person1 is being guessed at; then a flood of fresh identifiers fills the pool.
    for (let i = 0; i < 9; i++) expect((await post(person(1), "guess")).status).toBe(401);
    for (let i = 0; i < 29; i++) expect((await post(`flood${i}@example.com`, "x")).status).toBe(401);
    const calls = office.calls();
    const full = await post("flood-more@example.com", "x");
    expect(full.status).toBe(429);
    expect(Number(full.headers.get("retry-after"))).toBeGreaterThan(0);
    // Fail closed: even a right password for an account without a counter is refused unchecked.
    expect((await post(person(2), password(2))).status).toBe(429);
    expect(office.calls()).toBe(calls);
    const logged = lines.filter(([level, code]) => level === "error" && code === "RATE_LIMIT_STORE_FULL");
    expect(logged).toHaveLength(1);
    expect(String(logged[0]?.[2])).toContain("maxCounters");
    // The live count was not forgotten: person1 has one guess left, then is limited.
    expect((await post(person(1), "guess")).status).toBe(401);
    expect((await post(person(1), password(1))).status).toBe(429);
    // When the window ends the counters expire and sign-in works again.
    time.advance(901);
    expect((await post(person(2), password(2))).status).toBe(200);
  });
});

describe("email links: every request counts", () => {
  async function emailSetup(overrides: Partial<AuthConfig> = {}) {
    const db = await memoryDatabase();
    const sent: string[] = [];
    const auth = makeAuth({
      adapter: db.adapter,
      providers: [
        Email({
          server: "smtp://127.0.0.1:1",
          from: "Gatehouse <auth@gatehouse.test>",
          sendVerificationRequest: ({ identifier }) => {
            sent.push(identifier);
          },
        }),
      ],
      ...overrides,
    });
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const request = (email: string, context?: RequestContext) =>
      auth(
        new Request(`${AUTH}/signin/email`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
          body: new URLSearchParams({ csrfToken, email, json: "true" }),
        }),
        context,
      );
    return { auth, sent, request };
  }

  it("mail bombing one inbox is limited per email address, whatever the client address", async () => {
    const { sent, request } = await emailSetup();
    for (let i = 0; i < 5; i++)
      expect((await request("victim@example.com", { clientAddress: `198.51.100.${i}` })).status).toBe(200);
    const refused = await request("victim@example.com", { clientAddress: "192.0.2.1" });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: "RateLimited" });
    expect(sent).toHaveLength(5);
    expect((await request("someone-else@example.com", { clientAddress: "192.0.2.1" })).status).toBe(200);
  });

  it("500 link requests from one address for different people pass; the per-address limit is above that", async () => {
    const { sent, request } = await emailSetup();
    const office = { clientAddress: "203.0.113.7" };
    for (let i = 0; i < 500; i++) expect((await request(`colleague${i}@office.example`, office)).status).toBe(200);
    expect(sent).toHaveLength(500);
    const over = await request("colleague500@office.example", office);
    expect(over.status).toBe(429);
    expect(sent).toHaveLength(500);
  }, 60_000);
});
