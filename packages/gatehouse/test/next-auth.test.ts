import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import NextAuth, { getServerSession } from "../src/index.js";
import type { AuthOptions } from "../src/types.js";
import { Jar, SECRET, provider, serve, signInOver } from "./helpers.js";

beforeEach(() => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("NODE_ENV", "production");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("NextAuth(options) as a pages-router API handler", () => {
  it("serves the auth routes over a real Node server, with Next's parsed bodies", async () => {
    const options: AuthOptions = { providers: [provider()], trustHost: true };
    const handler = NextAuth(options);
    const server = await serve((req, res) => handler(req, res));
    try {
      const jar = new Jar();
      const response = await signInOver(server.url, jar);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ url: `${server.url}/` });
      const session = (await (await jar.fetch(`${server.url}/api/auth/session`)).json()) as Record<string, unknown>;
      // next-auth v4's default session: no user id.
      expect(session.user).toEqual({ name: "Ada", email: "ada@example.com" });

      const wrong = await signInOver(server.url, new Jar(), "nope");
      expect(wrong.status).toBe(401);
      expect(wrong.headers.getSetCookie().some((line) => line.includes("session-token"))).toBe(false);
    } finally {
      await server.close();
    }
  });

  it("reads a raw body when Next's body parser is off", async () => {
    const handler = NextAuth({ providers: [provider()], trustHost: true });
    const server = await serve((req, res) => handler(req, res), false);
    try {
      expect((await signInOver(server.url, new Jar())).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("refuses repeated fields even after Next's parser turned them into arrays", async () => {
    const handler = NextAuth({ providers: [provider()], trustHost: true });
    const server = await serve((req, res) => handler(req, res));
    try {
      const jar = new Jar();
      const { csrfToken } = (await (await jar.fetch(`${server.url}/api/auth/csrf`)).json()) as { csrfToken: string };
      const body = `csrfToken=${csrfToken}&email=ada%40example.com&email=x&password=correct+horse&json=true`;
      const response = await jar.fetch(`${server.url}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      });
      expect(response.status).toBe(400);
    } finally {
      await server.close();
    }
  });

  it("supports next-auth v3's NextAuth(req, res, options) with v3 options and positional callbacks", async () => {
    const seen: unknown[] = [];
    const options = {
      site: "http://127.0.0.1",
      providers: [provider()],
      session: { jwt: true, maxAge: 30 * 24 * 60 * 60 },
      callbacks: {
        redirect: async (url: string, baseUrl: string) => {
          seen.push([url, baseUrl]);
          return Promise.resolve("/profile");
        },
        session: async (session: Record<string, unknown>, user: Record<string, unknown>) => {
          return Promise.resolve({ ...session, sub: user.sub });
        },
      },
    } as unknown as AuthOptions;
    const server = await serve((req, res) => NextAuth(req, res, options));
    try {
      vi.stubEnv("NEXTAUTH_URL", server.url);
      const jar = new Jar();
      const response = await signInOver(server.url, jar);
      expect(await response.json()).toEqual({ url: `${server.url}/profile` });
      expect(seen).toEqual([[server.url, server.url]]);
      const session = (await (await jar.fetch(`${server.url}/api/auth/session`)).json()) as Record<string, unknown>;
      expect(session.sub).toBe("1");
    } finally {
      await server.close();
    }
  });

  it("answers a configuration error with a clean 500 that names the variable, only in development", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", "");
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const handler = NextAuth({ providers: [provider()], trustHost: true });
    const server = await serve((req, res) => handler(req, res));
    try {
      const response = await fetch(`${server.url}/api/auth/signin`);
      expect(response.status).toBe(500);
      const page = await response.text();
      expect(page).toContain("Sign-in is unavailable");
      expect(page).not.toContain("NEXTAUTH_SECRET");
      expect(String(error.mock.calls[0]?.[0])).toMatch(/MissingSecret.*NEXTAUTH_SECRET or AUTH_SECRET/);

      vi.stubEnv("NODE_ENV", "development");
      const devHandler = NextAuth({ providers: [provider()], trustHost: true, secret: "short" });
      const dev = await serve((req, res) => devHandler(req, res));
      try {
        // A short secret only warns in development; a bad URL is an error everywhere.
        const broken = NextAuth({ providers: [provider()], url: "not a url" });
        const brokenServer = await serve((req, res) => broken(req, res));
        const page2 = await (await fetch(`${brokenServer.url}/api/auth/signin`)).text();
        expect(page2).toContain("NEXTAUTH_URL / AUTH_URL");
        await brokenServer.close();
        expect((await fetch(`${dev.url}/api/auth/providers`)).status).toBe(200);
      } finally {
        await dev.close();
      }
    } finally {
      error.mockRestore();
      await server.close();
    }
  });
});

describe("NextAuth(options) in the app router", () => {
  it("works as GET/POST route handlers and destructured handlers", async () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    const handler = NextAuth({ providers: [provider()] });
    const { handlers } = handler;
    const csrf = await handlers.GET(new Request("http://localhost:3000/api/auth/csrf"));
    const cookie = csrf.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await handler(
      new Request("http://localhost:3000/api/auth/callback/credentials", {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, email: "ada@example.com", password: "correct horse", json: "true" }),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()[0]).toMatch(/^next-auth\.session-token=/);
  });
});

describe("getServerSession", () => {
  it("returns what GET /session returns, in an API route and getServerSideProps", async () => {
    const options: AuthOptions = { providers: [provider()], trustHost: true };
    const auth = NextAuth(options);
    const server = await serve(async (req, res) => {
      if (req.url?.startsWith("/api/auth/")) return auth(req, res);
      const session = await getServerSession(req, res, options);
      const viaAuth = await auth.auth(req, res);
      const viaContext = await auth.auth({ req, res });
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          session,
          same:
            JSON.stringify(viaAuth) === JSON.stringify(session) &&
            JSON.stringify(viaContext) === JSON.stringify(session),
        }),
      );
    });
    try {
      const jar = new Jar();
      expect((await (await jar.fetch(`${server.url}/page`)).json()) as unknown).toEqual({ session: null, same: true });
      await signInOver(server.url, jar);
      const fromRoute: unknown = await (await jar.fetch(`${server.url}/api/auth/session`)).json();
      const fromServer = (await (await jar.fetch(`${server.url}/page`)).json()) as { session: unknown; same: boolean };
      expect(fromServer).toEqual({ session: fromRoute, same: true });
    } finally {
      await server.close();
    }
  });

  it("explains a missing options argument", async () => {
    await expect(getServerSession({ headers: {} }, undefined, undefined as unknown as AuthOptions)).rejects.toThrow(
      /getServerSession\(authOptions\)/,
    );
  });
});
