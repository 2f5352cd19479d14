// Password accounts through createAuth + Request, against a real SMTP server and a real database
// (SQLite in memory, and PostgreSQL): the whole life over the JSON API, no enumeration, imported
// bcrypt and scrypt hashes, rehashing, the password rules, throttling, and sessions ending.
import { dropTables, serviceAvailable } from "@gatehouse/adapter-test";
import { PostgresAdapter } from "@gatehouse/adapter-postgres";
import { bcrypt, scrypt } from "hash-wasm";
import type { ParsedMail } from "mailparser";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseAdapter } from "../src/adapter.js";
import type { AuthConfig, AuthHandler } from "../src/index.js";
import Password, { type PasswordConfig } from "../src/providers/password.js";
import { memoryDatabase } from "./database.js";
import { AUTH, Jar, csrf, get, makeAuth, postForm, recordingLogger, session, setCookies } from "./helpers.js";
import { startSmtp, type TestSmtp } from "./smtp.js";

// Every sign-in costs a real argon2id hash (19 MiB): ~0.1 s natively, ~1 s in WebAssembly (the
// core:web project) on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

const POSTGRES_URL = process.env.GATEHOUSE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const postgres = await serviceAvailable("PostgreSQL", async () => {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  await client.end();
});

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
});

const FROM = "Gatehouse Test <auth@gatehouse.test>";
let counter = 0;
const address = (tag: string) => `${tag}-${Date.now().toString(36)}-${++counter}@example.com`;

/** Waits for the `n`th mail to `to` (mails go out after the answer). */
async function mail(to: string, n = 1): Promise<ParsedMail> {
  for (let tries = 0; tries < 200; tries++) {
    const inbox = smtp.inbox(to);
    if (inbox.length >= n) return inbox[n - 1] as ParsedMail;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no mail number ${n} to ${to}`);
}

function link(message: ParsedMail): URL {
  const found = /https?:\/\/\S+/.exec(message.text ?? "");
  if (found === null) throw new Error("no link in the mail");
  return new URL(found[0]);
}

/** POSTs JSON-mode fields with a fresh CSRF token (as the React client does). */
async function post(auth: AuthHandler, path: string, fields: Record<string, string>, jar = new Jar()) {
  const csrfToken = await csrf(auth, jar);
  const response = await postForm(auth, path, { ...fields, csrfToken, json: "true" }, jar);
  return { response, body: (await response.json()) as Record<string, unknown>, jar };
}

async function signIn(auth: AuthHandler, email: string, password: string, jar = new Jar()) {
  return post(auth, "/callback/password", { email, password }, jar);
}

type Database = { name: string; open: () => Promise<{ adapter: DatabaseAdapter; close: () => Promise<void> }> };

const DATABASES: Database[] = [
  {
    name: "SQLite",
    open: async () => ({ adapter: (await memoryDatabase()).adapter, close: () => Promise.resolve() }),
  },
];
if (postgres) {
  DATABASES.push({
    name: "PostgreSQL",
    open: async () => {
      const prefix = `pw${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}_`;
      const adapter = PostgresAdapter(POSTGRES_URL, { tablePrefix: prefix });
      await adapter.migrate();
      return {
        adapter,
        close: async () => {
          await adapter.close();
          const client = new pg.Client({ connectionString: POSTGRES_URL });
          await client.connect();
          for (const statement of dropTables(prefix, "postgres")) await client.query(statement);
          await client.end();
        },
      };
    },
  });
}

describe.each(DATABASES)("password accounts on $name", ({ open }) => {
  let adapter: DatabaseAdapter;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ adapter, close } = await open());
  }, 30_000);
  afterAll(async () => {
    await close();
  });

  function app(options: PasswordConfig = {}, overrides: Partial<AuthConfig> = {}) {
    const { logger, lines } = recordingLogger();
    const auth = makeAuth({
      adapter,
      session: { strategy: "database" },
      logger,
      providers: [Password({ server: smtp.url, from: FROM, ...options })],
      ...overrides,
    });
    return { auth, lines };
  }

  it("lives the whole life over the JSON API: sign up, verify, sign in, change, forgot, reset", async () => {
    const { auth } = app();
    const email = address("life");
    const signedUp = await post(auth, "/signup/password", { email, password: "first password", name: "Pat" });
    expect(signedUp.response.status).toBe(200);
    expect(signedUp.body).toEqual({ ok: true, url: `${AUTH}/password/sent?mail=verify` });

    // Not verified yet: the right password gets no session, and a new link.
    const early = await signIn(auth, email, "first password");
    expect(early.response.status).toBe(403);
    expect(early.body.error).toBe("EmailNotVerified");
    await mail(email, 2);

    // Opening the link uses nothing (a scanner's GET); the page's button posts it.
    const url = link(await mail(email));
    expect(url.pathname).toBe("/api/auth/verify-email/password");
    const page = await get(auth, url.href);
    expect(page.status).toBe(200);
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await page.text()).toContain('name="token"');
    const token = url.searchParams.get("token") as string;
    expect((await post(auth, "/verify-email/password", { token })).body).toEqual({
      ok: true,
      url: `${AUTH}/password/verified`,
    });
    // Single use.
    expect((await post(auth, "/verify-email/password", { token })).response.status).toBe(403);

    const laptop = await signIn(auth, email, "first password");
    expect(laptop.response.status).toBe(200);
    expect((await session(auth, laptop.jar)).user).toMatchObject({ email, name: "Pat" });
    const phone = await signIn(auth, email, "first password");
    expect((await session(auth, phone.jar)).user).toMatchObject({ email });

    // Change on the laptop: the phone's session ends, the laptop's stays.
    const wrong = await post(
      auth,
      "/password/change",
      { currentPassword: "nope nope", newPassword: "second password" },
      laptop.jar,
    );
    expect(wrong.response.status).toBe(401);
    const changed = await post(
      auth,
      "/password/change",
      { currentPassword: "first password", newPassword: "second password" },
      laptop.jar,
    );
    expect(changed.response.status).toBe(200);
    expect(changed.body.ok).toBe(true);
    expect((await session(auth, laptop.jar)).user).toMatchObject({ email });
    expect(await session(auth, phone.jar)).toEqual({});
    expect((await mail(email, 3)).subject).toMatch(/password .* was changed/);
    expect((await signIn(auth, email, "first password")).response.status).toBe(401);

    // Forgot, then reset: every session ends (the laptop's too), the old password is refused.
    const forgot = await post(auth, "/password/forgot", { email });
    expect(forgot.body).toEqual({ ok: true, url: `${AUTH}/password/sent?mail=reset` });
    const reset = link(await mail(email, 4));
    expect(reset.pathname).toBe("/api/auth/password/reset");
    const resetToken = reset.searchParams.get("token") as string;
    // The stored token is a keyed hash, never the token in the link.
    const resetPage = await get(auth, reset.href);
    expect(await resetPage.text()).toContain("Choose a new password");
    // A password that breaks the rules does not burn the link.
    const short = await post(auth, "/password/reset", { token: resetToken, password: "short" });
    expect(short.response.status).toBe(400);
    expect(short.body.error).toBe("InvalidPassword");
    const done = await post(auth, "/password/reset", { token: resetToken, password: "third password" });
    expect(done.body).toEqual({ ok: true, url: `${AUTH}/signin?reset=1` });
    expect(
      (await post(auth, "/password/reset", { token: resetToken, password: "fourth password" })).response.status,
    ).toBe(403);
    expect(await session(auth, laptop.jar)).toEqual({});
    expect((await signIn(auth, email, "second password")).response.status).toBe(401);
    const fresh = await signIn(auth, email, "third password");
    expect(fresh.response.status).toBe(200);
    expect((await session(auth, fresh.jar)).user).toMatchObject({ email });
  });

  it("verifies at once in the browser that signed up; elsewhere the link uses nothing until its button", async () => {
    const { auth } = app();
    const email = address("same-browser");
    const browser = new Jar();
    expect((await post(auth, "/signup/password", { email, password: "first password" }, browser)).response.status).toBe(
      200,
    );
    const url = link(await mail(email));
    // Another browser (a scanner, a phone), and a HEAD from the signing-up one: nothing used.
    expect((await get(auth, url.href, new Jar())).status).toBe(200);
    const head = await auth(new Request(url.href, { method: "HEAD", headers: { cookie: browser.header() } }));
    expect(head.status).toBe(200);
    expect((await adapter.getUserByEmail(email))?.emailVerified).toBeNull();
    // The signing-up browser: verified by opening it, then the link is spent.
    const opened = await get(auth, url.href, browser);
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe(`${AUTH}/password/verified`);
    expect((await adapter.getUserByEmail(email))?.emailVerified).toBeInstanceOf(Date);
    const token = url.searchParams.get("token") as string;
    expect((await post(auth, "/verify-email/password", { token })).response.status).toBe(403);
    // A binding cookie made for another link does not verify this one (an attacker's own sign-up).
    const victim = address("same-browser-victim");
    await post(auth, "/signup/password", { email: victim, password: "victim password" });
    const attacker = new Jar();
    await post(
      auth,
      "/signup/password",
      { email: address("same-browser-attacker"), password: "attacker pw" },
      attacker,
    );
    const victimLink = link(await mail(victim));
    expect((await get(auth, victimLink.href, attacker)).status).toBe(200);
    expect((await adapter.getUserByEmail(victim))?.emailVerified).toBeNull();
  });

  it("answers a sign-up for a taken address exactly like a new one, and tells the owner", async () => {
    const { auth } = app({ requireEmailVerification: false });
    const email = address("taken");
    const first = await post(auth, "/signup/password", { email, password: "owner's password" });
    const again = await post(auth, "/signup/password", { email, password: "attacker password", name: "Mallory" });
    expect(again.response.status).toBe(first.response.status);
    expect(again.body).toEqual(first.body);
    // The same cookies too: the taken address gets a link-binding cookie like a new account's.
    const names = (response: Response) => setCookies(response).map((cookie) => cookie.name);
    expect(names(again.response)).toEqual(names(first.response));
    expect(names(first.response)).toContain("next-auth.email-link");
    const notice = await mail(email);
    expect(notice.subject).toMatch(/Someone tried to sign up/);
    // The owner's password still works; the attacker's never did.
    expect((await signIn(auth, email, "owner's password")).response.status).toBe(200);
    expect((await signIn(auth, email, "attacker password")).response.status).toBe(401);
    expect((await adapter.getUserByEmail(email))?.name).toBeNull();
  });

  it("answers forgot and sign-in the same for unknown and known addresses", async () => {
    const { auth } = app({ requireEmailVerification: false });
    const known = address("known");
    await post(auth, "/signup/password", { email: known, password: "known password" });
    const unknown = address("unknown");
    const a = await post(auth, "/password/forgot", { email: known });
    const b = await post(auth, "/password/forgot", { email: unknown });
    expect([a.response.status, b.response.status]).toEqual([200, 200]);
    expect(a.body).toEqual(b.body);
    await mail(known);
    expect(smtp.inbox(unknown)).toHaveLength(0);

    const wrong = await signIn(auth, known, "wrong password");
    const nobody = await signIn(auth, unknown, "wrong password");
    expect(wrong.response.status).toBe(401);
    expect(nobody.response.status).toBe(wrong.response.status);
    expect(nobody.body).toEqual(wrong.body);
    expect(wrong.body.error).toBe("CredentialsSignin");
  });

  it("signs in with imported bcrypt and scrypt hashes, and stores argon2id instead", async () => {
    const { auth } = app();
    const salt = new Uint8Array(16).fill(7);
    const imports = {
      bcrypt: await bcrypt({ password: "imported pass", salt, costFactor: 4, outputType: "encoded" }),
      scrypt: `$scrypt$ln=10,r=8,p=1$${btoa(String.fromCharCode(...salt)).replace(/=+$/, "")}$${btoa(
        String.fromCharCode(
          ...(await scrypt({
            password: "imported pass",
            salt,
            costFactor: 1024,
            blockSize: 8,
            parallelism: 1,
            hashLength: 32,
            outputType: "binary",
          })),
        ),
      ).replace(/=+$/, "")}`,
    };
    for (const [kind, hash] of Object.entries(imports)) {
      const email = address(kind);
      const user = await adapter.createUserWithPassword({ email, emailVerified: new Date(), name: kind }, hash);
      expect((await signIn(auth, email, "imported wrong")).response.status).toBe(401);
      expect(await adapter.getPasswordHash(user.id)).toBe(hash);
      expect((await signIn(auth, email, "imported pass")).response.status).toBe(200);
      expect(await adapter.getPasswordHash(user.id)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect((await signIn(auth, email, "imported pass")).response.status).toBe(200);
    }
  });

  it("rehashes at sign-in when the parameters are raised, and keeps the PHC string's own parameters", async () => {
    const email = address("rehash");
    const before = app({ requireEmailVerification: false });
    await post(before.auth, "/signup/password", { email, password: "rehash password" });
    const user = await adapter.getUserByEmail(email);
    expect(await adapter.getPasswordHash(user?.id as string)).toMatch(/\$m=19456,t=2,p=1\$/);
    const after = app({ requireEmailVerification: false, hash: { timeCost: 3 } });
    expect((await signIn(after.auth, email, "rehash password")).response.status).toBe(200);
    expect(await adapter.getPasswordHash(user?.id as string)).toMatch(/\$m=19456,t=3,p=1\$/);
    // The old instance still verifies the stronger hash (its parameters are in the string).
    expect((await signIn(before.auth, email, "rehash password")).response.status).toBe(200);
  });

  it("takes 8 to 128 characters of anything, NFKC-normalised, and an optional breach check", async () => {
    const breached = new Set(["password1234"]);
    const { auth } = app({ requireEmailVerification: false, isBreached: (password) => breached.has(password) });
    const tooShort = await post(auth, "/signup/password", { email: address("short"), password: "1234567" });
    expect(tooShort.response.status).toBe(400);
    expect(tooShort.body).toMatchObject({ error: "InvalidPassword", message: "Use at least 8 characters." });
    const tooLong = await post(auth, "/signup/password", { email: address("long"), password: "x".repeat(129) });
    expect(tooLong.body.message).toBe("Use at most 128 characters.");
    expect(
      (await post(auth, "/signup/password", { email: address("pwned"), password: "password1234" })).body.message,
    ).toMatch(/breach/);
    expect((await post(auth, "/signup/password", { email: address("max"), password: "x".repeat(128) })).body.ok).toBe(
      true,
    );

    // Full-width digits and a composed ligature are the same password as their NFKC forms.
    const email = address("nfkc");
    expect((await post(auth, "/signup/password", { email, password: "ﬁle１２３４５６" })).body.ok).toBe(true);
    expect((await signIn(auth, email, "file123456")).response.status).toBe(200);
    expect((await signIn(auth, email, "😀 emoji ok")).response.status).toBe(401);
  });

  it("throttles failed sign-ins per account and address, never good ones", async () => {
    const { auth } = app({ requireEmailVerification: false });
    const email = address("throttle");
    await post(auth, "/signup/password", { email, password: "throttle password" });
    for (let i = 0; i < 3; i++) expect((await signIn(auth, email, "throttle password")).response.status).toBe(200);
    // Ten failures per account (the default perIdentifier limit), then even the right password waits.
    for (let i = 0; i < 10; i++) expect((await signIn(auth, email, `wrong ${i} guess`)).response.status).toBe(401);
    const limited = await signIn(auth, email, "throttle password");
    expect(limited.response.status).toBe(429);
    expect(limited.body.error).toBe("RateLimited");
    expect(Number(limited.response.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuses a POST without the CSRF token and changes nothing", async () => {
    const { auth } = app();
    const email = address("csrf");
    const response = await postForm(auth, "/signup/password", { email, password: "no token here", json: "true" });
    expect(response.status).toBe(403);
    expect(await adapter.getUserByEmail(email)).toBeNull();
  });

  it("works with JWT sessions too, and needs a signed-in user to change the password", async () => {
    const { auth } = app({ requireEmailVerification: false }, { session: { strategy: "jwt" } });
    const email = address("jwt");
    await post(auth, "/signup/password", { email, password: "jwt password" });
    const signed = await signIn(auth, email, "jwt password");
    expect(signed.response.status).toBe(200);
    const user = (await session(auth, signed.jar)).user as { id: string; email: string };
    expect(user.email).toBe(email);
    expect(user.id).toBe((await adapter.getUserByEmail(email))?.id);
    expect(
      (await post(auth, "/password/change", { currentPassword: "jwt password", newPassword: "jwt password 2" }))
        .response.status,
    ).toBe(401);
    const changed = await post(
      auth,
      "/password/change",
      { currentPassword: "jwt password", newPassword: "jwt password 2" },
      signed.jar,
    );
    expect(changed.body.ok).toBe(true);
    expect((await signIn(auth, email, "jwt password 2")).response.status).toBe(200);
  });

  it("ends a JWT session copied elsewhere when the password is changed, and again when it is reset", async () => {
    const { auth } = app({ requireEmailVerification: false }, { session: { strategy: "jwt" } });
    const email = address("jwt-copies");
    await post(auth, "/signup/password", { email, password: "copied password" });
    const laptop = await signIn(auth, email, "copied password");
    const phone = await signIn(auth, email, "copied password");
    expect((await session(auth, phone.jar)).user).toMatchObject({ email });

    const changed = await post(
      auth,
      "/password/change",
      { currentPassword: "copied password", newPassword: "changed password" },
      laptop.jar,
    );
    expect(changed.body.ok).toBe(true);
    expect(await session(auth, phone.jar)).toEqual({});
    expect((await session(auth, laptop.jar)).user).toMatchObject({ email });

    const stolen = new Jar();
    for (const [name, value] of laptop.jar.cookies) stolen.cookies.set(name, value);
    await post(auth, "/password/forgot", { email });
    let reset: URL | undefined;
    for (let n = 1; reset === undefined; n++) {
      const found = /https?:\/\/\S+\/password\/reset\?\S+/.exec((await mail(email, n)).text ?? "");
      if (found !== null) reset = new URL(found[0]);
    }
    const token = reset.searchParams.get("token") as string;
    expect((await post(auth, "/password/reset", { token, password: "reset password" })).body.ok).toBe(true);
    expect(await session(auth, stolen)).toEqual({});
    expect((await signIn(auth, email, "reset password")).response.status).toBe(200);
  });
});
