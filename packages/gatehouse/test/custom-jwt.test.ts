// next-auth's custom `jwt.encode` / `jwt.decode` through the Next.js helpers: the cookie the
// route handlers write with the custom encoder is read by `getServerSession`, `auth()` as
// middleware, `getToken({ decode })` and `withAuth({ jwt: { decode } })`, each passing the cookie
// name as `salt`.
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import NextAuth, { getServerSession } from "../src/index.js";
import { getToken } from "../src/jwt/index.js";
import withAuth from "../src/middleware.js";
import type { AuthOptions } from "../src/types.js";
import { SECRET, provider } from "./helpers.js";

const COOKIE = "next-auth.session-token";
const BASE = "http://localhost:3000";

beforeEach(() => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("NEXTAUTH_URL", BASE);
  vi.stubEnv("NODE_ENV", "production");
});
afterEach(() => vi.unstubAllEnvs());

type Params = { token?: unknown; salt?: string | undefined; secret: unknown; maxAge?: number | undefined };

/** `custom.<base64url JSON>`, bound to its salt: only this codec reads it. */
function codec() {
  const salts: (string | undefined)[] = [];
  return {
    salts,
    jwt: {
      encode: ({ token, salt }: Params) => {
        salts.push(salt);
        const iat = Math.floor(Date.now() / 1000);
        const claims = { ...(token as object), iat, exp: iat + 3600, jti: globalThis.crypto.randomUUID() };
        return `custom.${Buffer.from(JSON.stringify({ salt, claims })).toString("base64url")}`;
      },
      decode: ({ token, salt }: Params) => {
        salts.push(salt);
        if (typeof token !== "string" || !token.startsWith("custom.")) return null;
        const body = JSON.parse(Buffer.from(token.slice(7), "base64url").toString()) as {
          salt: string;
          claims: Record<string, unknown>;
        };
        return body.salt === salt ? body.claims : null;
      },
    },
  };
}

async function signInWith(handlers: {
  GET: (r: Request) => Promise<Response>;
  POST: (r: Request) => Promise<Response>;
}) {
  const csrf = await handlers.GET(new Request(`${BASE}/api/auth/csrf`));
  const csrfCookie = csrf.headers.getSetCookie()[0]?.split(";")[0] ?? "";
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await handlers.POST(
    new Request(`${BASE}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { cookie: csrfCookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email: "ada@example.com", password: "correct horse", json: "true" }),
    }),
  );
  expect(response.status).toBe(200);
  const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${COOKIE}=`)) ?? "";
  return line.split(";")[0] ?? "";
}

describe("custom jwt.encode / jwt.decode in the Next.js helpers", () => {
  it("the handlers' custom cookie is read by getServerSession, auth(), getToken and withAuth with the same decoder", async () => {
    const { jwt, salts } = codec();
    const options: AuthOptions = { providers: [provider()], jwt };
    const { handlers, auth } = NextAuth(options);
    const cookie = await signInWith(handlers);
    expect(cookie).toMatch(new RegExp(`^${COOKIE.replace(/\./g, "\\.")}=custom\\.`));

    const request = () => new NextRequest(`${BASE}/members`, { headers: { cookie } });
    const session = await getServerSession(new Request(`${BASE}/page`, { headers: { cookie } }), undefined, options);
    expect(session).toMatchObject({ user: { email: "ada@example.com" } });

    let seen: unknown;
    await auth((req) => {
      seen = req.auth;
      return undefined;
    })(request());
    expect(seen).toMatchObject({ user: { email: "ada@example.com" } });

    expect(await getToken({ req: request(), decode: jwt.decode })).toMatchObject({
      sub: "1",
      email: "ada@example.com",
    });
    // The built-in decoder cannot read it: proof that the custom one did the reading above.
    expect(await getToken({ req: request() })).toBeNull();

    const guarded = await withAuth({ jwt: { decode: jwt.decode } })(request());
    expect(guarded?.headers.get("location") ?? null).toBeNull();
    const unguarded = await withAuth({})(request());
    expect(unguarded?.headers.get("location")).toBe(`${BASE}/api/auth/signin?callbackUrl=%2Fmembers`);

    expect(salts.length).toBeGreaterThanOrEqual(5);
    for (const salt of salts) expect(salt).toBe(COOKIE);
  });

  it("a decoder that throws is no token and no session, never an exception", async () => {
    const { jwt } = codec();
    const { handlers } = NextAuth({ providers: [provider()], jwt });
    const cookie = await signInWith(handlers);
    const broken = () => {
      throw new Error("KMS unreachable");
    };
    expect(await getToken({ req: new NextRequest(`${BASE}/`, { headers: { cookie } }), decode: broken })).toBeNull();
    const failing = NextAuth({
      providers: [provider()],
      jwt: { ...jwt, decode: broken },
      logger: { error: () => undefined },
    });
    const response = await failing.handlers.GET(new Request(`${BASE}/api/auth/session`, { headers: { cookie } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
  });
});
