// Email sign-in (magic links) against a real SMTP server and a real database (SQLite in memory).
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, type AuthConfig, type AuthHandler } from "../src/index.js";
import Email, { type EmailConfig, type SendVerificationRequestParams } from "../src/providers/email.js";
import { memoryDatabase, type TestDatabase } from "./database.js";
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
  recordingLogger,
  session,
  setCookies,
  signIn,
} from "./helpers.js";
import { closedPort, startSmtp, type TestSmtp } from "./smtp.js";

let smtp: TestSmtp;
beforeAll(async () => {
  // Addresses starting with "bounce" are refused at RCPT TO, as a real server refuses a mailbox.
  smtp = await startSmtp((address) => address.startsWith("bounce"));
});
afterAll(async () => {
  await smtp.close();
});

const FROM = "Gatehouse Test <auth@gatehouse.test>";

async function setup(options: EmailConfig = {}, overrides: Partial<AuthConfig> = {}) {
  const db = await memoryDatabase();
  const time = clock();
  const { logger, lines } = recordingLogger();
  const events: [string, unknown][] = [];
  const auth = makeAuth({
    adapter: db.adapter,
    now: time.now,
    logger,
    providers: [Email({ server: smtp.url, from: FROM, ...options })],
    events: {
      createUser: (message) => void events.push(["createUser", message]),
      updateUser: (message) => void events.push(["updateUser", message]),
      signIn: (message) => void events.push(["signIn", message]),
    },
    ...overrides,
  });
  return { db, time, auth, lines, events };
}

/** POST signin/email from a browser (form post), or as next-auth's client does (`json: "true"`). */
async function requestLink(
  auth: AuthHandler,
  email: string,
  extra: Record<string, string> = {},
  jar = new Jar(),
): Promise<Response> {
  const csrfToken = await csrf(auth, jar);
  return postForm(auth, "/signin/email", { csrfToken, email, ...extra }, jar);
}

function onlyMail(address: string): ParsedMail {
  const mails = smtp.inbox(address);
  expect(mails, `mail to ${address}`).toHaveLength(1);
  return mails[0]!;
}

function linkIn(mail: ParsedMail): URL {
  const match = /http:\/\/localhost:3000\/api\/auth\/callback\/email\?\S+/.exec(mail.text ?? "");
  if (match === null) throw new Error(`no sign-in link in: ${mail.text ?? ""}`);
  return new URL(match[0]);
}

function unescape(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The confirmation page's form: where it posts, and its hidden fields. */
function confirmForm(page: string): { action: string; fields: Record<string, string> } {
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
  if (action === undefined) throw new Error(`no form in: ${page.slice(0, 300)}`);
  const fields: Record<string, string> = {};
  for (const [, name = "", value = ""] of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields[name] = unescape(value);
  return { action: unescape(action), fields };
}

/** Opens the link in a browser and presses the page's button. */
async function openAndConfirm(auth: AuthHandler, link: URL, jar = new Jar()) {
  const page = await get(auth, link.href, jar);
  expect(page.status).toBe(200);
  const form = confirmForm(await page.text());
  const response = await postForm(auth, form.action, form.fields, jar);
  return { jar, response, form };
}

async function tokens(db: TestDatabase) {
  return db.rows("SELECT * FROM auth_verification_tokens");
}

describe("email sign-in: the whole flow", () => {
  it("mails a link; HEAD and GET of it use nothing; the page's button signs in and creates a verified user", async () => {
    const { db, time, auth, events } = await setup({ server: smtp.plainUrl });
    const response = await requestLink(auth, "Carol@Example.com", { callbackUrl: "/inbox" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${AUTH}/verify-request?provider=email&type=email`);

    const mail = onlyMail("carol@example.com");
    expect(mail.from?.value[0]?.address).toBe("auth@gatehouse.test");
    expect(mail.subject).toBe("Sign in to localhost:3000");
    const link = linkIn(mail);
    expect(link.searchParams.get("email")).toBe("carol@example.com");
    expect(link.searchParams.get("callbackUrl")).toBe(`${BASE}/inbox`);
    const token = link.searchParams.get("token") ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Stored only as a keyed hash, valid for 15 minutes.
    const [stored, ...more] = await tokens(db);
    expect(more).toEqual([]);
    expect(stored?.identifier).toBe("carol@example.com");
    expect(stored?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(stored?.token).not.toBe(token);
    expect(Number(stored?.expires)).toBe(time.now() + 15 * 60 * 1000);

    // A mail scanner: HEAD, then GET without cookies. Neither uses the token.
    const head = await auth(new Request(link, { method: "HEAD" }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const scanned = await auth(new Request(link));
    expect(scanned.status).toBe(200);
    expect(scanned.headers.get("referrer-policy")).toBe("no-referrer");
    const page = await scanned.text();
    expect(page).toContain("Finish signing in");
    expect(page).toContain("carol@example.com");
    expect(await tokens(db)).toHaveLength(1);
    expect(await db.count("users")).toBe(0);

    const { jar, response: signedIn } = await openAndConfirm(auth, link);
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("location")).toBe(`${BASE}/inbox`);
    expect(jar.cookies.has(SESSION_COOKIE)).toBe(true);

    const users = await db.rows("SELECT * FROM auth_users");
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: "carol@example.com" });
    expect(Number(users[0]?.email_verified)).toBe(time.now());
    expect(await db.rows("SELECT user_id, type, provider, provider_account_id FROM auth_accounts")).toEqual([
      { user_id: users[0]?.id, type: "email", provider: "email", provider_account_id: "carol@example.com" },
    ]);
    expect(await tokens(db)).toEqual([]);
    expect((await session(auth, jar)).user).toMatchObject({ id: users[0]?.id, email: "carol@example.com" });
    expect(events.map(([name]) => name)).toEqual(["createUser", "signIn"]);
    expect(events[1]?.[1]).toMatchObject({ isNewUser: true, account: { provider: "email", type: "email" } });
  });

  it("works once: the second use is a Verification error and signs nobody in", async () => {
    const { db, auth } = await setup();
    await requestLink(auth, "dave@example.com");
    const link = linkIn(onlyMail("dave@example.com"));
    const first = await openAndConfirm(auth, link);
    expect(first.response.headers.get("location")).toBe(`${BASE}/`);

    const again = await openAndConfirm(auth, link);
    expect(again.response.status).toBe(302);
    expect(again.response.headers.get("location")).toBe(`${AUTH}/error?error=Verification`);
    expect(again.jar.cookies.has(SESSION_COOKIE)).toBe(false);
    const json = await postForm(auth, first.form.action, { ...again.form.fields, json: "true" }, again.jar);
    expect(json.status).toBe(403);
    expect(await json.json()).toEqual({ url: `${AUTH}/error?error=Verification` });
    expect(await db.count("sessions")).toBe(1);
  });

  it("two concurrent uses of one link: exactly one signs in", async () => {
    const { db, auth } = await setup();
    await requestLink(auth, "erin@example.com");
    const link = linkIn(onlyMail("erin@example.com"));
    const [a, b] = [new Jar(), new Jar()];
    const forms = await Promise.all(
      [a, b].map(async (jar) => confirmForm(await (await get(auth, link.href, jar)).text())),
    );
    const responses = await Promise.all(
      forms.map((form, i) => postForm(auth, form.action, form.fields, i === 0 ? a : b)),
    );
    expect(responses.map((r) => r.headers.get("location")).sort()).toEqual([
      `${BASE}/`,
      `${AUTH}/error?error=Verification`,
    ]);
    expect(await db.count("users")).toBe(1);
    expect(await db.count("sessions")).toBe(1);
  });

  it("a link is bound to its address: another address in it is refused, and the link still works for its own", async () => {
    const { auth } = await setup();
    await requestLink(auth, "fay@example.com");
    const link = linkIn(onlyMail("fay@example.com"));
    const forged = new URL(link);
    forged.searchParams.set("email", "mallory@example.com");
    const refused = await openAndConfirm(auth, forged);
    expect(refused.response.headers.get("location")).toBe(`${AUTH}/error?error=Verification`);
    const { jar, response } = await openAndConfirm(auth, link);
    expect(response.headers.get("location")).toBe(`${BASE}/`);
    expect((await session(auth, jar)).user).toMatchObject({ email: "fay@example.com" });
  });

  it("the POST needs the CSRF token; without it the token is not used", async () => {
    const { db, auth } = await setup();
    await requestLink(auth, "gus@example.com");
    const link = linkIn(onlyMail("gus@example.com"));
    const jar = new Jar();
    const { action, fields } = confirmForm(await (await get(auth, link.href, jar)).text());
    const { csrfToken: _dropped, ...rest } = fields;
    const response = await postForm(auth, action, rest, jar);
    expect(response.status).toBe(403);
    expect(await tokens(db)).toHaveLength(1);
  });

  it("signs an existing user whose address is verified in as themselves", async () => {
    const { db, auth } = await setup();
    const verified = new Date(1_000_000);
    const existing = await db.adapter.createUser({ email: "hana@example.com", emailVerified: verified, name: "Hana" });
    await requestLink(auth, "hana@example.com");
    const { jar } = await openAndConfirm(auth, linkIn(onlyMail("hana@example.com")));
    expect((await session(auth, jar)).user).toMatchObject({ id: existing.id, name: "Hana" });
    expect(await db.count("users")).toBe(1);
    expect((await db.adapter.getUser(existing.id))?.emailVerified?.getTime()).toBe(verified.getTime());
  });

  it("a link opened while signed in as someone else never changes that user's address", async () => {
    // Regression: the link used to set the signed-in user's email to the link's address, so a
    // stranger's link, confirmed by a signed-in victim, gave the stranger the victim's account.
    const { db, auth } = await setup();
    const victim = await db.adapter.createUser({ email: "ivy@example.com", emailVerified: new Date(1_000_000) });
    const victimJar = new Jar();
    await requestLink(auth, "ivy@example.com");
    await openAndConfirm(auth, linkIn(onlyMail("ivy@example.com")), victimJar);
    expect((await session(auth, victimJar)).user).toMatchObject({ id: victim.id });

    await requestLink(auth, "mallory-ivy@example.com");
    await openAndConfirm(auth, linkIn(onlyMail("mallory-ivy@example.com")), victimJar);
    expect((await db.adapter.getUser(victim.id))?.email).toBe("ivy@example.com");
    const mallory = await db.adapter.getUserByEmail("mallory-ivy@example.com");
    expect(mallory?.id).not.toBe(victim.id);
  });
});

describe("email sign-in: lifetime", () => {
  it("lasts 15 minutes by default, and says so in the mail", async () => {
    const { auth, time } = await setup();
    await requestLink(auth, "jo@example.com");
    const mail = onlyMail("jo@example.com");
    expect(mail.text).toContain("for 15 minutes");
    expect(mail.html).toContain("for 15 minutes");
    time.advance(15 * 60 - 1);
    const { response } = await openAndConfirm(auth, linkIn(mail));
    expect(response.headers.get("location")).toBe(`${BASE}/`);

    await requestLink(auth, "kim@example.com");
    time.advance(15 * 60);
    const late = await openAndConfirm(auth, linkIn(onlyMail("kim@example.com")));
    expect(late.response.headers.get("location")).toBe(`${AUTH}/error?error=Verification`);
    expect(late.jar.cookies.has(SESSION_COOKIE)).toBe(false);
  });

  it("takes maxAge, and the mail states it by the configured clock, not the machine's", async () => {
    const db = await memoryDatabase();
    const time = clock(Date.now() - 3600 * 1000); // the app's clock, an hour behind this machine's
    const auth = makeAuth({
      adapter: db.adapter,
      now: time.now,
      providers: [Email({ server: smtp.url, from: FROM, maxAge: 600 })],
    });
    await requestLink(auth, "lou@example.com");
    expect(onlyMail("lou@example.com").text).toContain("for 10 minutes");
    expect(Number((await tokens(db))[0]?.expires)).toBe(time.now() + 600 * 1000);
  });
});

describe("email sign-in: identifiers", () => {
  const hostile: [string, string][] = [
    ["comma list", "a@example.com,b@example.com"],
    ["comma list with a space", "a@example.com, b@evil.example"],
    ["semicolon list", "a@example.com;b@evil.example"],
    ["quoted local part", '"a@evil.example"@example.com'],
    ["quoted local part, plain", '"alice"@example.com'],
    ["comment", "a(x)@example.com"],
    ["comment after the domain", "a@example.com(evil.example)"],
    ["angle brackets", "<a@example.com>"],
    ["display name", "Mallory <a@example.com>"],
    ["CR/LF header injection", "a@example.com\r\nBcc: b@evil.example"],
    ["LF", "a@example.com\nb@evil.example"],
    ["NUL", "a@example.com\u0000@evil.example"],
    ["full-width at sign", "a\uFF20example.com"],
    ["full-width at beside a real one", "a@example.com\uFF20evil.example"],
    ["small commercial at", "a\uFE6Bexample.com"],
    ["no at sign", "a.example.com"],
    ["two at signs", "a@b@example.com"],
    ["oversized", `${"a".repeat(310)}@example.com`],
    ["oversized local part", `${"a".repeat(65)}@example.com`],
    ["empty", ""],
  ];

  it.each(hostile)("%s: 400, nothing stored, nothing sent", async (_name, email) => {
    const { db, auth } = await setup();
    const before = smtp.messages.length;
    const json = await requestLink(auth, email, { json: "true" });
    expect(json.status).toBe(400);
    expect(await json.json()).toEqual({ url: `${AUTH}/signin?error=EmailSignin`, error: "EmailSignin" });
    // A form post gets the sign-in page back with the 400 and the error (the address not echoed).
    const form = await requestLink(auth, email);
    expect(form.status).toBe(400);
    const page = await form.text();
    expect(page).toContain('role="alert"');
    if (email.length > 3) expect(page).not.toContain(email);
    expect(smtp.messages.length).toBe(before);
    expect(await tokens(db)).toEqual([]);
  });

  it("normalizes with NFKC first: full-width letters and ligatures become the plain address", async () => {
    const { db, auth } = await setup();
    const response = await requestLink(auth, "\uFF2D\uFF41\uFF52\uFF59@\uFF45xample.com", { json: "true" });
    expect(response.status).toBe(200);
    expect(onlyMail("mary@example.com")).toBeDefined();
    await requestLink(auth, "\uFB01ona@example.com");
    expect(onlyMail("fiona@example.com")).toBeDefined();
    expect((await tokens(db)).map((row) => row.identifier).sort()).toEqual(["fiona@example.com", "mary@example.com"]);
  });

  it("normalizeIdentifier runs after the built-in checks, and its result is checked again", async () => {
    const seen: string[] = [];
    const { db, auth } = await setup({
      normalizeIdentifier: (identifier) => {
        seen.push(identifier);
        return identifier.startsWith("list") ? `${identifier},x@evil.example` : identifier.replace(/\+[^@]*@/, "@");
      },
    });
    await requestLink(auth, "Nell+News@Example.com");
    expect(seen).toEqual(["nell+news@example.com"]);
    expect(onlyMail("nell@example.com")).toBeDefined();
    expect((await tokens(db))[0]?.identifier).toBe("nell@example.com");

    const refused = await requestLink(auth, "list@example.com", { json: "true" });
    expect(refused.status).toBe(400);
    expect(await tokens(db)).toHaveLength(1);
  });
});

describe("email sign-in: sending", () => {
  it("an SMTP server that cannot be reached: a clean error, and no token left behind", async () => {
    const closed = await closedPort();
    const { db, auth, lines } = await setup({ server: `smtp://127.0.0.1:${closed}` });
    const form = await requestLink(auth, "otto@example.com");
    expect(form.status).toBe(502);
    expect(await form.text()).toContain('role="alert"');
    const json = await requestLink(auth, "otto@example.com", { json: "true" });
    expect(json.status).toBe(502);
    const body = await json.text();
    expect(JSON.parse(body)).toEqual({ url: `${AUTH}/signin?error=EmailSignin`, error: "EmailSignin" });
    expect(body).not.toMatch(/ECONNREFUSED|at .*\.ts/);
    expect(await tokens(db)).toEqual([]);
    expect(lines.filter(([level, code]) => level === "error" && code === "EMAIL_SEND_ERROR")).toHaveLength(2);
  });

  it("a recipient the SMTP server refuses: a clean error, and no token left behind", async () => {
    const { db, auth } = await setup();
    const response = await requestLink(auth, "bounce@example.com", { json: "true" });
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ url: `${AUTH}/signin?error=EmailSignin`, error: "EmailSignin" });
    expect(smtp.inbox("bounce@example.com")).toEqual([]);
    expect(await tokens(db)).toEqual([]);
  });

  it("answers the same whether or not the address has an account", async () => {
    const { db, auth } = await setup();
    await db.adapter.createUser({ email: "known@example.com", emailVerified: new Date() });
    for (const json of [false, true]) {
      const extra = json ? { json: "true" } : {};
      const known = await requestLink(auth, "known@example.com", extra);
      const unknown = await requestLink(auth, "unknown@example.com", extra);
      expect(unknown.status).toBe(known.status);
      expect(unknown.headers.get("location")).toBe(known.headers.get("location"));
      expect(setCookies(unknown).map((c) => c.name)).toEqual(setCookies(known).map((c) => c.name));
      expect(await unknown.text()).toBe(await known.text());
    }
    expect(smtp.inbox("known@example.com")).toHaveLength(2);
    expect(smtp.inbox("unknown@example.com")).toHaveLength(2);
  });

  it("sendVerificationRequest gets { identifier, url, provider, token, theme } and replaces SMTP", async () => {
    const sent: SendVerificationRequestParams[] = [];
    const { db, auth } = await setup(
      {},
      {
        theme: { brandColor: "#123456" },
        providers: [
          Email({
            from: FROM,
            maxAge: 300,
            sendVerificationRequest: (params) => void sent.push(params),
          }),
        ],
      },
    );
    const before = smtp.messages.length;
    await requestLink(auth, "Pia@Example.com");
    expect(smtp.messages.length).toBe(before);
    expect(sent).toHaveLength(1);
    const params = sent[0]!;
    expect(params.identifier).toBe("pia@example.com");
    expect(params.provider).toMatchObject({ id: "email", name: "Email", from: FROM, maxAge: 300 });
    expect(params.theme).toMatchObject({ brandColor: "#123456" });
    const url = new URL(params.url);
    expect(url.origin + url.pathname).toBe(`${AUTH}/callback/email`);
    expect(url.searchParams.get("token")).toBe(params.token);
    expect(url.searchParams.get("email")).toBe("pia@example.com");
    expect((await tokens(db))[0]?.token).not.toBe(params.token);
    const { jar } = await openAndConfirm(auth, url);
    expect((await session(auth, jar)).user).toMatchObject({ email: "pia@example.com" });
  });

  it("a sendVerificationRequest that throws is a clean error, and its token is removed", async () => {
    const { db, auth } = await setup({
      sendVerificationRequest: () => {
        throw new Error("Postmark says no: api key pm-secret-123");
      },
    });
    const response = await requestLink(auth, "quinn@example.com", { json: "true" });
    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain("pm-secret-123");
    expect(await tokens(db)).toEqual([]);
  });

  it("generateVerificationToken makes the link's token; only its hash is stored", async () => {
    const mine = "a-token-of-my-own-choosing-0123456789-abcdef";
    const { db, auth } = await setup({ generateVerificationToken: () => mine });
    await requestLink(auth, "rae@example.com");
    const link = linkIn(onlyMail("rae@example.com"));
    expect(link.searchParams.get("token")).toBe(mine);
    const stored = String((await tokens(db))[0]?.token);
    expect(stored).not.toBe(mine);
    expect(stored).not.toContain(mine.slice(0, 10));
    const { response } = await openAndConfirm(auth, link);
    expect(response.headers.get("location")).toBe(`${BASE}/`);
  });

  it("the default mail escapes what it shows: the link's & and a hostile callbackUrl", async () => {
    const { auth } = await setup();
    const hostile = `/x?q="><img src=x onerror=alert(1)>&r='`;
    await requestLink(auth, "sam@example.com", { callbackUrl: hostile });
    const mail = onlyMail("sam@example.com");
    const html = String(mail.html);
    const link = linkIn(mail);
    expect(link.searchParams.get("callbackUrl")).toBe(new URL(hostile, BASE).href);
    expect(html).toContain(`href="${link.href.replace(/&/g, "&amp;").replace(/'/g, "&#39;")}"`);
    expect(html).not.toMatch(/<img|onerror=alert\(1\)>|&email=/);
    expect(html).toContain("Sign in to localhost:3000");
    expect(html).toContain("This link was requested on localhost:3000");
    expect(mail.text).toContain("If you did not ask for this email, you can ignore it.");
  });

  it("the confirmation page escapes the link's parameters", async () => {
    const { auth } = await setup();
    const page = await get(
      auth,
      `/callback/email?email=a@example.com&token=${encodeURIComponent(`"><script>alert(1)</script>`)}`,
    );
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).not.toContain("<script>alert(1)");
    expect(text).toContain("&quot;&gt;&lt;script&gt;");
    const bad = await get(auth, "/callback/email?email=a@example.com,b@example.com&token=x");
    expect(bad.headers.get("location")).toBe(`${AUTH}/error?error=Verification`);
  });
});

describe("email sign-in: the signIn callback", () => {
  it("refusing the verification request stores and sends nothing", async () => {
    const { db, auth } = await setup({}, { callbacks: { signIn: ({ email }) => email?.verificationRequest !== true } });
    const before = smtp.messages.length;
    const response = await requestLink(auth, "tess@example.com");
    expect(response.headers.get("location")).toBe(`${AUTH}/error?error=AccessDenied`);
    expect(smtp.messages.length).toBe(before);
    expect(await tokens(db)).toEqual([]);
  });

  it("a URL it returns is followed only on this site", async () => {
    // Regression: the verification request redirected to whatever string the callback returned.
    let target = "https://evil.example/phish";
    const { auth } = await setup({}, { callbacks: { signIn: () => target } });
    const offSite = await requestLink(auth, "uma@example.com");
    expect(offSite.headers.get("location")).toBe(`${AUTH}/error?error=AccessDenied`);
    target = "/blocked";
    const onSite = await requestLink(auth, "uma@example.com");
    expect(onSite.headers.get("location")).toBe(`${BASE}/blocked`);
  });
});

describe("email sign-in: without an SMTP server", () => {
  it("in development, links go to the dev mailbox and the log", async () => {
    const db = await memoryDatabase();
    const { logger, lines } = recordingLogger();
    const auth = makeAuth({ adapter: db.adapter, logger, environment: "development", providers: [Email()] });
    const before = smtp.messages.length;
    const response = await requestLink(auth, "vic@example.com");
    expect(response.headers.get("location")).toBe(`${AUTH}/verify-request?provider=email&type=email`);
    expect(smtp.messages.length).toBe(before);
    expect(lines.some(([level, , message]) => level === "warn" && String(message).includes("vic@example.com"))).toBe(
      true,
    );

    const mailbox = await get(auth, "/dev-mailbox");
    expect(mailbox.status).toBe(200);
    const page = await mailbox.text();
    expect(page).toContain("vic@example.com");
    const href = /<a href="([^"]+)" data-dev-link>/.exec(page)?.[1];
    expect(href).toContain("&amp;email=vic%40example.com");
    const { jar } = await openAndConfirm(auth, new URL(unescape(href ?? "")));
    expect((await session(auth, jar)).user).toMatchObject({ email: "vic@example.com" });
  });

  it("in production, no server and no sender turns the provider off with a ConfigError naming the option; there is no dev mailbox", async () => {
    const db = await memoryDatabase();
    const error = makeAuth({
      adapter: db.adapter,
      environment: "production",
      providers: [Email()],
    }).config.brokenProviders.get("email");
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ code: "InvalidProvider" });
    expect((error as Error).message).toContain("`server`");
    expect((error as Error).message).toContain("sendVerificationRequest");

    const { auth } = await setup();
    expect((await get(auth, "/dev-mailbox")).status).toBe(404);
  });

  it("email sign-in needs a database: a ConfigError says so", () => {
    expect(() => makeAuth({ providers: [Email({ server: smtp.url })] })).toThrow(/Email sign-in needs a database/);
  });
});

describe("email sign-in beside credentials", () => {
  it("a credentials user and an email user are separate users in one database", async () => {
    const { db, auth } = await setup({}, { providers: [Email({ server: smtp.url, from: FROM }), passwordProvider()] });
    const { jar } = await signIn(auth);
    expect((await session(auth, jar)).user).toMatchObject({ id: "1" });
    await requestLink(auth, "wes@example.com");
    const second = await openAndConfirm(auth, linkIn(onlyMail("wes@example.com")));
    expect((await session(auth, second.jar)).user).toMatchObject({ email: "wes@example.com" });
    expect(await db.count("users")).toBe(2);
  });
});
