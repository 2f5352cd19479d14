import { describe, expect, it } from "vitest";
import type { AuthConfig } from "../src/index.js";
import {
  AUTH,
  Jar,
  SESSION_COOKIE,
  csrf,
  get,
  makeAuth,
  recordingLogger,
  session,
  setCookies,
  signIn,
} from "./helpers.js";

/** An auth whose tokens carry `pad` random characters (set at sign-in and on update). */
function paddedAuth(pad: number, overrides: Partial<AuthConfig> = {}) {
  return makeAuth({
    callbacks: {
      jwt: ({ token, trigger, session: update }) => {
        if (trigger === "signIn") token.pad = randomText(pad);
        if (trigger === "update") token.pad = randomText((update as { pad: number }).pad);
        return token;
      },
      session: ({ session: s, token }) => ({ ...s, pad: token.pad }),
    },
    ...overrides,
  });
}

function randomText(length: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(Math.random() * alphabet.length));
  return out;
}

/** Plaintext padding that makes the sealed token about `bytes` long. */
function padFor(bytes: number): number {
  return Math.floor((bytes - 120) * 0.75) - 225; // the claims beside `pad` (name, email, sub, iat, exp, jti, authenticatedAt, amr, …)
}

function sessionPieces(jar: Jar): string[] {
  return [...jar.cookies.keys()].filter((name) => name.startsWith(SESSION_COOKIE)).sort();
}

describe("cookie attributes", () => {
  it("over http: next-auth names, HttpOnly, SameSite=Lax, Path=/, not Secure", async () => {
    const { response } = await signIn(makeAuth());
    const [cookie] = setCookies(response);
    expect(cookie?.name).toBe("next-auth.session-token");
    expect(cookie?.attributes).toMatchObject({ httponly: true, samesite: "Lax", path: "/" });
    expect(cookie?.attributes.secure).toBeUndefined();
    const expires = Date.parse(cookie?.attributes.expires as string);
    expect(expires - Date.now()).toBeGreaterThan(29.9 * 24 * 3600 * 1000);
  });

  it("over https: __Secure- prefix and Secure", async () => {
    const auth = makeAuth({ url: "https://app.example.com" });
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar, "https://app.example.com/api/auth");
    const response = await auth(
      new Request("https://app.example.com/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
        body: new URLSearchParams({ csrfToken, email: "ada@example.com", password: "correct horse", json: "true" }),
      }),
    );
    const [cookie] = setCookies(response);
    expect(cookie?.name).toBe("__Secure-next-auth.session-token");
    expect(cookie?.attributes).toMatchObject({ secure: true, httponly: true, samesite: "Lax", path: "/" });
  });

  it("takes a configurable prefix and whole-cookie overrides", async () => {
    const auth = makeAuth({
      cookiePrefix: "myapp",
      cookies: {
        csrfToken: { name: "xsrf", options: { httpOnly: true, sameSite: "strict", path: "/", secure: false } },
      },
    });
    const jar = new Jar();
    const csrfResponse = await get(auth, "/csrf", jar);
    expect(setCookies(csrfResponse)[0]).toMatchObject({ name: "xsrf", attributes: { samesite: "Strict" } });
    const { response } = await signIn(auth, "ada@example.com", "correct horse", jar);
    expect(setCookies(response)[0]?.name).toBe("myapp.session-token");
  });
});

describe("chunked session cookie", () => {
  it.each([
    { size: 3900, pieces: 1 },
    { size: 4100, pieces: 2 },
    { size: 12_000, pieces: 3 },
  ])("round-trips a session of about $size bytes in $pieces cookie(s)", async ({ size, pieces }) => {
    const auth = paddedAuth(padFor(size), { session: { maxCookieBytes: 16 * 1024 } });
    const { jar, response } = await signIn(auth);
    expect(response.status).toBe(200);
    const lines = response.headers.getSetCookie();
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThan(4096);
    const total = setCookies(response).reduce((sum, c) => sum + c.value.length, 0);
    expect(Math.abs(total - size)).toBeLessThan(300);
    expect(sessionPieces(jar)).toHaveLength(pieces);
    if (pieces === 1) expect(sessionPieces(jar)).toEqual([SESSION_COOKIE]);
    else expect(sessionPieces(jar)[0]).toBe(`${SESSION_COOKIE}.0`);

    const body = await session(auth, jar);
    expect((body.pad as string).length).toBe(padFor(size));
    expect(body.user).toMatchObject({ email: "ada@example.com" });
  });

  it("expires stale pieces when the session shrinks", async () => {
    const auth = paddedAuth(padFor(12_000), { session: { maxCookieBytes: 16 * 1024 } });
    const { jar } = await signIn(auth);
    expect(sessionPieces(jar)).toHaveLength(3);
    const csrfToken = await csrf(auth, jar);
    const response = await auth(
      new Request(`${AUTH}/session`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: jar.header() },
        body: JSON.stringify({ csrfToken, data: { pad: 10 } }),
      }),
    );
    jar.take(response);
    const written = setCookies(response);
    expect(
      written
        .filter((c) => c.attributes["max-age"] === "0")
        .map((c) => c.name)
        .sort(),
    ).toEqual([0, 1, 2].map((i) => `${SESSION_COOKIE}.${i}`));
    expect(sessionPieces(jar)).toEqual([SESSION_COOKIE]);
    expect(((await session(auth, jar)).pad as string).length).toBe(10);
  });

  it.each([
    ["a missing piece", (jar: Jar) => jar.cookies.delete(`${SESSION_COOKIE}.1`)],
    ["a whole cookie beside pieces", (jar: Jar) => jar.cookies.set(SESSION_COOKIE, "stale")],
    ["a stray piece name", (jar: Jar) => jar.cookies.set(`${SESSION_COOKIE}.x`, "stray")],
    ["a corrupted piece", (jar: Jar) => jar.cookies.set(`${SESSION_COOKIE}.1`, "garbage")],
  ])("reads %s as signed out and clears every piece", async (_name, breakIt) => {
    const auth = paddedAuth(padFor(9000), { session: { maxCookieBytes: 16 * 1024 } });
    const { jar } = await signIn(auth);
    breakIt(jar);
    const present = sessionPieces(jar);
    const response = await get(auth, "/session", jar);
    expect(await response.json()).toEqual({});
    const expired = setCookies(response)
      .filter((c) => c.attributes["max-age"] === "0")
      .map((c) => c.name);
    expect(expired.sort()).toEqual(present);
    expect(sessionPieces(jar)).toEqual([]);
  });

  it("refuses a session over the header budget with an error that suggests the database strategy", async () => {
    const { logger, lines } = recordingLogger();
    const auth = paddedAuth(padFor(12_000), { logger });
    const { jar, response } = await signIn(auth);
    // A clear code, not a server error, and no cookie that would break the next request.
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ url: `${AUTH}/signin?error=SessionTooLarge` });
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await session(auth, jar)).toEqual({});
    const logged = lines.find(([, code]) => code === "SessionTooLarge");
    expect((logged?.[2] as { message: string }).message).toMatch(/strategy: 'database'/);
  });
});
