/**
 * Security review, high 1: server-side `getSession({ req })` from gatehouse/react fetched
 * `http://<Host>/api/auth/session` with the caller's cookies — the client picks the host, so it
 * could forge the session, make the server call anywhere, and receive the real cookies over plain
 * http. The server now uses only the configured URL (NEXTAUTH_URL_INTERNAL, then NEXTAUTH_URL).
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import NextAuth from "../src/index.js";
import { getSession } from "../src/react/index.js";
import { Jar, SECRET, provider, serve, signInOver } from "./helpers.js";

/** A server that answers every request with a forged session and remembers what it was sent. */
async function attacker(): Promise<{ host: string; seen: IncomingMessage[]; close: () => Promise<void> }> {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ user: { name: "Forged Admin", role: "admin" }, expires: "2999-01-01T00:00:00.000Z" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}

beforeEach(() => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("NEXTAUTH_URL", "");
  vi.stubEnv("AUTH_URL", "");
  vi.stubEnv("NEXTAUTH_URL_INTERNAL", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("server-side getSession({ req }) never follows the request's Host", () => {
  it("forged Host, no configured URL: no request leaves the server and there is no session", async () => {
    const evil = await attacker();
    try {
      const session = await getSession({
        req: { headers: { host: evil.host, cookie: "next-auth.session-token=real" } },
      });
      expect(session).toBeNull();
      expect(evil.seen).toHaveLength(0);
    } finally {
      await evil.close();
    }
  });

  it("forged Host, NEXTAUTH_URL set: the session comes from the app, and the attacker sees nothing", async () => {
    const evil = await attacker();
    const handler = NextAuth({ providers: [provider()], trustHost: true });
    const app = await serve((req, res) => handler(req, res));
    try {
      vi.stubEnv("NEXTAUTH_URL", app.url);
      const jar = new Jar();
      expect((await signInOver(app.url, jar)).status).toBe(200);
      const session = await getSession({ req: { headers: { host: evil.host, cookie: jar.header() } } });
      expect(session?.user).toMatchObject({ name: "Ada", email: "ada@example.com" });
      expect(evil.seen).toHaveLength(0);
    } finally {
      await evil.close();
      await app.close();
    }
  });

  it("prefers NEXTAUTH_URL_INTERNAL, the address the server reaches itself at", async () => {
    const evil = await attacker();
    const handler = NextAuth({ providers: [provider()], trustHost: true });
    const app = await serve((req, res) => handler(req, res));
    try {
      // The public URL points at the attacker (as a misconfigured proxy might); the internal one wins.
      vi.stubEnv("NEXTAUTH_URL", `http://${evil.host}`);
      vi.stubEnv("NEXTAUTH_URL_INTERNAL", app.url);
      const jar = new Jar();
      await signInOver(app.url, jar);
      const session = await getSession({ req: { headers: new Headers({ host: evil.host, cookie: jar.header() }) } });
      expect(session?.user).toMatchObject({ email: "ada@example.com" });
      expect(evil.seen).toHaveLength(0);
    } finally {
      await evil.close();
      await app.close();
    }
  });
});
