/**
 * Security review, medium 8: revocation that holds. A JWT session lives in the browser, so a copy
 * of the cookie (stolen, or left on a shared machine) is a session of its own. These pin that a
 * signed-out copy stays refused for as long as any copy could be valid, that the `jwt` callback
 * cannot shake the revocation off, and that sign-out everywhere (`revoke("all")`) ends every JWT
 * session of the user — and only theirs.
 */
import { describe, expect, it } from "vitest";
import { serializeCookie, type AuthHandler, type JWT } from "../src/index.js";
import { Jar, SESSION_COOKIE, clock, csrf, makeAuth, postForm, session, signIn } from "./helpers.js";

const DAY = 24 * 60 * 60;
const MAX_AGE = 30 * DAY;

function copyOf(jar: Jar): Jar {
  const copy = new Jar();
  for (const [name, value] of jar.cookies) copy.cookies.set(name, value);
  return copy;
}

async function signOut(auth: AuthHandler, jar: Jar): Promise<Response> {
  const csrfToken = await csrf(auth, jar);
  return postForm(auth, "/signout", { csrfToken, json: "true" }, jar);
}

async function manage(auth: AuthHandler, jar: Jar, action: string): Promise<Response> {
  const csrfToken = await csrf(auth, jar);
  return postForm(auth, "/sessions", { csrfToken, action }, jar);
}

/** A fresh token of only `claims` — what a `jwt` callback that rebuilds the token returns. */
function only(token: JWT, claims: readonly string[]): JWT {
  return Object.fromEntries(Object.entries(token).filter(([claim]) => claims.includes(claim)));
}

function requestWith(jar: Jar): Request {
  return new Request("http://localhost:3000/account", { headers: { cookie: jar.header() } });
}

describe("a signed-out JWT stays refused as long as any copy of it could be valid", () => {
  it("a copy re-issued (expiry extended) before the sign-out is refused after the original cookie's expiry", async () => {
    const time = clock();
    const auth = makeAuth({ now: time.now });
    const { jar } = await signIn(auth);
    const stolen = copyOf(jar);

    // A day later the thief's copy is re-issued: same token id, 30 days from now.
    time.advance(DAY + 1);
    expect(await session(auth, stolen)).toMatchObject({ user: { id: "1" } });
    expect(stolen.cookies.get(SESSION_COOKIE)).not.toBe(jar.cookies.get(SESSION_COOKIE));

    // The owner signs out with the original cookie, which expires a day before the copy.
    expect((await signOut(auth, jar)).status).toBe(200);
    expect(await session(auth, copyOf(stolen))).toEqual({});

    // Past the original's expiry (and any margin) but before the copy's: still refused.
    time.advance(MAX_AGE - DAY + 10 * 60);
    expect(await session(auth, copyOf(stolen))).toEqual({});
    expect((await auth.getSession(requestWith(stolen))).session).toBeNull();
  });

  it("a jwt callback that returns a fresh object (no jti) cannot give the owner's cookie an id the thief's copy escapes", async () => {
    const time = clock();
    const auth = makeAuth({
      now: time.now,
      // A common pattern: build the token anew from the claims the app wants.
      callbacks: { jwt: ({ token }) => only(token, ["sub", "name", "email"]) },
    });
    const { jar } = await signIn(auth);
    const stolen = copyOf(jar);

    // The owner's cookie is re-issued; the thief keeps the older one.
    time.advance(DAY + 1);
    expect(await session(auth, jar)).toMatchObject({ user: { id: "1" } });
    expect(jar.cookies.get(SESSION_COOKIE)).not.toBe(stolen.cookies.get(SESSION_COOKIE));

    expect((await signOut(auth, jar)).status).toBe(200);
    expect(await session(auth, stolen)).toEqual({});
  });
});

describe("sign out everywhere with JWT sessions (sessions.revoke('all'), the session epoch)", () => {
  it("revoke-all ends every JWT session of the user — copies too — but not another user's", async () => {
    const time = clock();
    const auth = makeAuth({ now: time.now });
    const laptop = (await signIn(auth)).jar;
    const phone = (await signIn(auth)).jar;
    const stolen = copyOf(phone);
    const bob = (await signIn(auth, "bob@example.com")).jar;

    time.advance(1);
    const response = await manage(auth, laptop, "revoke-all");
    expect(response.status).toBe(200);
    expect(laptop.cookies.has(SESSION_COOKIE)).toBe(false);

    for (const jar of [phone, stolen]) {
      expect(await session(auth, copyOf(jar))).toEqual({});
      expect((await auth.getSession(requestWith(jar))).session).toBeNull();
    }
    // Re-issuing is no way back in either: the refused copy gets no new cookie, however late.
    time.advance(DAY + 1);
    expect(await session(auth, stolen)).toEqual({});
    expect(stolen.cookies.has(SESSION_COOKIE)).toBe(false);

    expect(await session(auth, bob)).toMatchObject({ user: { id: "2" } });
    // A sign-in after it starts a session that works.
    time.advance(1);
    const again = (await signIn(auth)).jar;
    expect(await session(auth, again)).toMatchObject({ user: { id: "1" } });
  });

  it("the server API: sessions.revoke(request, 'all') ends the user's sessions; 'others' keeps the caller's", async () => {
    const time = clock();
    const auth = makeAuth({ now: time.now });
    const laptop = (await signIn(auth)).jar;
    const phone = (await signIn(auth)).jar;

    time.advance(1);
    const others = await auth.sessions.revoke(requestWith(laptop), "others");
    expect(others).not.toBeNull();
    laptop.take(
      new Response(null, { headers: others!.cookies.map((c): [string, string] => ["set-cookie", serializeCookie(c)]) }),
    );
    expect(await session(auth, phone)).toEqual({});
    expect(await session(auth, laptop)).toMatchObject({ user: { id: "1" } });

    time.advance(1);
    const all = await auth.sessions.revoke(requestWith(laptop), "all");
    expect(all?.revoked).toBe(1);
    expect(await session(auth, copyOf(laptop))).toEqual({});
    // Signed out: nothing to revoke.
    expect(await auth.sessions.revoke(requestWith(laptop), "all")).toBeNull();
  });

  it("a jwt callback that drops claims it did not make: sessions started after revoke-all survive re-issue, older ones stay out", async () => {
    const time = clock();
    const auth = makeAuth({
      now: time.now,
      callbacks: { jwt: ({ token }) => only(token, ["sub", "email"]) },
    });
    const old = (await signIn(auth)).jar;
    time.advance(1);
    expect((await manage(auth, (await signIn(auth)).jar, "revoke-all")).status).toBe(200);
    time.advance(1);
    const laptop = (await signIn(auth)).jar;
    const phone = (await signIn(auth)).jar;

    // Re-issued through the callback, which returns neither the token id nor the session start.
    time.advance(DAY + 1);
    for (const jar of [laptop, phone]) {
      const before = jar.cookies.get(SESSION_COOKIE);
      expect(await session(auth, jar)).toMatchObject({ user: { id: "1" } });
      expect(jar.cookies.get(SESSION_COOKIE)).not.toBe(before);
      expect(await session(auth, jar)).toMatchObject({ user: { id: "1" } });
    }
    expect(await session(auth, old)).toEqual({});

    time.advance(1);
    expect((await manage(auth, laptop, "revoke-others")).status).toBe(200);
    expect(await session(auth, phone)).toEqual({});
    expect(await session(auth, laptop)).toMatchObject({ user: { id: "1" } });
  });
});
