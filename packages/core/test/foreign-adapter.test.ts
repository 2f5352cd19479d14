// Adapters written for next-auth v4 (or Auth.js) get exactly next-auth's arguments; Gatehouse's
// own fields go only to adapters that declare them. The next-auth-style adapter here runs on a
// real database and refuses unknown fields as Prisma does (test/next-auth-adapter.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, KEEPS_GATEHOUSE_FIELDS, type AuthConfig } from "../src/index.js";
import Email from "../src/providers/email.js";
import { memoryDatabase } from "./database.js";
import {
  AUTH,
  BASE,
  Jar,
  SESSION_COOKIE,
  clock,
  csrf,
  get,
  makeAuth,
  passwordProvider,
  postForm,
  session,
  signIn,
} from "./helpers.js";
import { argumentKeys, nextAuthStyleAdapter } from "./next-auth-adapter.js";
import { oauthSignIn, startTestIdp, type TestIdp } from "./oauth/harness.js";

let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp();
});
afterAll(async () => {
  await idp.close();
});

async function setup(overrides: Partial<AuthConfig> = {}, sessionOptions: AuthConfig["session"] = {}) {
  const db = await memoryDatabase();
  const { adapter, calls } = nextAuthStyleAdapter(db.adapter);
  const time = clock();
  const links: string[] = [];
  const auth = makeAuth({
    adapter,
    now: time.now,
    session: { strategy: "database", ...sessionOptions },
    providers: [
      Email({ sendVerificationRequest: ({ url }) => void links.push(url) }),
      { id: "local", name: "Local", type: "oidc", issuer: idp.issuer, clientId: "local", clientSecret: "local-secret" },
    ],
    ...overrides,
  });
  return { db, adapter, calls, time, auth, links };
}

/** Asks for a link, opens it and presses the confirmation page's button. */
async function emailSignIn(auth: ReturnType<typeof makeAuth>, links: string[], email: string, jar = new Jar()) {
  const csrfToken = await csrf(auth, jar);
  const asked = await postForm(auth, "/signin/email", { csrfToken, email, json: "true" }, jar);
  expect(asked.status).toBe(200);
  const link = links.at(-1);
  if (link === undefined) throw new Error("no link sent");
  // Through the confirmation page, as from another device: without the binding cookie.
  jar.cookies.delete("next-auth.email-link");
  const page = await (await get(auth, link, jar)).text();
  const fields = Object.fromEntries(
    [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
      m[1] as string,
      (m[2] as string).replace(/&amp;/g, "&"),
    ]),
  );
  const response = await postForm(auth, "/callback/email", { ...fields, json: "true" }, jar);
  return { jar, response, link };
}

describe("a next-auth adapter gets next-auth 4.24's arguments, nothing more", () => {
  it("email sign-in: createSession gets { sessionToken, userId, expires } only (Prisma: Unknown argument `createdAt`)", async () => {
    const { auth, calls, links } = await setup();
    const { jar, response } = await emailSignIn(auth, links, "nora@example.com");
    // Before the fix the adapter threw "Unknown argument `createdAt`" and the sign-in was a 503.
    expect(response.status).toBe(200);
    expect(((await response.json()) as { url: string }).url).toBe(`${BASE}/`);
    expect((await session(auth, jar)).user).toMatchObject({ email: "nora@example.com" });

    expect(argumentKeys(calls, "createVerificationToken")).toEqual([["expires,identifier,token"]]);
    expect(argumentKeys(calls, "useVerificationToken")).toEqual([["identifier,token"]]);
    expect(argumentKeys(calls, "createUser")).toEqual([["email,emailVerified"]]);
    expect(argumentKeys(calls, "createSession")).toEqual([["expires,sessionToken,userId"]]);
    // next-auth links no account for an email sign-in.
    expect(argumentKeys(calls, "linkAccount")).toEqual([]);
  });

  it("OAuth: getUserByAccount gets the key, linkAccount the account as next-auth's (type oauth), createUser the profile", async () => {
    const { auth, calls } = await setup();
    const { jar, response } = await oauthSignIn(auth, "local", "olga");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${BASE}/after`);
    expect((await session(auth, jar)).user).toMatchObject({ email: "olga@local.test", name: "olga" });

    expect(argumentKeys(calls, "getUserByAccount")).toEqual([["provider,providerAccountId"]]);
    expect(argumentKeys(calls, "createUser")).toEqual([["email,emailVerified,name"]]);
    const linked = calls.find((call) => call.method === "linkAccount")?.args[0] as Record<string, unknown>;
    expect(linked).toMatchObject({ provider: "local", providerAccountId: "olga", type: "oauth" });
    expect(Object.keys(linked).sort()).toEqual(
      [
        "access_token",
        "expires_at",
        "id_token",
        "provider",
        "providerAccountId",
        "refresh_token",
        "scope",
        "token_type",
        "type",
        "userId",
      ].sort(),
    );
    expect(argumentKeys(calls, "createSession")).toEqual([["expires,sessionToken,userId"]]);
  });

  it("linking while signed in, POST /session and sign-out: getSessionAndUser, updateSession, deleteSession as next-auth calls them", async () => {
    const { auth, calls, links, time } = await setup({}, { updateAge: 0 });
    const { jar } = await emailSignIn(auth, links, "pia@example.com");
    const before = await session(auth, jar);
    const linked = await oauthSignIn(auth, "local", "pia-elsewhere", jar);
    expect(linked.response.headers.get("location")).toBe(`${BASE}/after`);
    expect((await session(auth, jar)).user).toEqual(before.user);
    expect(argumentKeys(calls, "linkAccount")).toHaveLength(1);

    time.advance(60);
    const csrfToken = await csrf(auth, jar);
    const updated = await auth(
      new Request(`${AUTH}/session`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: jar.header() },
        body: JSON.stringify({ csrfToken, data: { theme: "dark" } }),
      }),
    );
    expect(updated.status).toBe(200);
    expect(argumentKeys(calls, "updateSession").at(-1)).toEqual(["expires,sessionToken"]);
    expect(argumentKeys(calls, "getSessionAndUser").every((keys) => keys.join() === "string")).toBe(true);

    const signOutToken = await csrf(auth, jar);
    await postForm(auth, "/signout", { csrfToken: signOutToken, json: "true" }, jar);
    expect(argumentKeys(calls, "deleteSession").at(-1)).toEqual(["string"]);
    expect(await session(auth, jar)).toEqual({});
  });
});

describe("what next-auth's adapters cannot do", () => {
  it("credentials sign-in with database sessions is refused at start-up (the adapter may not keep the app's ids)", async () => {
    const db = await memoryDatabase();
    const { adapter, calls } = nextAuthStyleAdapter(db.adapter);
    const start = () => makeAuth({ adapter, session: { strategy: "database" }, providers: [passwordProvider()] });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/set `session: \{ strategy: "jwt" \}`, or use a Gatehouse adapter/);
    // The default strategy with an adapter is "database": refused the same way.
    expect(() => makeAuth({ adapter, providers: [passwordProvider()] })).toThrow(
      /Credentials sign-in with database sessions/,
    );
    // With JWT sessions, as next-auth requires, credentials work and the adapter is not asked.
    const auth = makeAuth({ adapter, session: { strategy: "jwt" }, providers: [passwordProvider()] });
    const { jar, response } = await signIn(auth);
    expect(response.status).toBe(200);
    expect((await session(auth, jar)).user).toMatchObject({ id: "1", email: "ada@example.com" });
    expect(calls).toEqual([]);
  });

  it("signing in where the old session row is gone: a deleteSession that rejects for a missing row is no error", async () => {
    const { auth, links, db } = await setup();
    const { jar } = await emailSignIn(auth, links, "uma@example.com");
    // Revoked elsewhere: the row goes, the browser keeps its cookie.
    const rows = await db.rows("SELECT session_token FROM auth_sessions");
    for (const row of rows) await db.adapter.deleteSession(String(row.session_token));
    const again = await emailSignIn(auth, links, "uma@example.com", jar);
    expect(again.response.status).toBe(200);
    expect((await session(auth, jar)).user).toMatchObject({ email: "uma@example.com" });
  });
});

describe("absoluteMaxAge without a createdAt column", () => {
  it("is enforced with an adapter that stores no createdAt: the start rides in the cookie", async () => {
    const { auth, time, calls, links } = await setup({}, { maxAge: 3600, updateAge: 0, absoluteMaxAge: 7200 });
    const { jar } = await emailSignIn(auth, links, "quinn@example.com");
    const end = time.now() + 7200 * 1000;
    for (let i = 0; i < 3; i++) {
      time.advance(1800); // each read slides the idle expiry, never past the absolute end
      const read = await session(auth, jar);
      expect(read.user, `read ${i}`).toMatchObject({ email: "quinn@example.com" });
      expect(Date.parse(String(read.expires))).toBeLessThanOrEqual(end);
    }
    time.advance(1800); // 7200 s: over, however active the session has been
    expect(await session(auth, jar)).toEqual({});
    expect(jar.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(argumentKeys(calls, "deleteSession").length).toBeGreaterThan(0);
  });

  it("editing the start in the cookie gives an unknown session, and leaves the real one alone", async () => {
    const { auth, time, links } = await setup({}, { absoluteMaxAge: 7200 });
    const { jar } = await emailSignIn(auth, links, "rita@example.com");
    const real = jar.cookies.get(SESSION_COOKIE) ?? "";
    const [token, start] = real.split(".");
    expect(Number(start)).toBe(Math.floor(time.now() / 1000));
    time.advance(7200);
    for (const later of [Number(start) + 7200, Number(start) + 10 ** 6]) {
      const forged = new Jar();
      forged.cookies.set(SESSION_COOKIE, `${token}.${later}`);
      expect(await session(auth, forged), String(later)).toEqual({});
    }
    // A cookie from before starts were carried (no start, no createdAt) cannot be vouched for either.
    const bare = new Jar();
    bare.cookies.set(SESSION_COOKIE, token ?? "");
    expect(await session(auth, bare)).toEqual({});
    // The real cookie is over too — its start is the real one.
    expect(await session(auth, jar)).toEqual({});
  });

  it("a session is alive until then: the edited cookies fail while the real one still reads", async () => {
    const { auth, time, links } = await setup({}, { absoluteMaxAge: 7200 });
    const { jar } = await emailSignIn(auth, links, "sami@example.com");
    const [token, start] = (jar.cookies.get(SESSION_COOKIE) ?? "").split(".");
    time.advance(3600);
    const forged = new Jar();
    forged.cookies.set(SESSION_COOKIE, `${token}.${Number(start) + 3600}`);
    expect(await session(auth, forged)).toEqual({});
    expect((await session(auth, jar)).user).toMatchObject({ email: "sami@example.com" });
  });
});

describe("adapters that declare Gatehouse's fields", () => {
  it("first-party adapters declare them, and get them: the session list shows createdAt, lastSeenAt, userAgent", async () => {
    const db = await memoryDatabase();
    // (The adapter's types come from the built package, whose symbol is another declaration.)
    expect((db.adapter as Record<symbol, unknown>)[KEEPS_GATEHOUSE_FIELDS]).toBe(true);
    expect(KEEPS_GATEHOUSE_FIELDS).toBe(Symbol.for("gatehouse.adapter.keepsGatehouseFields"));
    const time = clock();
    // An app's spread over a first-party adapter keeps the declaration.
    const auth = makeAuth({ adapter: { ...db.adapter }, now: time.now, session: { strategy: "database" } });
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    await postForm(
      auth,
      "/callback/credentials",
      { csrfToken, email: "ada@example.com", password: "correct horse", json: "true" },
      jar,
      { "user-agent": "Laptop/1.0" },
    );
    const listed = await auth.sessions.list(new Request(`${BASE}/account`, { headers: { cookie: jar.header() } }));
    const at = new Date(time.now()).toISOString();
    expect(listed).toMatchObject([{ current: true, createdAt: at, lastSeenAt: at, userAgent: "Laptop/1.0" }]);
  });

  it("a next-auth adapter keeps no session list: listing sessions is refused with a ConfigError saying what is missing", async () => {
    const { auth, links } = await setup();
    const { jar } = await emailSignIn(auth, links, "tess@example.com");
    const request = new Request(`${BASE}/account`, { headers: { cookie: jar.header() } });
    await expect(auth.sessions.list(request)).rejects.toThrow(ConfigError);
    await expect(auth.sessions.list(request)).rejects.toThrow(/listSessions and deleteUserSessions/);
  });

  it("token refresh with database sessions needs updateAccount, which next-auth adapters lack: refused at start-up", () => {
    const { adapter } = nextAuthStyleAdapter({} as never); // never called: start-up refuses
    expect(() =>
      makeAuth({
        adapter,
        session: { strategy: "database" },
        providers: [
          {
            id: "local",
            name: "Local",
            type: "oidc",
            issuer: idp.issuer,
            clientId: "local",
            clientSecret: "x",
            refresh: true,
          },
        ],
      }),
    ).toThrow(/lacks getAccount, updateAccount, which token refresh with database sessions need/);
  });
});
