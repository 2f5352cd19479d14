import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthConfig } from "../src/index.js";
import Email from "../src/providers/email.js";
import { memoryDatabase } from "./database.js";
import { AUTH, Jar, csrf, makeAuth, postForm, clock } from "./helpers.js";
import { startSmtp, type TestSmtp } from "./smtp.js";

async function attempt(
  auth: ReturnType<typeof makeAuth>,
  email: string,
  password: string,
  headers: Record<string, string> = {},
  context?: { clientAddress: string },
) {
  const jar = new Jar();
  const csrfToken = await csrf(auth, jar);
  if (context === undefined) {
    return postForm(auth, "/callback/credentials", { csrfToken, email, password, json: "true" }, jar, headers);
  }
  return auth(
    new Request("http://localhost:3000/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), ...headers },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    }),
    context,
  );
}

function limited(overrides: Partial<AuthConfig> & { now: () => number }) {
  return makeAuth({
    rateLimit: { perIdentifier: { max: 3, windowSeconds: 60 }, perAddress: { max: 5, windowSeconds: 60 } },
    ...overrides,
  });
}

describe("sign-in rate limits", () => {
  it("limits attempts per identifier with 429 and Retry-After, and resets after the window", async () => {
    const time = clock();
    const auth = limited({ now: time.now });
    for (let i = 0; i < 3; i++) expect((await attempt(auth, "ada@example.com", "wrong")).status).toBe(401);
    const blocked = await attempt(auth, "ada@example.com", "correct horse");
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe("60");
    expect(await blocked.json()).toMatchObject({ error: "RateLimited" });
    expect(blocked.headers.getSetCookie()).toEqual([]);

    // Case and width variants name the same account.
    expect((await attempt(auth, "ADA@EXAMPLE.COM", "x")).status).toBe(429);
    // Other accounts are unaffected.
    expect((await attempt(auth, "bob@example.com", "hunter2hunter2")).status).toBe(200);

    time.advance(30);
    expect((await attempt(auth, "ada@example.com", "correct horse")).headers.get("retry-after")).toBe("30");
    time.advance(31);
    expect((await attempt(auth, "ada@example.com", "correct horse")).status).toBe(200);
  });

  it("clears an identifier's count after a successful sign-in", async () => {
    const auth = limited({ now: clock().now });
    expect((await attempt(auth, "ada@example.com", "wrong")).status).toBe(401);
    expect((await attempt(auth, "ada@example.com", "wrong")).status).toBe(401);
    expect((await attempt(auth, "ada@example.com", "correct horse")).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await attempt(auth, "ada@example.com", "wrong")).status).toBe(401);
  });

  it("limits per client address from the integration's socket address", async () => {
    const auth = limited({ now: clock().now });
    const from = { clientAddress: "203.0.113.7" };
    for (let i = 0; i < 5; i++) expect((await attempt(auth, `user${i}@example.com`, "x", {}, from)).status).toBe(401);
    expect((await attempt(auth, "other@example.com", "x", {}, from)).status).toBe(429);
    expect((await attempt(auth, "other@example.com", "x", {}, { clientAddress: "203.0.113.8" })).status).toBe(401);
  });

  it("reads X-Forwarded-For only with trustedProxyHops, at the rightmost hop a client did not write", async () => {
    // trustHost alone no longer makes X-Forwarded-For the address (it used to take the leftmost
    // entry, which the client writes): the socket address counts.
    const hostOnly = limited({ now: clock().now, trustHost: true, url: undefined });
    for (let i = 0; i < 5; i++) {
      const response = await attempt(
        hostOnly,
        `u${i}@example.com`,
        "x",
        { "x-forwarded-for": `198.51.100.${i}`, host: "localhost:3000" },
        { clientAddress: "203.0.113.50" },
      );
      expect(response.status).toBe(401);
    }
    const sameSocket = await attempt(
      hostOnly,
      "z@example.com",
      "x",
      { "x-forwarded-for": "198.51.100.99", host: "localhost:3000" },
      { clientAddress: "203.0.113.50" },
    );
    expect(sameSocket.status).toBe(429);

    // One trusted proxy: the rightmost entry (the one the proxy appended) is the client.
    const proxied = limited({ now: clock().now, trustedProxyHops: 1 });
    for (let i = 0; i < 5; i++) {
      const response = await attempt(proxied, `u${i}@example.com`, "x", {
        "x-forwarded-for": `10.9.9.${i}, 198.51.100.1`,
      });
      expect(response.status).toBe(401);
    }
    expect((await attempt(proxied, "z@example.com", "x", { "x-forwarded-for": "198.51.100.1" })).status).toBe(429);
    expect((await attempt(proxied, "z@example.com", "x", { "x-forwarded-for": "198.51.100.2" })).status).toBe(401);
  });

  it("re-renders the built-in page with 429 for a form post", async () => {
    const auth = limited({ now: clock().now });
    for (let i = 0; i < 3; i++) await attempt(auth, "ada@example.com", "wrong");
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(
      auth,
      "/callback/credentials",
      { csrfToken, email: "ada@example.com", password: "x" },
      jar,
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("60");
    expect(await response.text()).toContain("Too many attempts");
  });

  it("is on by default (10 per identifier) and can be turned off", async () => {
    const auth = makeAuth();
    for (let i = 0; i < 10; i++) expect((await attempt(auth, "ada@example.com", "wrong")).status).toBe(401);
    expect((await attempt(auth, "ada@example.com", "wrong")).status).toBe(429);
    const off = makeAuth({ rateLimit: false });
    for (let i = 0; i < 12; i++) expect((await attempt(off, "ada@example.com", "wrong")).status).toBe(401);
  });
});

// Without a limit on link requests, anyone can make the app mail one address without end (mail
// bombing, and a sender reputation burnt). The limit is `rateLimit.emailPerIdentifier`, per
// address; the test reads the option's values, so retuning the defaults does not break it.
describe("email link requests: the per-address limit (rateLimit.emailPerIdentifier)", () => {
  const LIMIT = { max: 2, windowSeconds: 120 };
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.close();
  });

  async function setup() {
    const db = await memoryDatabase();
    const time = clock();
    const auth = makeAuth({
      adapter: db.adapter,
      now: time.now,
      providers: [Email({ server: smtp.url, from: "Gatehouse Test <auth@gatehouse.test>" })],
      // Only the per-address limit of this test: no per-client-address limit to hit first.
      rateLimit: { emailPerIdentifier: LIMIT, emailPerAddress: false },
    });
    const request = async (email: string, extra: Record<string, string> = {}) => {
      const jar = new Jar();
      const csrfToken = await csrf(auth, jar);
      return postForm(auth, "/signin/email", { csrfToken, email, ...extra }, jar);
    };
    const stored = async (email: string) =>
      (await db.rows("SELECT identifier FROM auth_verification_tokens WHERE identifier = ?", [email])).length;
    return { time, request, stored };
  }

  it("mails up to max links per address and window; the next request gets 429 and Retry-After, nothing mailed or stored", async () => {
    const { time, request, stored } = await setup();
    const address = "limit-carol@example.com";
    for (let i = 0; i < LIMIT.max; i++) {
      const response = await request(address);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`${AUTH}/verify-request?provider=email&type=email`);
    }
    expect(smtp.inbox(address)).toHaveLength(LIMIT.max);
    expect(await stored(address)).toBe(LIMIT.max);

    const blocked = await request(address);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe(String(LIMIT.windowSeconds));
    expect(await blocked.text()).toContain("Too many attempts");
    // The address's other spellings are the same mailbox, and next-auth's client (json=true) gets JSON.
    const json = await request("Limit-Carol@EXAMPLE.com", { json: "true" });
    expect(json.status).toBe(429);
    expect(await json.json()).toMatchObject({ error: "RateLimited" });
    expect(smtp.inbox(address)).toHaveLength(LIMIT.max);
    expect(await stored(address)).toBe(LIMIT.max);

    // Other addresses are not affected.
    expect((await request("limit-dave@example.com")).status).toBe(302);
    expect(smtp.inbox("limit-dave@example.com")).toHaveLength(1);

    // The window ends: links go out again.
    time.advance(LIMIT.windowSeconds + 1);
    expect((await request(address)).status).toBe(302);
    expect(smtp.inbox(address)).toHaveLength(LIMIT.max + 1);
  });
});
