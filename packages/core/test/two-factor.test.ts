// Two-factor authentication through the public API (createAuth + Request) on real databases
// (SQLite in memory, and PostgreSQL): enrolment, the sign-in gate with no session before the
// code is right, codes used once, backup codes used once, rate-limited failures, the pending
// sign-in's binding to the browser, trusted devices, turning it off, and step-up.
import { createHmac } from "node:crypto";
import { bcrypt } from "hash-wasm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { dropTables, serviceAvailable } from "@gatehouse/adapter-test";
import { PostgresAdapter } from "@gatehouse/adapter-postgres";
import { SQLiteAdapter } from "@gatehouse/adapter-sqlite";
import type { Adapter, AuthConfig, AuthHandler, DatabaseAdapter } from "../src/index.js";
import Password from "../src/providers/password.js";
import {
  BASE,
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

/** RFC 6238 TOTP written here from the RFC (HMAC-SHA1, 6 digits, 30 s), independent of the library. */
function totp(base32: string, nowMs: number, stepOffset = 0): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of base32.replace(/=+$/, "")) bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
  return hotp(key, Math.floor(nowMs / 30_000) + stepOffset, 6);
}

function hotp(key: Buffer, counter: number, digits: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", key).update(message).digest();
  const offset = (mac[mac.length - 1] as number) & 0xf;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

const POSTGRES_URL = process.env.GATEHOUSE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const postgresUp = await serviceAvailable("PostgreSQL", async () => {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  await client.end();
});

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

type Db = { adapter: Adapter; rows: (sql: string, args?: unknown[]) => Promise<Record<string, unknown>[]> };

async function sqlite(): Promise<Db> {
  const { createClient } = await import("@libsql/client");
  const client = createClient({ url: ":memory:" });
  const adapter = SQLiteAdapter(client);
  await adapter.migrate();
  return {
    adapter,
    rows: async (sql, args = []) =>
      (await client.execute({ sql, args: args as never[] })).rows.map((row) => ({ ...row })),
  };
}

async function postgres(): Promise<Db> {
  const prefix = `tf${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}_`;
  const adapter = PostgresAdapter(POSTGRES_URL, { tablePrefix: prefix });
  await adapter.migrate();
  const pool = new pg.Pool({ connectionString: POSTGRES_URL });
  closers.push(async () => {
    for (const statement of dropTables(prefix, "postgres")) await pool.query(statement);
    await pool.end();
    await adapter.close();
  });
  return {
    adapter,
    rows: async (sql, args = []) => {
      let index = 0;
      const text = sql.replace(/auth_/g, prefix).replace(/\?/g, () => `$${++index}`);
      return (await pool.query(text, args)).rows as Record<string, unknown>[];
    },
  };
}

interface Setup {
  auth: AuthHandler;
  db: Db;
  time: ReturnType<typeof clock>;
}

async function setup(database: () => Promise<Db>, options: Partial<AuthConfig> = {}): Promise<Setup> {
  const db = await database();
  // On a step boundary plus 5 s, so "the next code" is always the next step's.
  const time = clock(Math.floor(Date.UTC(2026, 11, 1, 12) / 30_000) * 30_000 + 5_000);
  const auth = makeAuth({ adapter: db.adapter, now: time.now, twoFactor: {}, ...options });
  return { auth, db, time };
}

async function post(auth: AuthHandler, jar: Jar, path: string, fields: Record<string, string> = {}): Promise<Response> {
  const csrfToken = await csrf(auth, jar);
  return postForm(auth, path, { csrfToken, json: "true", ...fields }, jar);
}

/** Signs Ada in and turns two-factor on; resolves with her secret, backup codes and jar. */
async function enrol(s: Setup): Promise<{ secret: string; backupCodes: string[]; jar: Jar }> {
  const { jar, response } = await signIn(s.auth);
  expect(response.status).toBe(200);
  const enabled = await post(s.auth, jar, "/two-factor/enable");
  expect(enabled.status).toBe(200);
  const { secret } = (await enabled.json()) as { secret: string };
  const confirmed = await post(s.auth, jar, "/two-factor/verify", { code: totp(secret, s.time.now()) });
  expect(confirmed.status).toBe(200);
  const { backupCodes } = (await confirmed.json()) as { backupCodes: string[] };
  s.time.advance(30);
  return { secret, backupCodes, jar };
}

/** A fresh browser through the first factor: the jar holds only the pending sign-in. */
async function firstFactor(s: Setup, jar = new Jar()): Promise<{ jar: Jar; response: Response }> {
  const { response } = await signIn(s.auth, "ada@example.com", undefined, jar);
  return { jar, response };
}

async function secondFactor(s: Setup, jar: Jar, code: string, extra: Record<string, string> = {}): Promise<Response> {
  return post(s.auth, jar, "/two-factor", { code, ...extra });
}

describe("TOTP (RFC 6238)", () => {
  it("matches the RFC's SHA-1 test vectors, which the test's own implementation reproduces", async () => {
    const { matchTotp, totpCode } = await import("../src/features/two-factor/totp.js");
    // RFC 6238 Appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits).
    const key = Buffer.from("12345678901234567890");
    expect(hotp(key, 1, 8)).toBe("94287082");
    const base32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(await totpCode(base32, 1)).toBe("287082");
    expect(await totpCode(base32, Math.floor(1111111109 / 30))).toBe(hotp(key, Math.floor(1111111109 / 30), 6));
    // One step of drift either way, not two.
    const now = 1_111_111_109_000;
    expect(await matchTotp(base32, totp(base32, now, -1), now)).toBe(Math.floor(now / 30_000) - 1);
    expect(await matchTotp(base32, totp(base32, now, 1), now)).toBe(Math.floor(now / 30_000) + 1);
    expect(await matchTotp(base32, totp(base32, now, 2), now)).toBeNull();
    expect(await matchTotp(base32, "12345", now)).toBeNull();
  });
});

const DATABASES: [string, () => Promise<Db>, boolean][] = [
  ["SQLite", sqlite, true],
  ["PostgreSQL", postgres, postgresUp],
];

describe.each(DATABASES)("two-factor on %s", (_name, database, available) => {
  describe.skipIf(!available)("", () => {
    it("enrols with a QR code and a confirming code, and stores the secret encrypted and the backup codes hashed", async () => {
      const s = await setup(database);
      const { jar } = await signIn(s.auth);
      const response = await post(s.auth, jar, "/two-factor/enable");
      const body = (await response.json()) as { secret: string; uri: string; qrCode: string };
      expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(body.uri).toBe(
        `otpauth://totp/localhost:ada%40example.com?issuer=localhost&secret=${body.secret}&algorithm=SHA1&digits=6&period=30`,
      );
      expect(body.qrCode).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>.*<\/svg>\s*$/s);
      const [row] = await s.db.rows("SELECT * FROM auth_two_factor WHERE user_id = ?", ["1"]);
      expect(String(row?.secret)).not.toContain(body.secret);
      expect(row?.enabled_at).toBeNull();
      // Not on until confirmed: a sign-in goes straight through.
      expect((await firstFactor(s)).jar.cookies.has(SESSION_COOKIE)).toBe(true);

      const wrong = await post(s.auth, jar, "/two-factor/verify", { code: "000000" });
      expect(wrong.status).toBe(400);
      expect(await wrong.json()).toEqual({ error: "TwoFactorInvalidCode" });
      const confirmed = await post(s.auth, jar, "/two-factor/verify", { code: totp(body.secret, s.time.now()) });
      const { backupCodes } = (await confirmed.json()) as { backupCodes: string[] };
      expect(backupCodes).toHaveLength(10);
      expect(new Set(backupCodes).size).toBe(10);
      const stored = await s.db.rows("SELECT code_hash FROM auth_backup_codes WHERE user_id = ?", ["1"]);
      expect(stored).toHaveLength(10);
      for (const code of backupCodes) expect(JSON.stringify(stored)).not.toContain(code.replace("-", ""));
      const status = await get(s.auth, "/two-factor/status", jar);
      expect(await status.json()).toEqual({ enabled: true, backupCodes: 10 });
    });

    it("holds the sign-in at the code page with no session cookie, then signs in with the right code", async () => {
      const s = await setup(database);
      const { secret } = await enrol(s);
      const { jar, response } = await firstFactor(s);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ url: `${BASE}/api/auth/two-factor`, twoFactor: true });
      // No session cookie between the two factors, and no session.
      expect(setCookies(response).map((cookie) => cookie.name)).not.toContain(SESSION_COOKIE);
      expect([...jar.cookies.keys()].filter((name) => name.startsWith(SESSION_COOKIE))).toEqual([]);
      expect(jar.cookies.has("next-auth.two-factor")).toBe(true);
      const pending = setCookies(response).find((cookie) => cookie.name === "next-auth.two-factor");
      expect(pending?.attributes.httponly).toBe(true);
      expect(pending?.attributes["max-age"]).toBe("300");
      expect(await session(s.auth, jar)).toEqual({});
      expect(await s.db.rows("SELECT * FROM auth_sessions")).toHaveLength(1); // enrol()'s own

      const page = await get(s.auth, "/two-factor", jar);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('autocomplete="one-time-code"');
      expect(html).toContain("Trust this device for 30 days");

      // The form, as a browser posts it: redirected to the landing with the session cookie.
      const csrfToken = await csrf(s.auth, jar);
      const done = await postForm(s.auth, "/two-factor", { csrfToken, code: totp(secret, s.time.now()) }, jar);
      expect(done.status).toBe(302);
      expect(done.headers.get("location")).toBe(`${BASE}/`);
      expect(jar.cookies.has(SESSION_COOKIE)).toBe(true);
      expect(jar.cookies.has("next-auth.two-factor")).toBe(false);
      const signedIn = await session(s.auth, jar);
      expect(signedIn).toMatchObject({ user: { email: "ada@example.com" }, amr: ["pwd", "otp", "mfa"] });
      expect(signedIn.authenticatedAt).toBe(new Date(s.time.now()).toISOString());
    });

    it("refuses a reused code, a wrong code, and a backup code used twice", async () => {
      const s = await setup(database);
      const { secret, backupCodes } = await enrol(s);
      const code = totp(secret, s.time.now());
      const first = await firstFactor(s);
      expect((await secondFactor(s, first.jar, code)).status).toBe(200);

      // The same code again, in its own time window, in another sign-in: refused.
      const again = await firstFactor(s);
      const reused = await secondFactor(s, again.jar, code);
      expect(reused.status).toBe(400);
      expect(await reused.json()).toEqual({ error: "TwoFactorInvalidCode" });
      expect(again.jar.cookies.has(SESSION_COOKIE)).toBe(false);
      // An older step's code (within the drift window) is refused too: steps only go forward.
      expect((await secondFactor(s, again.jar, totp(secret, s.time.now(), -1))).status).toBe(400);
      const wrong = await secondFactor(s, again.jar, code === "123456" ? "654321" : "123456");
      expect(wrong.status).toBe(400);
      expect(again.jar.cookies.has(SESSION_COOKIE)).toBe(false);
      // The next step's code works.
      s.time.advance(30);
      expect((await secondFactor(s, again.jar, totp(secret, s.time.now()))).status).toBe(200);

      const backup = backupCodes[3] as string;
      const third = await firstFactor(s);
      const used = await secondFactor(s, third.jar, backup.toUpperCase());
      expect(used.status).toBe(200);
      expect(await session(s.auth, third.jar)).toMatchObject({ amr: ["pwd", "otp", "mfa"] });
      const fourth = await firstFactor(s);
      const twice = await secondFactor(s, fourth.jar, backup);
      expect(twice.status).toBe(400);
      expect(fourth.jar.cookies.has(SESSION_COOKIE)).toBe(false);
      expect(await (await get(s.auth, "/two-factor/status", third.jar)).json()).toEqual({
        enabled: true,
        backupCodes: 9,
      });
    });

    it("uses a pending sign-in once, only in the browser it began in, and only until it expires", async () => {
      const s = await setup(database);
      const { secret } = await enrol(s);
      const { jar } = await firstFactor(s);
      const copy = new Jar();
      copy.cookies.set("next-auth.two-factor", jar.cookies.get("next-auth.two-factor") as string);
      // Another browser (its own CSRF cookie) with the copied pending cookie gets nothing.
      const stolen = await secondFactor(s, copy, totp(secret, s.time.now()));
      expect(stolen.status).toBe(400);
      expect(await stolen.json()).toEqual({ error: "TwoFactorExpired" });
      expect(copy.cookies.has(SESSION_COOKIE)).toBe(false);

      const replay = new Map(jar.cookies);
      expect((await secondFactor(s, jar, totp(secret, s.time.now()))).status).toBe(200);
      // The same pending cookie again, with a fresh code: spent.
      s.time.advance(30);
      const again = new Jar();
      for (const [name, value] of replay) again.cookies.set(name, value);
      const spent = await secondFactor(s, again, totp(secret, s.time.now()));
      expect(await spent.json()).toEqual({ error: "TwoFactorExpired" });
      expect(again.cookies.has(SESSION_COOKIE)).toBe(false);

      // Expired after pendingMaxAge.
      const late = await firstFactor(s);
      s.time.advance(301 + 15); // past pendingMaxAge and the 15-second clock tolerance
      const expired = await secondFactor(s, late.jar, totp(secret, s.time.now()));
      expect(await expired.json()).toEqual({ error: "TwoFactorExpired" });
    });

    it("ends a sign-in waiting for its code at sign-out", async () => {
      const s = await setup(database);
      const { secret } = await enrol(s);
      const { jar } = await firstFactor(s);
      expect(jar.cookies.has("next-auth.two-factor")).toBe(true);
      expect((await post(s.auth, jar, "/signout")).status).toBe(200);
      expect(jar.cookies.has("next-auth.two-factor")).toBe(false);
      expect((await secondFactor(s, jar, totp(secret, s.time.now()))).status).toBe(401);
      expect(jar.cookies.has(SESSION_COOKIE)).toBe(false);
    });

    it("rate-limits failed codes per user, before the code is checked, and a right code does not count", async () => {
      const s = await setup(database);
      const { secret } = await enrol(s);
      const { jar } = await firstFactor(s);
      // No client address here: `rateLimit.perIdentifier` (10 per 15 minutes) is the user's limit.
      for (let i = 0; i < 10; i++) expect((await secondFactor(s, jar, "000000")).status).toBe(400);
      const limited = await secondFactor(s, jar, totp(secret, s.time.now()));
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toMatch(/^[0-9]+$/);
      expect(jar.cookies.has(SESSION_COOKIE)).toBe(false);
      s.time.advance(901);
      const fresh = await firstFactor(s);
      expect((await secondFactor(s, fresh.jar, totp(secret, s.time.now()))).status).toBe(200);
    });

    it("lets a trusted device skip the code until the user forgets their devices", async () => {
      const s = await setup(database);
      const { secret, jar: account } = await enrol(s);
      const browser = new Jar();
      await firstFactor(s, browser);
      expect((await secondFactor(s, browser, totp(secret, s.time.now()), { trustDevice: "true" })).status).toBe(200);
      expect(browser.cookies.has("next-auth.two-factor-device")).toBe(true);
      browser.cookies.delete(SESSION_COOKIE);
      await firstFactor(s, browser);
      expect(browser.cookies.has(SESSION_COOKIE)).toBe(true);
      s.time.advance(1);
      expect((await post(s.auth, account, "/two-factor/forget-devices")).status).toBe(200);
      s.time.advance(1);
      browser.cookies.delete(SESSION_COOKIE);
      const asked = await firstFactor(s, browser);
      expect(await asked.response.json()).toMatchObject({ twoFactor: true });
      expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    });

    it("turns off only with a right code, and sign-ins then go straight through", async () => {
      const s = await setup(database);
      const { secret, jar } = await enrol(s);
      expect((await post(s.auth, jar, "/two-factor/disable", { code: "000000" })).status).toBe(400);
      expect((await post(s.auth, jar, "/two-factor/disable", { code: totp(secret, s.time.now()) })).status).toBe(200);
      expect(await s.db.rows("SELECT * FROM auth_two_factor")).toHaveLength(0);
      expect(await s.db.rows("SELECT * FROM auth_backup_codes")).toHaveLength(0);
      expect((await firstFactor(s)).jar.cookies.has(SESSION_COOKIE)).toBe(true);
      expect(await (await get(s.auth, "/two-factor/status", jar)).json()).toEqual({ enabled: false, backupCodes: 0 });
    });

    it("does not open a secret copied onto another user's row (the ciphertext is bound to its user)", async () => {
      const s = await setup(database);
      const { secret } = await enrol(s);
      const [ada] = await s.db.rows("SELECT * FROM auth_two_factor WHERE user_id = ?", ["1"]);
      // Bob's row gets Ada's encrypted secret, as a database writer might try.
      await s.db.adapter.setTwoFactor?.({
        userId: "2",
        secret: String(ada?.secret),
        enabledAt: new Date(s.time.now()),
        lastUsedStep: null,
        trustedAfter: null,
      });
      const bob = new Jar();
      await signIn(s.auth, "bob@example.com", undefined, bob);
      const refused = await secondFactor(s, bob, totp(secret, s.time.now()));
      expect(refused.status).toBe(400);
      expect(bob.cookies.has(SESSION_COOKIE)).toBe(false);
    });

    it("offers the same operations to the app's server code (auth.api.twoFactor)", async () => {
      const s = await setup(database);
      const { jar } = await signIn(s.auth);
      const request = new Request(`${BASE}/account`, { headers: { cookie: jar.header() } });
      const enrolment = (await s.auth.api.twoFactor.enable(request)).value;
      expect(enrolment?.uri).toMatch(/^otpauth:\/\/totp\//);
      const verified = await s.auth.api.twoFactor.verify(request, totp(enrolment?.secret ?? "", s.time.now()));
      expect(verified.value).toMatchObject({ ok: true, backupCodes: expect.any(Array) as unknown });
      expect((await s.auth.api.twoFactor.status(request)).value).toEqual({ enabled: true, backupCodes: 10 });
      expect((await s.auth.api.twoFactor.backupCodes(request)).value).toHaveLength(10);
      expect((await s.auth.api.twoFactor.disable(request, "000000")).value).toBe(false);
      expect((await s.auth.api.twoFactor.status(new Request(`${BASE}/`))).value).toBeNull();
    });

    it("turns off with the account's password instead of a code (Password provider), never a wrong one", async () => {
      const mailed: string[] = [];
      const send = ({ kind }: { kind: string }) => void mailed.push(kind);
      const password = Password({
        sendMail: { verifyEmail: send, resetPassword: send, passwordChanged: send, accountExists: send },
      });
      const s = await setup(database, { providers: [password] });
      const adapter = s.db.adapter as DatabaseAdapter;
      const email = `pat-${Date.now()}@example.com`;
      const hash = await bcrypt({
        password: "pat's long password",
        salt: new Uint8Array(16).fill(7),
        costFactor: 4,
        outputType: "encoded",
      });
      await adapter.createUserWithPassword({ email, emailVerified: new Date(), name: "Pat" }, hash);
      const jar = new Jar();
      const signedIn = await post(s.auth, jar, "/callback/password", { email, password: "pat's long password" });
      expect(signedIn.status).toBe(200);
      jar.take(signedIn);
      const enabled = await post(s.auth, jar, "/two-factor/enable");
      const { secret } = (await enabled.json()) as { secret: string };
      expect((await post(s.auth, jar, "/two-factor/verify", { code: totp(secret, s.time.now()) })).status).toBe(200);

      const wrong = await post(s.auth, jar, "/two-factor/disable", { password: "not the password" });
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toMatchObject({ error: "CredentialsSignin" });
      const status = async (): Promise<unknown> => (await get(s.auth, "/two-factor/status", jar)).json();
      expect(await status()).toMatchObject({ enabled: true });
      // A password only counts for accounts that have one: an empty one is not "no password".
      expect((await post(s.auth, jar, "/two-factor/disable", { password: "" })).status).toBe(401);

      const right = await post(s.auth, jar, "/two-factor/disable", { password: "pat's long password" });
      expect(right.status).toBe(200);
      expect(await status()).toMatchObject({ enabled: false });
    });

    it("asks only after the first factors `requireFor` lists", async () => {
      const s = await setup(database, { twoFactor: { requireFor: ["oauth", "oidc"] } });
      await enrol(s);
      expect((await firstFactor(s)).jar.cookies.has(SESSION_COOKIE)).toBe(true);
    });

    it("steps up an old session with a code, recording the new authentication (database and JWT sessions)", async () => {
      for (const strategy of ["database", "jwt"] as const) {
        const s = await setup(database, { session: { strategy } });
        const { secret } = await enrol(s);
        const { jar } = await firstFactor(s);
        await secondFactor(s, jar, totp(secret, s.time.now()));
        const started = (await session(s.auth, jar)).authenticatedAt;
        s.time.advance(600);
        // Signed in with two-factor on: the page is the step-up form.
        const page = await get(s.auth, "/two-factor?callbackUrl=%2Fbilling", jar);
        expect(await page.text()).toContain("Confirm it");
        const csrfToken = await csrf(s.auth, jar);
        const stepped = await postForm(
          s.auth,
          "/two-factor",
          { csrfToken, code: totp(secret, s.time.now()), callbackUrl: `${BASE}/billing` },
          jar,
        );
        expect(stepped.status).toBe(302);
        expect(stepped.headers.get("location")).toBe(`${BASE}/billing`);
        const after = await session(s.auth, jar);
        expect(after.authenticatedAt).toBe(new Date(s.time.now()).toISOString());
        expect(after.authenticatedAt).not.toBe(started);
        expect(after.amr).toEqual(["otp", "mfa"]);
      }
    });
  });
});

describe("two-factor configuration", () => {
  it("needs the adapter's twoFactor methods, and names the option on a bad value", async () => {
    expect(() => makeAuth({ twoFactor: {} })).toThrow(/twoFactor/);
    const { adapter } = await sqlite();
    expect(() => makeAuth({ adapter, twoFactor: { pendingMaxAge: 5 } })).toThrow(/twoFactor\.pendingMaxAge/);
    expect(() => makeAuth({ adapter, twoFactor: { requireFor: "credentials" as never } })).toThrow(
      /twoFactor\.requireFor/,
    );
  });

  it("answers the two-factor routes 404 when the option is off, and 401 signed out", async () => {
    const { adapter } = await sqlite();
    expect((await get(makeAuth({ adapter }), "/two-factor")).status).toBe(404);
    const auth = makeAuth({ adapter, twoFactor: {} });
    const jar = new Jar();
    expect((await post(auth, jar, "/two-factor/enable")).status).toBe(401);
    const page = await get(auth, "/two-factor?callbackUrl=%2Fx", jar);
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe(`${BASE}/api/auth/signin?callbackUrl=${encodeURIComponent(`${BASE}/x`)}`);
  });
});
