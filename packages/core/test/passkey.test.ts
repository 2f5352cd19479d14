// Passkeys (WebAuthn) through createAuth + Request, against SQLite, with a software
// authenticator that makes real attestation and assertion responses (webauthn-authenticator.ts):
// registration by a signed-in user, discoverable sign-in, list / rename / delete, sign-up with a
// passkey alone, and the attacks — a cloned credential replaying its counter, a challenge from
// another browser, a replayed or expired challenge, another origin, a forged Host header.
import { describe, expect, it } from "vitest";
import { ConfigError, type AuthConfig, type AuthHandler } from "../src/index.js";
import Passkey from "../src/providers/passkey.js";
import { memoryDatabase, type TestDatabase } from "./database.js";
import {
  AUTH,
  Jar,
  clock,
  csrf,
  get,
  makeAuth,
  passwordProvider,
  recordingLogger,
  session,
  signIn,
} from "./helpers.js";
import { FLAGS, SoftwareAuthenticator } from "./webauthn-authenticator.js";

type Json = Record<string, unknown>;

async function post(
  auth: AuthHandler,
  path: string,
  jar: Jar,
  fields: Json = {},
  headers: Json = {},
): Promise<Response> {
  const csrfToken = await csrf(auth, jar);
  const response = await auth(
    new Request(`${AUTH}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: jar.header(), ...(headers as Record<string, string>) },
      body: JSON.stringify({ csrfToken, ...fields }),
    }),
  );
  jar.take(response);
  return response;
}

async function options(auth: AuthHandler, path: string, jar: Jar, fields: Json = {}): Promise<Json> {
  const response = await post(auth, `/passkey/${path}`, jar, fields);
  expect(response.status).toBe(200);
  return ((await response.json()) as { options: Json }).options;
}

async function setup(
  extra: Partial<AuthConfig> = {},
  passkey: Parameters<typeof Passkey>[0] = {},
): Promise<{ auth: AuthHandler; db: TestDatabase; lines: unknown[][] }> {
  const db = await memoryDatabase();
  const { logger, lines } = recordingLogger();
  const auth = makeAuth({ adapter: db.adapter, providers: [passwordProvider(), Passkey(passkey)], logger, ...extra });
  return { auth, db, lines };
}

/** Ada, signed in with her password, registers `authenticator` as a passkey. */
async function register(auth: AuthHandler, authenticator: SoftwareAuthenticator, name = "MacBook"): Promise<Jar> {
  const { jar } = await signIn(auth, "ada@example.com");
  const created = await authenticator.register(await options(auth, "registration-options", jar));
  const response = await post(auth, "/passkey/registration-verification", jar, { response: created, name });
  expect(response.status).toBe(200);
  return jar;
}

/** A passkey sign-in in a fresh browser: the response and the browser's jar. */
async function passkeySignIn(
  auth: AuthHandler,
  authenticator: SoftwareAuthenticator,
  answer: Parameters<SoftwareAuthenticator["authenticate"]>[1] = {},
  jar = new Jar(),
): Promise<{ response: Response; jar: Jar }> {
  const assertion = await authenticator.authenticate(await options(auth, "authentication-options", jar), answer);
  const response = await post(auth, "/callback/passkey", jar, { response: assertion, json: true });
  return { response, jar };
}

const sessionCookieSet = (response: Response): boolean =>
  response.headers
    .getSetCookie()
    .some((line) => line.startsWith("next-auth.session-token=") && !line.includes("Max-Age=0"));

describe("passkeys", () => {
  it("registers a passkey for the signed-in user, lists it, signs in with it, renames and deletes it", async () => {
    const { auth, db } = await setup();
    const authenticator = await SoftwareAuthenticator.create();
    const ada = await register(auth, authenticator, "MacBook");

    const listed = (await (await get(auth, "/passkey/list", ada)).json()) as { passkeys: Json[] };
    expect(listed.passkeys).toEqual([
      {
        id: authenticator.id,
        name: "MacBook",
        createdAt: expect.any(String) as unknown,
        lastUsedAt: null,
        deviceType: "multiDevice",
        backedUp: true,
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain("publicKey");

    const { response, jar } = await passkeySignIn(auth, authenticator);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { url: string }).url).toBe("http://localhost:3000/");
    expect(sessionCookieSet(response)).toBe(true);
    expect(((await session(auth, jar)).user as Json).email).toBe("ada@example.com");
    expect((await db.adapter.getPasskey(authenticator.id))?.lastUsedAt).not.toBeNull();

    const renamed = await post(auth, "/passkey/rename", jar, { id: authenticator.id, name: "  Work laptop " });
    expect(await renamed.json()).toMatchObject({ passkey: { id: authenticator.id, name: "Work laptop" } });

    const removed = await post(auth, "/passkey/delete", jar, { id: authenticator.id });
    expect(await removed.json()).toEqual({ deleted: true });
    expect(await db.adapter.listPasskeys("1")).toEqual([]);
    const after = await passkeySignIn(auth, authenticator);
    expect(after.response.status).toBe(401);
    expect(await after.response.json()).toMatchObject({ error: "PasskeySignin" });
  });

  it("works with JWT sessions too", async () => {
    const { auth } = await setup({ session: { strategy: "jwt" } });
    const authenticator = await SoftwareAuthenticator.create();
    await register(auth, authenticator);
    const { response, jar } = await passkeySignIn(auth, authenticator);
    expect(response.status).toBe(200);
    expect(((await session(auth, jar)).user as Json).email).toBe("ada@example.com");
  });

  it("refuses a cloned authenticator that replays its signature counter (cloned credential)", async () => {
    const { auth, db, lines } = await setup();
    const original = await SoftwareAuthenticator.create(5);
    await register(auth, original);
    const clone = original.clone();

    expect((await passkeySignIn(auth, original)).response.status).toBe(200);
    expect((await db.adapter.getPasskey(original.id))?.counter).toBe(6);

    // The clone's counter is where the original's was: 6 again, not above what was seen.
    const replay = await passkeySignIn(auth, clone);
    expect(replay.response.status).toBe(401);
    expect(await replay.response.json()).toMatchObject({ error: "PasskeySignin" });
    expect(sessionCookieSet(replay.response)).toBe(false);
    expect(lines.some(([level, code]) => level === "error" && code === "PASSKEY_CLONED")).toBe(true);
    // A counter that went backwards outright is refused too; the stored counter never moves back.
    expect((await passkeySignIn(auth, original, { counter: 2 })).response.status).toBe(401);
    expect((await db.adapter.getPasskey(original.id))?.counter).toBe(6);
  });

  it("throttles refused passkey sign-ins (guessing with a stolen credential id), never good ones", async () => {
    const { auth } = await setup({ rateLimit: { perIdentifier: { max: 3, windowSeconds: 60 }, perAddress: false } });
    const owner = await SoftwareAuthenticator.create(0);
    await register(auth, owner);
    // Good sign-ins, more than the limit: none is counted.
    for (let round = 0; round < 5; round++) expect((await passkeySignIn(auth, owner)).response.status).toBe(200);
    // An attacker with the credential id but another key: refused, and after three, throttled;
    // then the right key too waits out the window (the limit is per credential, as per account).
    const forger = await SoftwareAuthenticator.create(0);
    (forger as { credentialId: Uint8Array }).credentialId = owner.credentialId;
    forger.userHandle = owner.userHandle;
    for (let round = 0; round < 3; round++) expect((await passkeySignIn(auth, forger)).response.status).toBe(401);
    const limited = await passkeySignIn(auth, forger);
    expect(limited.response.status).toBe(429);
    expect(limited.response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await limited.response.json()).toMatchObject({ error: "RateLimited" });
    expect(sessionCookieSet(limited.response)).toBe(false);
    expect((await passkeySignIn(auth, owner)).response.status).toBe(429);
  });

  it("accepts authenticators that keep no counter (always 0)", async () => {
    const { auth } = await setup();
    const authenticator = await SoftwareAuthenticator.create(0);
    await register(auth, authenticator);
    for (let round = 0; round < 2; round++)
      expect((await passkeySignIn(auth, authenticator)).response.status).toBe(200);
  });

  it("refuses an assertion over a challenge handed to another browser", async () => {
    const { auth } = await setup();
    const authenticator = await SoftwareAuthenticator.create();
    await register(auth, authenticator);
    const victim = new Jar();
    const attacker = new Jar();
    const victimOptions = await options(auth, "authentication-options", victim);
    await options(auth, "authentication-options", attacker);
    const assertion = await authenticator.authenticate(victimOptions);
    // Posted from the attacker's browser (its own challenge cookie), and with no cookie at all.
    const fromAttacker = await post(auth, "/callback/passkey", attacker, { response: assertion, json: true });
    expect(fromAttacker.status).toBe(401);
    expect(sessionCookieSet(fromAttacker)).toBe(false);
    const noCookie = new Jar();
    expect((await post(auth, "/callback/passkey", noCookie, { response: assertion, json: true })).status).toBe(401);
    // In the browser it was made for, it signs in.
    expect((await post(auth, "/callback/passkey", victim, { response: assertion, json: true })).status).toBe(200);
  });

  it("uses a challenge once (a replayed assertion with the same cookie is refused)", async () => {
    const { auth } = await setup();
    const authenticator = await SoftwareAuthenticator.create();
    await register(auth, authenticator);
    const jar = new Jar();
    const assertion = await authenticator.authenticate(await options(auth, "authentication-options", jar));
    const cookie = jar.header();
    expect((await post(auth, "/callback/passkey", jar, { response: assertion, json: true })).status).toBe(200);
    // The same cookie and assertion again (copied before the first use cleared the cookie).
    const copy = new Jar();
    for (const pair of cookie.split("; "))
      copy.cookies.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    expect((await post(auth, "/callback/passkey", copy, { response: assertion, json: true })).status).toBe(401);
  });

  it("lets a challenge expire after five minutes", async () => {
    const time = clock();
    const { auth } = await setup({ now: time.now });
    const authenticator = await SoftwareAuthenticator.create();
    await register(auth, authenticator);
    const jar = new Jar();
    const assertion = await authenticator.authenticate(await options(auth, "authentication-options", jar));
    time.advance(301);
    expect((await post(auth, "/callback/passkey", jar, { response: assertion, json: true })).status).toBe(401);
  });

  it("refuses an assertion made for another origin or relying party (phishing)", async () => {
    const { auth } = await setup();
    const authenticator = await SoftwareAuthenticator.create();
    await register(auth, authenticator);
    expect((await passkeySignIn(auth, authenticator, { origin: "https://evil.example" })).response.status).toBe(401);
    expect((await passkeySignIn(auth, authenticator, { rpId: "evil.example" })).response.status).toBe(401);
  });

  it("takes the relying party from the configured URL, never from a forged Host header", async () => {
    const { auth } = await setup({ trustHost: true });
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const response = await auth(
      new Request(`http://evil.example/api/auth/passkey/authentication-options`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          host: "evil.example",
          "x-forwarded-host": "evil.example",
          cookie: jar.header(),
        },
        body: JSON.stringify({ csrfToken }),
      }),
    );
    expect(((await response.json()) as { options: Json }).options.rpId).toBe("localhost");
  });

  it("applies userVerification: required refuses an authenticator that did not verify the user", async () => {
    const { auth } = await setup({}, { userVerification: "required" });
    const authenticator = await SoftwareAuthenticator.create();
    const registrationOptions = await (async () => {
      const { jar } = await signIn(auth, "ada@example.com");
      return { jar, options: await options(auth, "registration-options", jar) };
    })();
    expect(registrationOptions.options.authenticatorSelection).toMatchObject({
      residentKey: "required",
      userVerification: "required",
    });
    const created = await authenticator.register(registrationOptions.options);
    await post(auth, "/passkey/registration-verification", registrationOptions.jar, { response: created });
    expect((await passkeySignIn(auth, authenticator, { flags: FLAGS.UP | FLAGS.BE })).response.status).toBe(401);
    expect((await passkeySignIn(auth, authenticator)).response.status).toBe(200);
  });

  it("asks for user verification as preferred by default, and accepts presence alone", async () => {
    const { auth } = await setup();
    const authenticator = await SoftwareAuthenticator.create();
    await register(auth, authenticator);
    const jar = new Jar();
    expect((await options(auth, "authentication-options", jar)).userVerification).toBe("preferred");
    expect((await passkeySignIn(auth, authenticator, { flags: FLAGS.UP | FLAGS.BE | FLAGS.BS })).response.status).toBe(
      200,
    );
  });

  it("records the backup state, and refuses a credential whose backup eligibility changed", async () => {
    const { auth, db } = await setup();
    const authenticator = await SoftwareAuthenticator.create();
    await register(auth, authenticator);
    expect((await passkeySignIn(auth, authenticator, { flags: FLAGS.UP | FLAGS.UV | FLAGS.BE })).response.status).toBe(
      200,
    );
    expect((await db.adapter.getPasskey(authenticator.id))?.backedUp).toBe(false);
    expect((await passkeySignIn(auth, authenticator, { flags: FLAGS.UP | FLAGS.UV })).response.status).toBe(401);
  });

  it("signs up with a passkey alone when allowSignUp is on (a new user without an email)", async () => {
    const { auth, db } = await setup({}, { allowSignUp: true });
    const authenticator = await SoftwareAuthenticator.create();
    const jar = new Jar();
    const created = await authenticator.register(await options(auth, "registration-options", jar, { userName: "ada" }));
    const response = await post(auth, "/passkey/registration-verification", jar, { response: created });
    expect(response.status).toBe(200);
    expect(sessionCookieSet(response)).toBe(true);
    const user = (await session(auth, jar)).user as Json;
    expect(user).toMatchObject({ name: "ada" });
    expect(user.email ?? null).toBeNull();
    const stored = await db.adapter.getPasskey(authenticator.id);
    expect(await db.adapter.getUser(stored?.userId ?? "")).toMatchObject({ name: "ada", email: null });
    // And signs in with it later, from another browser.
    expect((await passkeySignIn(auth, authenticator)).response.status).toBe(200);
  });

  it("refuses sign-up without allowSignUp, and registration by another account than the one that started it", async () => {
    const { auth, db } = await setup();
    const signedOut = await post(auth, "/passkey/registration-options", new Jar());
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toMatchObject({ error: "SessionRequired" });

    const authenticator = await SoftwareAuthenticator.create();
    const { jar } = await signIn(auth, "ada@example.com");
    const created = await authenticator.register(await options(auth, "registration-options", jar));
    // Bob signs in in the same browser before the ceremony ends: the passkey is not his.
    await signIn(auth, "bob@example.com", undefined, jar);
    const response = await post(auth, "/passkey/registration-verification", jar, { response: created });
    expect(response.status).toBe(403);
    expect(await db.adapter.getPasskey(authenticator.id)).toBeNull();
  });

  it("renames and deletes only the user's own passkeys, and answers bad input with 4xx", async () => {
    const { auth, db } = await setup();
    const authenticator = await SoftwareAuthenticator.create();
    await register(auth, authenticator);
    const { jar: bob } = await signIn(auth, "bob@example.com");
    expect((await post(auth, "/passkey/delete", bob, { id: authenticator.id })).status).toBe(404);
    expect((await post(auth, "/passkey/rename", bob, { id: authenticator.id, name: "mine" })).status).toBe(404);
    expect((await db.adapter.getPasskey(authenticator.id))?.name).toBe("MacBook");
    expect((await post(auth, "/passkey/rename", bob, { id: authenticator.id, name: "" })).status).toBe(400);
    expect((await post(auth, "/passkey/delete", bob, { id: "not base64url!" })).status).toBe(400);
    expect((await post(auth, "/passkey/nope", bob)).status).toBe(404);
    expect((await get(auth, "/passkey/list", new Jar())).status).toBe(401);
    expect((await post(auth, "/callback/passkey", bob, { response: "{not json", json: true })).status).toBe(400);
    expect((await post(auth, "/passkey/registration-verification", bob, { response: { id: "x" } })).status).toBe(400);
  });

  it("refuses passkey POSTs without the CSRF token", async () => {
    const { auth } = await setup();
    const response = await auth(
      new Request(`${AUTH}/passkey/authentication-options`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(response.status).toBe(403);
  });

  it("sets the challenge cookie HttpOnly, for five minutes", async () => {
    const { auth } = await setup();
    const response = await post(auth, "/passkey/authentication-options", new Jar());
    const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith("next-auth.challenge="));
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/Max-Age=300/);
  });

  it("shows a passkey button and autofill field on the sign-in page, its script admitted by hash", async () => {
    const { auth } = await setup();
    const response = await get(auth, "/signin", new Jar());
    const page = await response.text();
    expect(page).toContain('autocomplete="username webauthn"');
    expect(page).toContain('id="passkey-form"');
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)?.[1] ?? "";
    const { createHash } = await import("node:crypto");
    const hash = createHash("sha256").update(script).digest("base64");
    expect(response.headers.get("content-security-policy")).toContain(`script-src 'sha256-${hash}'`);
    // Pages without passkeys keep no script at all.
    const plain = await get(makeAuth(), "/signin", new Jar());
    expect(await plain.text()).not.toContain("<script");
    expect(plain.headers.get("content-security-policy")).not.toContain("script-src");
  });

  it("is refused at start-up without a URL, on an IP address, or without the passkeys adapter group", async () => {
    const db = await memoryDatabase();
    const base = { secret: "x".repeat(40), adapter: db.adapter, providers: [Passkey()] };
    expect(() => makeAuth({ ...base, url: undefined })).toThrow(ConfigError);
    expect(() => makeAuth({ ...base, url: undefined })).toThrow(/NEXTAUTH_URL/);
    expect(() => makeAuth({ ...base, url: "http://127.0.0.1:3000" })).toThrow(/IP address/);
    const { createPasskey: _c, ...withoutPasskeys } = db.adapter;
    expect(() => makeAuth({ ...base, adapter: withoutPasskeys })).toThrow(/createPasskey/);
    expect(() => makeAuth({ ...base, providers: [Passkey({ relyingPartyId: "example.com" })] })).toThrow(
      /relyingPartyId/,
    );
    // A provider's own bad option turns that provider off (said once, in the log), as in next-auth.
    const { logger, lines } = recordingLogger();
    makeAuth({ ...base, logger, providers: [Passkey({ userVerification: "always" as never })] });
    expect(lines.some(([level, , message]) => level === "error" && String(message).includes("userVerification"))).toBe(
      true,
    );
  });
});
