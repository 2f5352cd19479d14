// Email links opened in the browser that asked for them sign in at once (as next-auth); anywhere
// else they show the one-click confirmation, so mail scanners never use them. Real SMTP, real
// SQLite (in memory), requests through createAuth.
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthConfig, AuthHandler } from "../src/index.js";
import Email, { type EmailConfig } from "../src/providers/email.js";
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
  postForm,
  session,
  setCookies,
} from "./helpers.js";
import { startSmtp, type TestSmtp } from "./smtp.js";

const BINDING = "next-auth.email-link";

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp(() => false);
});
afterAll(async () => {
  await smtp.close();
});

async function setup(options: EmailConfig = {}, overrides: Partial<AuthConfig> = {}) {
  const db = await memoryDatabase();
  const time = clock();
  const auth = makeAuth({
    adapter: db.adapter,
    now: time.now,
    providers: [Email({ server: smtp.url, from: "auth@gatehouse.test", ...options })],
    ...overrides,
  });
  const tokens = () => db.count("verification_tokens");
  return { db, time, auth, tokens };
}

/** POST signin/email from the browser whose cookies are in `jar`. */
async function requestLink(auth: AuthHandler, email: string, jar: Jar, extra: Record<string, string> = {}) {
  const csrfToken = await csrf(auth, jar);
  const response = await postForm(auth, "/signin/email", { csrfToken, email, ...extra }, jar);
  expect(response.status).toBe(302);
  return response;
}

function lastMail(address: string): ParsedMail {
  const mail = smtp.inbox(address).at(-1);
  if (mail === undefined) throw new Error(`no mail to ${address}`);
  return mail;
}

function linkIn(mail: ParsedMail): URL {
  const match = /http:\/\/localhost:3000\/api\/auth\/callback\/email\?\S+/.exec(mail.text ?? "");
  if (match === null) throw new Error(`no sign-in link in: ${mail.text ?? ""}`);
  return new URL(match[0]);
}

describe("email links in the browser that asked for them", () => {
  it("sign in at once and land on the callbackUrl; the binding cookie is HttpOnly, Lax, as long-lived as the link, and holds no token", async () => {
    const { db, auth, tokens } = await setup({ maxAge: 600 });
    const jar = new Jar();
    const asked = await requestLink(auth, "ann@example.com", jar, { callbackUrl: "/inbox" });
    const binding = setCookies(asked).find((cookie) => cookie.name === BINDING);
    expect(binding?.attributes).toMatchObject({ httponly: true, samesite: "Lax", path: "/", "max-age": "600" });
    const link = linkIn(lastMail("ann@example.com"));
    const token = link.searchParams.get("token") ?? "";
    const stored = String((await db.rows("SELECT token FROM auth_verification_tokens"))[0]?.token);
    expect(binding?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(binding?.value).not.toContain(token);
    expect(binding?.value).not.toBe(stored);

    const opened = await get(auth, link.href, jar);
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe(`${BASE}/inbox`);
    expect(jar.cookies.has(SESSION_COOKIE)).toBe(true);
    expect((await session(auth, jar)).user).toMatchObject({ email: "ann@example.com" });
    expect(await tokens()).toBe(0);
    expect(await db.count("users")).toBe(1);
  });

  it("another browser gets the confirmation page and uses nothing; its button then signs in", async () => {
    const { auth, tokens } = await setup();
    await requestLink(auth, "ben@example.com", new Jar());
    const link = linkIn(lastMail("ben@example.com"));
    const elsewhere = new Jar();
    const page = await get(auth, link.href, elsewhere);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Finish signing in");
    expect(elsewhere.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await tokens()).toBe(1);

    const csrfToken = /name="csrfToken" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const confirmed = await postForm(
      auth,
      "/callback/email",
      { csrfToken, token: link.searchParams.get("token") ?? "", email: "ben@example.com" },
      elsewhere,
    );
    expect(confirmed.headers.get("location")).toBe(`${BASE}/`);
    expect((await session(auth, elsewhere)).user).toMatchObject({ email: "ben@example.com" });
  });

  it("a HEAD never uses the link, even from the asking browser", async () => {
    const { auth, tokens } = await setup();
    const jar = new Jar();
    await requestLink(auth, "cat@example.com", jar);
    const link = linkIn(lastMail("cat@example.com"));
    const head = await auth(new Request(link, { method: "HEAD", headers: { cookie: jar.header() } }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(head.headers.getSetCookie().some((line) => line.startsWith(SESSION_COOKIE))).toBe(false);
    expect(await tokens()).toBe(1);
    expect((await get(auth, link.href, jar)).headers.get("location")).toBe(`${BASE}/`);
  });

  it("a used link opened there again goes straight to the error page", async () => {
    const { auth } = await setup();
    const jar = new Jar();
    await requestLink(auth, "dan@example.com", jar);
    const link = linkIn(lastMail("dan@example.com"));
    expect((await get(auth, link.href, jar)).headers.get("location")).toBe(`${BASE}/`);
    const again = await get(auth, link.href, jar);
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(`${AUTH}/error?error=Verification`);
  });

  it("a link used from another device, opened afterwards in the asking browser: the error page, no session", async () => {
    const { auth } = await setup();
    const jar = new Jar();
    await requestLink(auth, "eve@example.com", jar);
    const link = linkIn(lastMail("eve@example.com"));
    const phone = new Jar();
    const html = await (await get(auth, link.href, phone)).text();
    const csrfToken = /name="csrfToken" value="([^"]+)"/.exec(html)?.[1] ?? "";
    await postForm(
      auth,
      "/callback/email",
      { csrfToken, token: link.searchParams.get("token") ?? "", email: "eve@example.com" },
      phone,
    );
    expect((await session(auth, phone)).user).toMatchObject({ email: "eve@example.com" });

    const opened = await get(auth, link.href, jar);
    expect(opened.headers.get("location")).toBe(`${AUTH}/error?error=Verification`);
    expect(jar.cookies.has(SESSION_COOKIE)).toBe(false);
  });

  it("an expired link opened there goes straight to the error page", async () => {
    const { auth, time } = await setup({ maxAge: 60 });
    const jar = new Jar();
    await requestLink(auth, "fin@example.com", jar);
    const link = linkIn(lastMail("fin@example.com"));
    time.advance(61);
    const opened = await get(auth, link.href, jar);
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe(`${AUTH}/error?error=Verification`);
    expect(jar.cookies.has(SESSION_COOKIE)).toBe(false);
  });

  it("a link the database does not know (its token row is gone) goes straight to the error page", async () => {
    const { db, auth } = await setup();
    const jar = new Jar();
    await requestLink(auth, "gil@example.com", jar);
    const link = linkIn(lastMail("gil@example.com"));
    await db.rows("DELETE FROM auth_verification_tokens");
    const opened = await get(auth, link.href, jar);
    expect(opened.headers.get("location")).toBe(`${AUTH}/error?error=Verification`);
    expect(await db.count("users")).toBe(0);
  });

  it("asking twice: both links sign in at once in that browser", async () => {
    const { auth } = await setup();
    const jar = new Jar();
    await requestLink(auth, "hal@example.com", jar);
    const first = linkIn(lastMail("hal@example.com"));
    await requestLink(auth, "hal@example.com", jar);
    const second = linkIn(lastMail("hal@example.com"));
    expect(second.href).not.toBe(first.href);
    expect((await get(auth, first.href, jar)).headers.get("location")).toBe(`${BASE}/`);
    const other = new Jar();
    other.cookies.set(BINDING, jar.cookies.get(BINDING) ?? "");
    expect((await get(auth, second.href, other)).headers.get("location")).toBe(`${BASE}/`);
  });

  it("a binding made under a previous secret still works after the secret is rotated", async () => {
    const db = await memoryDatabase();
    const providers = [Email({ server: smtp.url, from: "auth@gatehouse.test" })];
    const before = makeAuth({ adapter: db.adapter, providers, secret: "old-secret-0123456789-0123456789-abcd" });
    const jar = new Jar();
    await requestLink(before, "ida@example.com", jar);
    const link = linkIn(lastMail("ida@example.com"));
    const after = makeAuth({
      adapter: db.adapter,
      providers,
      secret: ["new-secret-0123456789-0123456789-abcd", "old-secret-0123456789-0123456789-abcd"],
    });
    expect((await get(after, link.href, jar)).headers.get("location")).toBe(`${BASE}/`);
  });
});

describe("email link binding: attacks", () => {
  it("a mail scanner with a made-up binding cookie gets the confirmation page and uses nothing", async () => {
    const { auth, tokens } = await setup();
    await requestLink(auth, "joy@example.com", new Jar());
    const link = linkIn(lastMail("joy@example.com"));
    for (const forged of [
      "A".repeat(43),
      "x",
      `${"B".repeat(43)}.${"C".repeat(43)}`,
      link.searchParams.get("token") ?? "",
    ]) {
      const scanner = new Jar();
      scanner.cookies.set(BINDING, forged);
      const page = await get(auth, link.href, scanner);
      expect(page.status, forged).toBe(200);
      expect(await page.text()).toContain("Finish signing in");
      expect(scanner.cookies.has(SESSION_COOKIE)).toBe(false);
    }
    expect(await tokens()).toBe(1);
  });

  it("a binding cookie from the attacker's own link request does not bind the victim's link", async () => {
    const { auth, tokens } = await setup();
    const attacker = new Jar();
    await requestLink(auth, "mallory@example.com", attacker);
    await requestLink(auth, "kim@example.com", new Jar());
    const victimLink = linkIn(lastMail("kim@example.com"));
    const page = await get(auth, victimLink.href, attacker);
    expect(page.status).toBe(200);
    expect(attacker.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await tokens()).toBe(2);
  });

  it("a binding cookie is tied to the secret: one minted by another deployment for the same address and token does not bind", async () => {
    const token = "the-same-token-on-two-deployments-0123456789";
    const mine = await setup({ generateVerificationToken: () => token });
    const theirs = makeAuth({
      adapter: (await memoryDatabase()).adapter,
      secret: "another-deployments-secret-0123456789-xyz",
      providers: [Email({ server: smtp.url, from: "auth@gatehouse.test", generateVerificationToken: () => token })],
    });
    const attacker = new Jar();
    await requestLink(theirs, "lee@example.com", attacker);
    await requestLink(mine.auth, "lee@example.com", new Jar());
    const link = linkIn(lastMail("lee@example.com"));
    expect(link.searchParams.get("token")).toBe(token);
    const page = await get(mine.auth, link.href, attacker);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Finish signing in");
    expect(await mine.tokens()).toBe(1);
  });

  it("a binding is tied to the address: the link with another address in it is not signed in at once", async () => {
    const { auth, tokens } = await setup();
    const jar = new Jar();
    await requestLink(auth, "max@example.com", jar);
    const link = linkIn(lastMail("max@example.com"));
    const forged = new URL(link);
    forged.searchParams.set("email", "mallory@example.com");
    const page = await get(auth, forged.href, jar);
    expect(page.status).toBe(200);
    expect(jar.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await tokens()).toBe(1);
  });
});
