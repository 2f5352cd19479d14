// Session management (`GET|POST {basePath}/sessions`) with database sessions on SQLite.
import { describe, expect, it } from "vitest";
import type { AuthConfig, AuthHandler } from "../src/index.js";
import { memoryDatabase } from "./database.js";
import {
  AUTH,
  Jar,
  SESSION_COOKIE,
  USERS,
  clock,
  csrf,
  get,
  makeAuth,
  postForm,
  session,
  setCookies,
} from "./helpers.js";

interface Listed {
  id: string;
  current: boolean;
  createdAt: string | null;
  lastSeenAt: string | null;
  expires: string;
  userAgent: string | null;
}

async function setup(overrides: Partial<AuthConfig> = {}) {
  const db = await memoryDatabase();
  const time = clock();
  const auth = makeAuth({ adapter: db.adapter, now: time.now, ...overrides });
  return { db, time, auth };
}

/** Signs in as `email` from a browser with this User-Agent. */
async function browser(auth: AuthHandler, email: string, userAgent: string): Promise<Jar> {
  const jar = new Jar();
  const csrfToken = await csrf(auth, jar);
  const response = await postForm(
    auth,
    "/callback/credentials",
    { csrfToken, email, password: USERS[email]?.password ?? "", json: "true" },
    jar,
    { "user-agent": userAgent },
  );
  expect(response.status).toBe(200);
  return jar;
}

async function list(auth: AuthHandler, jar: Jar): Promise<Listed[]> {
  const response = await get(auth, "/sessions", jar);
  expect(response.status).toBe(200);
  return ((await response.json()) as { sessions: Listed[] }).sessions;
}

async function manage(auth: AuthHandler, jar: Jar, fields: Record<string, string>): Promise<Response> {
  const csrfToken = await csrf(auth, jar);
  return postForm(auth, "/sessions", { csrfToken, ...fields }, jar);
}

describe("GET sessions", () => {
  it("lists the signed-in user's sessions, newest first, with created, last seen, user agent and the current one", async () => {
    const { db, time, auth } = await setup({ session: { updateAge: 60 } });
    const laptop = await browser(auth, "ada@example.com", "Laptop/1.0");
    const created = time.now();
    time.advance(100);
    const phone = await browser(auth, "ada@example.com", "Phone/2.0");
    await browser(auth, "bob@example.com", "Bob/3.0");
    time.advance(100);
    await get(auth, "/session", laptop); // 200 s after sign-in: past updateAge, so last seen moves

    const sessions = await list(auth, laptop);
    expect(sessions.map((s) => s.userAgent)).toEqual(["Phone/2.0", "Laptop/1.0"]);
    expect(sessions.map((s) => s.current)).toEqual([false, true]);
    const [newest, mine] = sessions as [Listed, Listed];
    expect(mine.createdAt).toBe(new Date(created).toISOString());
    expect(mine.lastSeenAt).toBe(new Date(created + 200_000).toISOString());
    expect(newest.createdAt).toBe(new Date(created + 100_000).toISOString());
    expect(newest.lastSeenAt).toBe(newest.createdAt);
    expect(Date.parse(mine.expires)).toBe(created + 200_000 + 30 * 24 * 3600 * 1000);

    // The id names a session without being its cookie or its database key.
    const stored = (await db.rows("SELECT session_token FROM auth_sessions")).map((row) => row.session_token);
    for (const entry of sessions) {
      expect(stored).not.toContain(entry.id);
      expect(entry.id).not.toBe(laptop.cookies.get(SESSION_COOKIE));
      expect(entry.id).not.toBe(phone.cookies.get(SESSION_COOKIE));
    }
    expect((await list(auth, phone)).map((s) => s.current)).toEqual([true, false]);
  });

  it("401 when signed out; with JWT sessions, 400 for listing and for one session by id", async () => {
    const { auth } = await setup();
    const signedOut = await get(auth, "/sessions", new Jar());
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toEqual({ error: "SessionRequired" });

    for (const jwt of [
      makeAuth(),
      makeAuth({ adapter: (await memoryDatabase()).adapter, session: { strategy: "jwt" } }),
    ]) {
      const jar = await browser(jwt, "ada@example.com", "Laptop/1.0");
      const response = await get(jwt, "/sessions", jar);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "SessionManagementUnavailable" });
      const post = await manage(jwt, jar, { action: "revoke", id: "x" });
      expect(post.status).toBe(400);
      expect(await post.json()).toMatchObject({ error: "SessionManagementUnavailable" });
      // Signing out everywhere works with JWT sessions (jwt-revocation.test.ts).
      expect((await manage(jwt, jar, { action: "revoke-all" })).status).toBe(200);
    }
  });
});

describe("POST sessions", () => {
  it("revokes one of the user's other sessions by id; the current one stays", async () => {
    const { db, auth } = await setup();
    const laptop = await browser(auth, "ada@example.com", "Laptop/1.0");
    const phone = await browser(auth, "ada@example.com", "Phone/2.0");
    const other = (await list(auth, laptop)).find((s) => !s.current)!;
    const response = await manage(auth, laptop, { action: "revoke", id: other.id });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ revoked: 1 });
    expect(setCookies(response).some((c) => c.name === SESSION_COOKIE)).toBe(false);
    expect(await session(auth, phone)).toEqual({});
    expect((await session(auth, laptop)).user).toMatchObject({ id: "1" });
    expect(await db.count("sessions")).toBe(1);
  });

  it("revoking the current session by id signs this browser out", async () => {
    const { auth } = await setup();
    const laptop = await browser(auth, "ada@example.com", "Laptop/1.0");
    const current = (await list(auth, laptop)).find((s) => s.current)!;
    const response = await manage(auth, laptop, { action: "revoke", id: current.id });
    expect(await response.json()).toEqual({ revoked: 1 });
    expect(laptop.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await session(auth, laptop)).toEqual({});
  });

  it("only ever the user's own: another user's session id is 404 and nothing is deleted", async () => {
    const { db, auth } = await setup();
    const ada = await browser(auth, "ada@example.com", "Laptop/1.0");
    const bob = await browser(auth, "bob@example.com", "Bob/3.0");
    const bobs = (await list(auth, bob))[0]!;
    for (const id of [
      bobs.id,
      "no-such-session-id",
      String((await db.rows("SELECT * FROM auth_sessions"))[1]?.session_token),
    ]) {
      const response = await manage(auth, ada, { action: "revoke", id });
      expect(response.status, id).toBe(404);
      expect(await response.json()).toEqual({ error: "UnknownSession" });
    }
    expect(await db.count("sessions")).toBe(2);
    expect((await session(auth, bob)).user).toMatchObject({ id: "2" });
  });

  it("revoke-others ends every other session of the user, and only the user's", async () => {
    const { db, auth } = await setup();
    const laptop = await browser(auth, "ada@example.com", "Laptop/1.0");
    const phone = await browser(auth, "ada@example.com", "Phone/2.0");
    const tablet = await browser(auth, "ada@example.com", "Tablet/4.0");
    const bob = await browser(auth, "bob@example.com", "Bob/3.0");
    const response = await manage(auth, laptop, { action: "revoke-others" });
    expect(await response.json()).toEqual({ revoked: 2 });
    expect(setCookies(response).some((c) => c.name === SESSION_COOKIE)).toBe(false);
    expect(await session(auth, phone)).toEqual({});
    expect(await session(auth, tablet)).toEqual({});
    expect((await session(auth, laptop)).user).toMatchObject({ id: "1" });
    expect((await session(auth, bob)).user).toMatchObject({ id: "2" });
    expect(await db.count("sessions")).toBe(2);
  });

  it("revoke-all signs out everywhere and clears this browser's cookie", async () => {
    const { db, auth } = await setup();
    const laptop = await browser(auth, "ada@example.com", "Laptop/1.0");
    const phone = await browser(auth, "ada@example.com", "Phone/2.0");
    await browser(auth, "bob@example.com", "Bob/3.0");
    const response = await manage(auth, laptop, { action: "revoke-all" });
    expect(await response.json()).toEqual({ revoked: 2 });
    const cleared = setCookies(response).find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe("");
    expect(cleared?.attributes["max-age"]).toBe("0");
    expect(await session(auth, laptop)).toEqual({});
    expect(await session(auth, phone)).toEqual({});
    expect((await db.rows("SELECT user_id FROM auth_sessions")).map((row) => row.user_id)).toEqual(["2"]);
  });

  it("needs the CSRF token, refuses cross-site posts, and changes nothing when refused", async () => {
    const { db, auth } = await setup();
    const laptop = await browser(auth, "ada@example.com", "Laptop/1.0");
    await browser(auth, "ada@example.com", "Phone/2.0");
    const missing = await postForm(auth, "/sessions", { action: "revoke-all" }, laptop);
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ error: "MissingCSRF" });
    const wrong = await postForm(auth, "/sessions", { action: "revoke-all", csrfToken: "forged" }, laptop);
    expect(wrong.status).toBe(403);
    const csrfToken = await csrf(auth, laptop);
    const crossSite = await postForm(auth, "/sessions", { action: "revoke-all", csrfToken }, laptop, {
      origin: "https://evil.example",
    });
    expect(crossSite.status).toBe(403);
    expect(await db.count("sessions")).toBe(2);
    expect((await session(auth, laptop)).user).toMatchObject({ id: "1" });
  });

  it("401 when signed out; 400 for an unknown action", async () => {
    const { auth } = await setup();
    const signedOut = await manage(auth, new Jar(), { action: "revoke-all" });
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toEqual({ error: "SessionRequired" });
    const laptop = await browser(auth, "ada@example.com", "Laptop/1.0");
    for (const fields of [{ action: "delete-everything" }, { action: "revoke" }, {}]) {
      const response = await manage(auth, laptop, fields);
      expect(response.status, JSON.stringify(fields)).toBe(400);
    }
    expect((await session(auth, laptop)).user).toMatchObject({ id: "1" });
  });

  it("an expired session cannot manage anything", async () => {
    const { time, auth } = await setup({ session: { maxAge: 3600 } });
    const laptop = await browser(auth, "ada@example.com", "Laptop/1.0");
    time.advance(3601);
    expect((await get(auth, "/sessions", laptop)).status).toBe(401);
  });
});

describe("auth.sessions (the server API)", () => {
  it("lists and revokes as the routes do, for the user of the request", async () => {
    const { time, auth } = await setup();
    const laptop = await browser(auth, "ada@example.com", "Laptop/1.0");
    time.advance(1);
    const phone = await browser(auth, "ada@example.com", "Phone/2.0");
    const request = new Request(`${AUTH}/anything`, { headers: { cookie: laptop.header() } });
    const listed = await auth.sessions.list(request);
    expect(listed?.map((s) => s.userAgent)).toEqual(["Phone/2.0", "Laptop/1.0"]);
    const other = listed?.find((s) => !s.current);
    expect(await auth.sessions.revoke(request, { id: other?.id ?? "" })).toEqual({ revoked: 1, cookies: [] });
    expect(await session(auth, phone)).toEqual({});
    expect(await auth.sessions.list(new Request(`${AUTH}/x`))).toBeNull();
  });
});
