// Database sessions (`session.strategy: "database"`) on a real database: SQLite in memory.
import { describe, expect, it, vi } from "vitest";
import type { AuthConfig, User } from "../src/index.js";
import { memoryDatabase, sessionHash, type TestDatabase } from "./database.js";
import {
  AUTH,
  Jar,
  SESSION_COOKIE,
  clock,
  csrf,
  get,
  makeAuth,
  postForm,
  session,
  setCookies,
  signIn,
} from "./helpers.js";

async function setup(overrides: Partial<AuthConfig> = {}, sessionOptions: AuthConfig["session"] = {}) {
  const db = await memoryDatabase();
  const time = clock();
  const auth = makeAuth({
    adapter: db.adapter,
    now: time.now,
    ...overrides,
    session: { strategy: "database", ...sessionOptions },
  });
  return { db, time, auth };
}

async function sessionRows(db: TestDatabase) {
  return db.rows("SELECT * FROM auth_sessions");
}

function cookieOf(jar: Jar): string {
  const value = jar.cookies.get(SESSION_COOKIE);
  if (value === undefined) throw new Error("no session cookie in the jar");
  return value;
}

function expectCleared(response: Response): void {
  const cleared = setCookies(response).find((c) => c.name === SESSION_COOKIE);
  expect(cleared?.value).toBe("");
  expect(cleared?.attributes["max-age"]).toBe("0");
}

describe("database sessions: sign-in", () => {
  it("stores a row for the user and gives the browser an opaque token, not a JWT; the row holds only its hash", async () => {
    const { db, time, auth } = await setup();
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(
      auth,
      "/callback/credentials",
      { csrfToken, email: "ada@example.com", password: "correct horse", json: "true" },
      jar,
      { "user-agent": "Vitest/1.0 (database sessions)" },
    );
    expect(response.status).toBe(200);
    const token = cookieOf(jar);
    // 32 random bytes, base64url, and the session's start in seconds: no JWS/JWE structure.
    expect(token).toBe(`${token.slice(0, 43)}.${Math.floor(time.now() / 1000)}`);
    expect(token.slice(0, 43)).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const rows = await sessionRows(db);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.session_token).toBe(sessionHash(token));
    expect(row.session_token).not.toBe(token);
    expect(row.user_id).toBe("1");
    expect(Number(row.created_at)).toBe(time.now());
    expect(Number(row.last_seen_at)).toBe(time.now());
    expect(Number(row.expires)).toBe(time.now() + 30 * 24 * 3600 * 1000);
    expect(row.user_agent).toBe("Vitest/1.0 (database sessions)");

    const cookie = setCookies(response).find((c) => c.name === SESSION_COOKIE);
    expect(cookie?.attributes.httponly).toBe(true);
    expect(Date.parse(String(cookie?.attributes.expires))).toBe(
      Math.floor((time.now() + 30 * 24 * 3600 * 1000) / 1000) * 1000,
    );
  });

  it("GET /session answers with the user from the database", async () => {
    const { auth, time } = await setup({}, { maxAge: 3600 });
    const { jar } = await signIn(auth);
    expect(await session(auth, jar)).toEqual({
      user: { id: "1", name: "Ada Lovelace", email: "ada@example.com", image: null },
      expires: new Date(time.now() + 3600 * 1000).toISOString(),
    });
  });

  it("with two-factor on, the session also says when and how the user authenticated (step-up)", async () => {
    const { auth, time } = await setup({ twoFactor: {} }, { maxAge: 3600 });
    const { jar } = await signIn(auth);
    expect(await session(auth, jar)).toEqual({
      user: { id: "1", name: "Ada Lovelace", email: "ada@example.com", image: null },
      expires: new Date(time.now() + 3600 * 1000).toISOString(),
      authenticatedAt: new Date(time.now()).toISOString(),
      amr: ["pwd"],
    });
  });

  it("a second sign-in in the same browser replaces the session: the old row is deleted", async () => {
    const { db, auth } = await setup();
    const { jar } = await signIn(auth);
    const first = cookieOf(jar);
    await signIn(auth, "bob@example.com", undefined, jar);
    const rows = await sessionRows(db);
    expect(rows.map((row) => row.user_id)).toEqual(["2"]);
    expect(rows[0]?.session_token).not.toBe(sessionHash(first));
    expect((await session(auth, jar)).user).toMatchObject({ id: "2" });
  });

  it("defaults to database sessions when an adapter is configured", async () => {
    const db = await memoryDatabase();
    const auth = makeAuth({ adapter: db.adapter });
    expect(auth.config.session.strategy).toBe("database");
    const { jar } = await signIn(auth);
    expect(cookieOf(jar)).toMatch(/^[A-Za-z0-9_-]{43}\.[0-9]+$/);
    expect(await db.count("sessions")).toBe(1);
    expect((await session(auth, jar)).user).toMatchObject({ id: "1" });
  });

  it("uses session.generateSessionToken, still storing only the hash", async () => {
    const made = `custom-${"x".repeat(40)}`;
    const { db, time, auth } = await setup({}, { generateSessionToken: () => made });
    const { jar } = await signIn(auth);
    const value = `${made}.${Math.floor(time.now() / 1000)}`;
    expect(cookieOf(jar)).toBe(value);
    expect((await sessionRows(db))[0]?.session_token).toBe(sessionHash(value));
  });
});

describe("database sessions: reads, updateAge and expiry", () => {
  it("updateAge throttles writes: reads within it write nothing; the first read after it slides the expiry once", async () => {
    const { db, time, auth } = await setup({}, { maxAge: 3600, updateAge: 600 });
    const { jar } = await signIn(auth);
    const start = time.now();
    const writes = vi.spyOn(db.adapter, "updateSession");

    time.advance(100);
    const first = await get(auth, "/session", jar);
    time.advance(200);
    const second = await get(auth, "/session", jar);
    expect(writes).not.toHaveBeenCalled();
    expect(first.headers.getSetCookie()).toEqual([]);
    expect(second.headers.getSetCookie()).toEqual([]);
    expect(((await second.json()) as { expires: string }).expires).toBe(new Date(start + 3600_000).toISOString());
    let row = (await sessionRows(db))[0]!;
    expect(Number(row.last_seen_at)).toBe(start);
    expect(Number(row.expires)).toBe(start + 3600_000);

    time.advance(400); // 700 s after sign-in
    const due = await get(auth, "/session", jar);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(((await due.json()) as { expires: string }).expires).toBe(new Date(start + 4300_000).toISOString());
    const cookie = setCookies(due).find((c) => c.name === SESSION_COOKIE);
    expect(Date.parse(String(cookie?.attributes.expires))).toBe(Math.floor((start + 4300_000) / 1000) * 1000);
    row = (await sessionRows(db))[0]!;
    expect(Number(row.last_seen_at)).toBe(start + 700_000);
    expect(Number(row.expires)).toBe(start + 4300_000);

    time.advance(60);
    await get(auth, "/session", jar);
    expect(writes).toHaveBeenCalledTimes(1);
  });

  it("an idle session expires after maxAge: null session, row removed, cookie cleared", async () => {
    const { db, time, auth } = await setup({}, { maxAge: 3600, updateAge: 600 });
    const { jar } = await signIn(auth);
    await signIn(auth, "bob@example.com"); // someone else's session must survive
    time.advance(3599);
    expect((await session(auth, jar)).user).toMatchObject({ id: "1" });
    time.advance(3600);
    const response = await get(auth, "/session", jar);
    expect(await response.json()).toEqual({});
    expectCleared(response);
    expect(jar.cookies.has(SESSION_COOKIE)).toBe(false);
    expect((await sessionRows(db)).map((row) => row.user_id)).toEqual(["2"]);
  });

  it("absoluteMaxAge ends a session however active it is", async () => {
    const { db, time, auth } = await setup({}, { maxAge: 3600, updateAge: 0, absoluteMaxAge: 7200 });
    const { jar } = await signIn(auth);
    const end = time.now() + 7200 * 1000;
    for (let i = 0; i < 3; i++) {
      time.advance(1800); // 1800, 3600, 5400: each read slides the idle expiry…
      const read = await session(auth, jar);
      expect(read.user, `read ${i}`).toMatchObject({ id: "1" });
      // …but never past the absolute end, in the row, the reported expiry, or the cookie.
      expect(Date.parse(String(read.expires))).toBe(Math.min(time.now() + 3600 * 1000, end));
    }
    expect(Number((await sessionRows(db))[0]?.expires)).toBe(end);
    time.advance(1800); // 7200: the absolute lifetime is over
    const response = await get(auth, "/session", jar);
    expect(await response.json()).toEqual({});
    expectCleared(response);
    expect(await db.count("sessions")).toBe(0);
  });

  it("an unknown token is no session and its cookie is cleared; nobody else's row is touched", async () => {
    const { db, auth } = await setup();
    await signIn(auth);
    const jar = new Jar();
    jar.cookies.set(SESSION_COOKIE, "A".repeat(43));
    const response = await get(auth, "/session", jar);
    expect(await response.json()).toEqual({});
    expectCleared(response);
    expect(await db.count("sessions")).toBe(1);
  });

  it("a tampered cookie is refused, and does not end the real session", async () => {
    const { db, auth } = await setup();
    const { jar } = await signIn(auth);
    const real = cookieOf(jar);
    const last = real.at(-1) === "A" ? "B" : "A";
    for (const forged of [`${real.slice(0, -1)}${last}`, `${real}x`, real.toLowerCase(), "x".repeat(600)]) {
      const thief = new Jar();
      thief.cookies.set(SESSION_COOKIE, forged);
      const response = await get(auth, "/session", thief);
      expect(await response.json(), forged).toEqual({});
      expectCleared(response);
    }
    expect(await db.count("sessions")).toBe(1);
    expect((await session(auth, jar)).user).toMatchObject({ id: "1" });
  });

  it("a JWT from a JWT-strategy instance with the same secret is not a database session", async () => {
    const { auth } = await setup();
    const { jar } = await signIn(makeAuth());
    expect(cookieOf(jar).split(".")).toHaveLength(5);
    expect(await session(auth, jar)).toEqual({});
  });
});

describe("database sessions: callbacks and events", () => {
  it("the session callback gets { session, user } with the database user, and shapes the answer", async () => {
    const seen: Record<string, unknown>[] = [];
    const events: unknown[] = [];
    const { auth } = await setup({
      callbacks: {
        session: (params) => {
          seen.push(params);
          // Read loosely on purpose: with JWT sessions `user` is absent.
          const { user } = params as { user?: User };
          return { ...params.session, user: { ...params.session.user, verified: user?.emailVerified ?? null } };
        },
      },
      events: { session: (message) => void events.push(message) },
    });
    const { jar } = await signIn(auth);
    const body = await session(auth, jar);
    // next-auth v4's default database session: name, email and image — the id is the callback's to add.
    expect(body.user).toEqual({
      name: "Ada Lovelace",
      email: "ada@example.com",
      image: null,
      verified: null,
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.session).toMatchObject({ user: { email: "ada@example.com" } });
    expect(seen[0]?.user).toMatchObject({ id: "1", email: "ada@example.com" });
    expect(seen[0]?.user).toMatchObject({ id: "1", email: "ada@example.com", emailVerified: null });
    expect(events).toMatchObject([{ session: { user: { verified: null } }, user: { id: "1" } }]);
  });

  it("POST /session runs the session callback with trigger 'update' and the posted data", async () => {
    const { auth } = await setup({
      callbacks: {
        session: ({ session: s, trigger, newSession }) => (trigger === "update" ? { ...s, newSession } : s),
      },
    });
    const { jar } = await signIn(auth);
    const csrfToken = await csrf(auth, jar);
    const response = await auth(
      new Request(`${AUTH}/session`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: jar.header() },
        body: JSON.stringify({ csrfToken, data: { theme: "dark" } }),
      }),
    );
    expect(await response.json()).toMatchObject({ user: { email: "ada@example.com" }, newSession: { theme: "dark" } });
  });
});

describe("database sessions: sign-out", () => {
  it("POST signout (with CSRF) deletes the row and clears the cookie; a copied cookie stops working", async () => {
    const events: unknown[] = [];
    const { db, auth } = await setup({ events: { signOut: (message) => void events.push(message) } });
    const { jar } = await signIn(auth);
    const stolen = new Jar();
    stolen.cookies.set(SESSION_COOKIE, cookieOf(jar));
    await signIn(auth, "bob@example.com");

    const csrfToken = await csrf(auth, jar);
    const response = await postForm(auth, "/signout", { csrfToken, callbackUrl: "/bye" }, jar);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://localhost:3000/bye");
    expectCleared(response);
    expect((await sessionRows(db)).map((row) => row.user_id)).toEqual(["2"]);
    expect(await session(auth, stolen)).toEqual({});
    expect(events).toMatchObject([{ token: null, session: { userId: "1" } }]);
  });

  it("refuses a sign-out without the CSRF token: the session stays", async () => {
    const { db, auth } = await setup();
    const { jar } = await signIn(auth);
    const response = await postForm(auth, "/signout", { json: "true" }, jar);
    expect(response.status).toBe(403);
    expect(setCookies(response).some((c) => c.name === SESSION_COOKIE)).toBe(false);
    expect(await db.count("sessions")).toBe(1);
    expect((await session(auth, jar)).user).toMatchObject({ id: "1" });
  });
});
