/**
 * Security review, medium 8: a signed-out JWT must stop working everywhere a session is read, in
 * one process, with no setup beyond `NextAuth(options)`. A thief's copy of the cookie is tried,
 * after the owner signs out (or signs out everywhere), against every reader: the route handler,
 * `auth()` (pages form and as middleware), `getServerSession`, `getToken` and `withAuth` — the last
 * two decode the cookie without the auth instance, and used to accept the copy.
 */
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import NextAuth, { type NextAuthResult } from "../src/index.js";
import { getToken } from "../src/jwt/index.js";
import withAuth from "../src/middleware.js";
import { getServerSession } from "../src/next.js";
import type { AuthOptions } from "../src/types.js";
import { Jar, SECRET, provider } from "./helpers.js";

const ORIGIN = "http://localhost:3000";
const COOKIE = "next-auth.session-token";

beforeEach(() => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("NEXTAUTH_URL", ORIGIN);
  vi.stubEnv("NODE_ENV", "production");
});
afterEach(() => vi.unstubAllEnvs());

type Handler = NextAuthResult;

/** One browser's cookies. */
class Browser extends Jar {
  /** A thief's copy of the session cookie only. */
  steal(): Browser {
    const copy = new Browser();
    copy.cookies.set(COOKIE, this.cookies.get(COOKIE) ?? "");
    return copy;
  }
}

async function call(handler: Handler, browser: Browser, path: string, form?: Record<string, string>) {
  const response = await handler(
    new Request(`${ORIGIN}/api/auth/${path}`, {
      method: form === undefined ? "GET" : "POST",
      headers: {
        cookie: browser.header(),
        ...(form === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" }),
      },
      ...(form === undefined ? {} : { body: new URLSearchParams(form) }),
    }),
  );
  browser.take(response);
  return response;
}

async function post(handler: Handler, browser: Browser, path: string, fields: Record<string, string>) {
  const { csrfToken } = (await (await call(handler, browser, "csrf")).json()) as { csrfToken: string };
  return call(handler, browser, path, { csrfToken, json: "true", ...fields });
}

async function signedIn(handler: Handler): Promise<Browser> {
  const browser = new Browser();
  const response = await post(handler, browser, "callback/credentials", {
    email: "ada@example.com",
    password: "correct horse",
  });
  expect(response.status).toBe(200);
  return browser;
}

/** What every session reader of the app makes of `browser`'s cookie. */
async function readers(handler: Handler, options: AuthOptions, browser: Browser) {
  const cookie = browser.header();
  const node = () => ({ headers: { cookie, host: "localhost:3000" }, url: "/account", method: "GET" });
  const next = () => new NextRequest(`${ORIGIN}/dashboard`, { headers: { cookie } });
  let wrapped: unknown = "not called";
  const viaAuthMiddleware = handler.auth((req) => {
    wrapped = req.auth;
    return undefined;
  });
  await viaAuthMiddleware(next());
  const guarded = await withAuth(next());
  return {
    route: await ((await call(handler, browser.steal(), "session")).json() as Promise<unknown>),
    getServerSession: await getServerSession(node(), undefined as never, options),
    auth: await handler.auth(node(), undefined as never),
    authMiddleware: wrapped,
    getToken: await getToken({ req: next() }),
    withAuth: guarded === undefined ? "allowed" : `redirect ${String(guarded?.status)}`,
  };
}

const SIGNED_OUT = {
  route: {},
  getServerSession: null,
  auth: null,
  authMiddleware: null,
  getToken: null,
  withAuth: "redirect 307",
};

describe("a copied JWT after sign-out is refused by every session reader in the process", () => {
  it("sign-out: the thief's copy is refused by the route, auth(), getServerSession, getToken and withAuth", async () => {
    const options: AuthOptions = { providers: [provider()], logger: { warn: () => undefined } };
    const handler = NextAuth(options);
    const owner = await signedIn(handler);
    const thief = owner.steal();

    const before = await readers(handler, options, thief);
    expect(before).toMatchObject({
      route: { user: { name: "Ada" } },
      getServerSession: { user: { name: "Ada" } },
      auth: { user: { name: "Ada" } },
      authMiddleware: { user: { name: "Ada" } },
      getToken: { sub: "1" },
      withAuth: "allowed",
    });

    expect((await post(handler, owner, "signout", {})).status).toBe(200);
    expect(await readers(handler, options, thief)).toEqual(SIGNED_OUT);
  });

  it("sign out everywhere (revoke-all): every browser's cookie is refused by getToken and withAuth too", async () => {
    const options: AuthOptions = { providers: [provider()], logger: { warn: () => undefined } };
    const handler = NextAuth(options);
    const laptop = await signedIn(handler);
    const phone = await signedIn(handler);
    expect(await getToken({ req: new NextRequest(ORIGIN, { headers: { cookie: phone.header() } }) })).toMatchObject({
      sub: "1",
    });

    const response = await post(handler, laptop, "sessions", { action: "revoke-all" });
    expect(response.status).toBe(200);
    expect(laptop.cookies.has(COOKIE)).toBe(false);
    expect(await readers(handler, options, phone)).toEqual(SIGNED_OUT);
  });
});
