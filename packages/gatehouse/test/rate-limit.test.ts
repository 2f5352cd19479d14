// Rate limits through the Next.js package: the pages router over a real Node server (the socket's
// address), and App Router handlers (no socket: X-Forwarded-For with AUTH_TRUSTED_PROXY_HOPS).
import type { IncomingMessage } from "node:http";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import NextAuth from "../src/index.js";
import Credentials from "../src/providers/credentials.js";
import type { AuthOptions } from "../src/types.js";
import { Jar, SECRET, serve } from "./helpers.js";

beforeEach(() => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("VERCEL", "");
  vi.stubEnv("AUTH_TRUSTED_PROXY_HOPS", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** An office's accounts: `person<n>@office.example`, password `pw-<n>`. */
function office(): ReturnType<typeof Credentials> {
  return Credentials({
    credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
    authorize: (credentials) => {
      const match = /^person(\d+)@office\.example$/.exec(credentials?.email ?? "");
      return match !== null && credentials?.password === `pw-${match[1]}`
        ? { id: match[1] as string, email: credentials.email }
        : null;
    },
  });
}

/** One browser against `base`: a CSRF token once, then credentials posts. */
async function browser(base: string, send: (url: string, init: RequestInit) => Promise<Response>) {
  const jar = new Jar();
  const first = await send(`${base}/api/auth/csrf`, {});
  jar.take(first);
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  return (email: string, password: string, headers: Record<string, string> = {}) =>
    send(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), ...headers },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    });
}

describe("the pages router (socket address)", () => {
  it("an office NAT signs in 1,000 times without a 429 over a real server, and stuffing from it is still throttled", async () => {
    const handler = NextAuth({ providers: [office()], trustHost: true });
    // As Next 16's own server does before any handler: X-Forwarded-For ??= the socket's address.
    const server = await serve((req: IncomingMessage, res) => {
      req.headers["x-forwarded-for"] ??= req.socket.remoteAddress;
      return handler(req, res);
    });
    try {
      const post = await browser(server.url, (url, init) => fetch(url, { ...init, redirect: "manual" }));
      for (let i = 0; i < 1000; i++) {
        const n = i % 250;
        if (i % 10 === 0) expect((await post(`person${n}@office.example`, "typo")).status).toBe(401);
        expect((await post(`person${n}@office.example`, `pw-${n}`)).status).toBe(200);
      }
      for (let i = 0; i < 100; i++) expect((await post(`stuffed${i}@elsewhere.example`, "guess")).status).toBe(401);
      const refused = await post("person1@office.example", "pw-1");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe("App Router handlers (no socket)", () => {
  const appRouter = (options: AuthOptions) => {
    const handler = NextAuth(options);
    return (url: string, init: RequestInit) => handler(new Request(url, init));
  };
  const BASE = "https://app.example.com";

  it("take the client from X-Forwarded-For with AUTH_TRUSTED_PROXY_HOPS, at the rightmost untrusted hop", async () => {
    vi.stubEnv("AUTH_TRUSTED_PROXY_HOPS", "2");
    const options: AuthOptions = {
      providers: [office()],
      url: BASE,
      rateLimit: { perAddress: { max: 3, windowSeconds: 60 } },
    };
    const post = await browser(BASE, appRouter(options));
    // CDN appends the client, the load balancer appends the CDN; the left is the client's own.
    const via = (spoof: string, client: string) => ({ "x-forwarded-for": `${spoof}, ${client}, 10.0.0.2` });
    for (let i = 0; i < 3; i++)
      expect((await post(`u${i}@example.com`, "x", via(`192.0.2.${i}`, "198.51.100.30"))).status).toBe(401);
    expect((await post("u9@example.com", "x", via("192.0.2.9", "198.51.100.30"))).status).toBe(429);
    expect((await post("u9@example.com", "x", via("192.0.2.9", "198.51.100.31"))).status).toBe(401);
  });

  it("on Vercel, whose edge overwrites X-Forwarded-For, one hop is trusted by default", async () => {
    vi.stubEnv("VERCEL", "1");
    const options: AuthOptions = { providers: [office()], rateLimit: { perAddress: { max: 3, windowSeconds: 60 } } };
    const post = await browser(BASE, appRouter(options));
    const from = { "x-forwarded-for": "198.51.100.40", host: "app.example.com", "x-forwarded-proto": "https" };
    for (let i = 0; i < 3; i++) expect((await post(`u${i}@example.com`, "x", from)).status).toBe(401);
    expect((await post("u9@example.com", "x", from)).status).toBe(429);
  });

  it("without a trusted hop the address is unknown: X-Forwarded-For is not believed, and the log says which option to set", async () => {
    const warnings: unknown[][] = [];
    const options: AuthOptions = {
      providers: [office()],
      url: BASE,
      rateLimit: { perAddress: { max: 3, windowSeconds: 60 } },
      logger: { warn: (...args: unknown[]) => void warnings.push(args) },
    };
    const post = await browser(BASE, appRouter(options));
    // `next start` keeps a client's own X-Forwarded-For: anyone could name any address.
    for (let i = 0; i < 5; i++) {
      expect((await post(`u${i}@example.com`, "x", { "x-forwarded-for": "198.51.100.50" })).status).toBe(401);
    }
    const unknown = warnings.filter(([code]) => code === "CLIENT_ADDRESS_UNKNOWN");
    expect(unknown).toHaveLength(1);
    expect(String(unknown[0]?.[1])).toContain("AUTH_TRUSTED_PROXY_HOPS");
  });

  it("refuse a malformed AUTH_TRUSTED_PROXY_HOPS with a clean 500 that names it", async () => {
    vi.stubEnv("AUTH_TRUSTED_PROXY_HOPS", "two");
    vi.stubEnv("NODE_ENV", "development");
    const errors: unknown[][] = [];
    const handler = NextAuth({
      providers: [office()],
      url: BASE,
      logger: { error: (...args: unknown[]) => void errors.push(args) },
    });
    const response = await handler(new Request(`${BASE}/api/auth/csrf`));
    expect(response.status).toBe(500);
    expect(JSON.stringify(errors)).toContain("AUTH_TRUSTED_PROXY_HOPS");
  });
});
