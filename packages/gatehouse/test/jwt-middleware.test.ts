import { encode as nextAuthEncode } from "next-auth/jwt";
import { NextRequest, NextResponse } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import NextAuth from "../src/index.js";
import { encode, getToken } from "../src/jwt/index.js";
import withAuth from "../src/middleware.js";
import { SECRET, provider } from "./helpers.js";

const COOKIE = "next-auth.session-token";

beforeEach(() => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  vi.stubEnv("NODE_ENV", "production");
});
afterEach(() => vi.unstubAllEnvs());

async function sessionToken(claims: Record<string, unknown> = { sub: "1", name: "Ada", role: "admin" }, salt = COOKIE) {
  return encode({ token: claims, secret: SECRET, salt });
}

function nextRequest(path: string, cookie?: string, headers: Record<string, string> = {}): NextRequest {
  return new NextRequest(`http://localhost:3000${path}`, {
    headers: { ...(cookie === undefined ? {} : { cookie }), ...headers },
  });
}

describe("getToken", () => {
  it("reads the cookie from a NextRequest, a NextApiRequest and a plain Request", async () => {
    const token = await sessionToken();
    expect(await getToken({ req: nextRequest("/", `${COOKIE}=${token}`) })).toMatchObject({ sub: "1", role: "admin" });
    expect(await getToken({ req: { headers: {}, cookies: { [COOKIE]: token } } })).toMatchObject({ sub: "1" });
    expect(await getToken({ req: { headers: { cookie: `a=b; ${COOKIE}=${token}` } } })).toMatchObject({ sub: "1" });
    expect(
      await getToken({ req: new Request("http://localhost:3000/", { headers: { cookie: `${COOKIE}=${token}` } }) }),
    ).toMatchObject({
      sub: "1",
    });
  });

  it("joins chunked cookies", async () => {
    const token = await sessionToken({ sub: "1", pad: "x".repeat(5000) });
    const cookie = `${COOKIE}.0=${token.slice(0, 3000)}; ${COOKIE}.1=${token.slice(3000)}`;
    expect(await getToken({ req: nextRequest("/", cookie) })).toMatchObject({ sub: "1" });
    expect(await getToken({ req: nextRequest("/", `${COOKIE}.1=${token.slice(3000)}`) })).toBeNull();
  });

  it("falls back to Authorization: Bearer", async () => {
    const token = await sessionToken();
    expect(await getToken({ req: nextRequest("/", undefined, { authorization: `Bearer ${token}` }) })).toMatchObject({
      sub: "1",
    });
  });

  it("returns null — never throws — for malformed cookies and headers", async () => {
    for (const cookie of [`${COOKIE}=garbage`, `${COOKIE}=a.b.c.d.e`, `${COOKIE}=%E0%A4%A`, COOKIE]) {
      expect(await getToken({ req: nextRequest("/", cookie) })).toBeNull();
    }
    for (const authorization of [
      "Bearer",
      "Bearer a b",
      "Basic abc",
      "Bearer <script>",
      "Bearer ".padEnd(20_000, "x"),
    ]) {
      expect(await getToken({ req: nextRequest("/", undefined, { authorization }) })).toBeNull();
    }
    expect(await getToken({ req: { headers: { cookie: 42 as unknown as string } } })).toBeNull();
  });

  it("returns the raw token with raw: true, and honours cookieName and salt", async () => {
    const token = await sessionToken({ sub: "2" }, "custom");
    expect(await getToken({ req: nextRequest("/", `custom=${token}`), cookieName: "custom", raw: true })).toBe(token);
    expect(await getToken({ req: nextRequest("/", `custom=${token}`), cookieName: "custom" })).toMatchObject({
      sub: "2",
    });
    expect(
      await getToken({ req: nextRequest("/", `custom=${token}`), cookieName: "custom", salt: "other" }),
    ).toBeNull();
  });

  it("defaults to the __Secure- cookie when NEXTAUTH_URL is https, so production is not silently null", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://app.example.com");
    const name = `__Secure-${COOKIE}`;
    const token = await sessionToken({ sub: "3" }, name);
    expect(await getToken({ req: nextRequest("/", `${name}=${token}`) })).toMatchObject({ sub: "3" });
    // Without NEXTAUTH_URL the request's own scheme decides.
    vi.stubEnv("NEXTAUTH_URL", "");
    const https = new NextRequest("https://app.example.com/", { headers: { cookie: `${name}=${token}` } });
    expect(await getToken({ req: https })).toMatchObject({ sub: "3" });
  });

  it("reads next-auth v4 tokens (a migrated app's cookies)", async () => {
    const v4 = await nextAuthEncode({ token: { sub: "4" }, secret: SECRET });
    expect(await getToken({ req: nextRequest("/", `${COOKIE}=${v4}`) })).toMatchObject({ sub: "4" });
  });

  it("names the variable to set when there is no secret in production", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", "");
    const token = await sessionToken();
    await expect(getToken({ req: nextRequest("/", `${COOKIE}=${token}`) })).rejects.toThrow(
      /NEXTAUTH_SECRET \(or AUTH_SECRET\)/,
    );
  });
});

describe("withAuth", () => {
  it("redirects signed-out requests to sign-in with the callbackUrl", async () => {
    const response = (await withAuth(nextRequest("/dashboard/reports?tab=2"))) as Response;
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.pathname).toBe("/api/auth/signin");
    expect(location.searchParams.get("callbackUrl")).toBe("/dashboard/reports?tab=2");
  });

  it("lets signed-in requests through and exposes req.nextauth.token to the wrapped middleware", async () => {
    const token = await sessionToken();
    let seen: unknown;
    const middleware = withAuth((req) => {
      seen = req.nextauth.token;
      return NextResponse.next({ headers: { "x-role": String(req.nextauth.token?.role) } });
    });
    const response = (await middleware(nextRequest("/dashboard", `${COOKIE}=${token}`))) as Response;
    expect(response.headers.get("x-role")).toBe("admin");
    expect(seen).toMatchObject({ sub: "1" });
    expect(await withAuth(nextRequest("/dashboard", `${COOKIE}=${token}`))).toBeUndefined();
  });

  it("uses callbacks.authorized and pages.signIn", async () => {
    const token = await sessionToken({ sub: "2", role: "user" });
    const adminsOnly = withAuth({
      callbacks: { authorized: ({ token: t }) => t?.role === "admin" },
      pages: { signIn: "/login" },
    });
    const response = (await adminsOnly(nextRequest("/admin", `${COOKIE}=${token}`))) as Response;
    expect(new URL(response.headers.get("location") ?? "").pathname).toBe("/login");
    expect(await adminsOnly(nextRequest("/login"))).toBeUndefined();
  });

  it("stepUp: sends a token whose last authentication is older than maxAge to re-authenticate, then lets it in", async () => {
    const stepUp = withAuth({ stepUp: { maxAge: 300 } });
    const nowSeconds = Math.floor(Date.now() / 1000);
    const old = await sessionToken({ sub: "1", authenticatedAt: nowSeconds - 301, amr: ["pwd"] });
    const response = (await stepUp(nextRequest("/billing?x=1", `${COOKIE}=${old}`))) as Response;
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(
      "http://localhost:3000/api/auth/two-factor?callbackUrl=%2Fbilling%3Fx%3D1",
    );
    // A token that records no authentication time is not recent either.
    const unknown = await sessionToken({ sub: "1" });
    expect(((await stepUp(nextRequest("/billing", `${COOKIE}=${unknown}`))) as Response).status).toBe(307);
    const fresh = await sessionToken({ sub: "1", authenticatedAt: nowSeconds - 10, amr: ["otp", "mfa"] });
    expect(await stepUp(nextRequest("/billing", `${COOKIE}=${fresh}`))).toBeUndefined();
  });

  it("never guards the sign-in page or the auth routes themselves", async () => {
    expect(await withAuth(nextRequest("/api/auth/signin"))).toBeUndefined();
    expect(await withAuth(nextRequest("/api/auth/callback/credentials"))).toBeUndefined();
    expect(await withAuth(nextRequest("/_next/static/chunk.js"))).toBeUndefined();
  });

  it("sends a missing production secret to the error page instead of letting anyone in", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", "");
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = (await withAuth(nextRequest("/dashboard"))) as Response;
    expect(response.headers.get("location")).toBe("http://localhost:3000/api/auth/error?error=Configuration");
    expect(String(error.mock.calls[0]?.[0])).toContain("NEXTAUTH_SECRET");
    error.mockRestore();
  });
});

describe("auth() as middleware", () => {
  it("puts the session on req.auth and carries refreshed cookies", async () => {
    const { auth } = NextAuth({ providers: [provider()], session: { updateAge: 0 } });
    const token = await sessionToken({ sub: "1", name: "Ada", email: "ada@example.com" });
    let seen: unknown;
    const middleware = auth((req) => {
      seen = req.auth;
      if (req.auth === null) return NextResponse.redirect(new URL("/login", req.url));
      return undefined;
    });
    const signedIn = await middleware(nextRequest("/members", `${COOKIE}=${token}`));
    expect(seen).toMatchObject({ user: { name: "Ada" } });
    expect(signedIn.headers.get("x-middleware-next")).toBe("1");
    expect(signedIn.headers.getSetCookie()[0]).toMatch(/^next-auth\.session-token=/);

    const signedOut = await middleware(nextRequest("/members"));
    expect(signedOut.headers.get("location")).toBe("http://localhost:3000/login");
    expect(seen).toBeNull();
  });

  it("copies an immutable Response before adding cookies", async () => {
    const { auth } = NextAuth({ providers: [provider()], session: { updateAge: 0 } });
    const token = await sessionToken({ sub: "1" });
    const middleware = auth(() => Response.redirect("http://localhost:3000/elsewhere"));
    const response = await middleware(nextRequest("/x", `${COOKIE}=${token}`));
    expect(response.headers.get("location")).toBe("http://localhost:3000/elsewhere");
    expect(response.headers.getSetCookie()).toHaveLength(1);
  });
});
