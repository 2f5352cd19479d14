// Account pre-hijacking (issue 9, item 4): an attacker signs in through an OpenID provider that
// reports the victim's address but does not vouch for it (`email_verified: false`), hoping the
// victim's later email-link sign-in lands in the attacker's user — or links the attacker's
// account into the victim's. A real OpenID provider (local IdP), a real SMTP server and a real
// database (SQLite), both orders.
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthHandler } from "../src/index.js";
import Email from "../src/providers/email.js";
import { memoryDatabase, type TestDatabase } from "./database.js";
import { Jar, csrf, get, makeAuth, postForm, session } from "./helpers.js";
import { oauthSignIn, startTestIdp, type TestIdp } from "./oauth/harness.js";
import { startSmtp, type TestSmtp } from "./smtp.js";

const VICTIM = "victim@example.com";

let idp: TestIdp;
let smtp: TestSmtp;
beforeAll(async () => {
  // The IdP vouches only for login names starting with "verified-".
  [idp, smtp] = await Promise.all([
    startTestIdp({ emailVerified: (login) => login.startsWith("verified-") }),
    startSmtp(),
  ]);
});
afterAll(async () => {
  await Promise.all([idp.close(), smtp.close()]);
});

function oidc(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name: id,
    type: "oidc" as const,
    issuer: idp.issuer,
    clientId: id,
    clientSecret: `${id}-secret`,
    ...extra,
  };
}

async function setup(dangerousLinking = false): Promise<{ db: TestDatabase; auth: AuthHandler }> {
  const db = await memoryDatabase();
  const auth = makeAuth({
    adapter: db.adapter,
    providers: [
      oidc("local", { allowDangerousEmailAccountLinking: dangerousLinking }),
      Email({ server: smtp.url, from: "auth@gatehouse.test" }),
    ],
  });
  return { db, auth };
}

/** The victim asks for a link and opens it (pressing the button where one is shown): their jar. */
async function emailSignIn(auth: AuthHandler, address: string, jar = new Jar()): Promise<Jar> {
  const before = smtp.inbox(address).length;
  await postForm(auth, "/signin/email", { csrfToken: await csrf(auth, jar), email: address }, jar);
  const mails: ParsedMail[] = smtp.inbox(address);
  expect(mails).toHaveLength(before + 1);
  const link = /http:\/\/localhost:3000\/api\/auth\/callback\/email\?\S+/.exec(mails.at(-1)?.text ?? "")?.[0] ?? "";
  const opened = await get(auth, link, jar);
  // In the browser that asked for it the link signs in at once; elsewhere it shows a button.
  if (opened.status === 302) return jar;
  const page = await opened.text();
  const fields = Object.fromEntries(
    [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
      m[1] as string,
      (m[2] as string).replace(/&amp;/g, "&"),
    ]),
  );
  const response = await postForm(auth, "/callback/email", fields, jar);
  expect(response.status).toBe(302);
  return jar;
}

async function userOf(auth: AuthHandler, jar: Jar): Promise<{ id?: string; email?: string | null } | undefined> {
  return (await session(auth, jar)).user as { id?: string; email?: string | null } | undefined;
}

describe("account pre-hijacking through an unverified provider email", () => {
  it("attacker first: the victim's email link gets a user of its own, and the attacker's user loses the address", async () => {
    const { db, auth } = await setup();
    const attacker = await oauthSignIn(auth, "local", VICTIM);
    const attackerUser = await userOf(auth, attacker.jar);
    expect(attackerUser?.email).toBe(VICTIM);
    // Stored, but unverified: the provider did not vouch for it.
    expect((await db.adapter.getUser(attackerUser?.id ?? ""))?.emailVerified).toBeNull();

    const victimJar = await emailSignIn(auth, VICTIM);
    const victim = await userOf(auth, victimJar);
    expect(victim?.id).toBeDefined();
    expect(victim?.id).not.toBe(attackerUser?.id);
    expect((await db.adapter.getUserByEmail(VICTIM))?.id).toBe(victim?.id);

    // The attacker's way in reaches only their own user, which no longer has the address.
    const again = await oauthSignIn(auth, "local", VICTIM);
    const attackerAgain = await userOf(auth, again.jar);
    expect(attackerAgain?.id).toBe(attackerUser?.id);
    expect(attackerAgain?.email ?? null).toBeNull();
  });

  it("attacker first, with dangerous email linking on: the same — the victim is never in the attacker's user", async () => {
    const { auth } = await setup(true);
    const attacker = await userOf(auth, (await oauthSignIn(auth, "local", VICTIM)).jar);
    const victim = await userOf(auth, await emailSignIn(auth, VICTIM));
    expect(victim?.id).not.toBe(attacker?.id);
  });

  it("victim first: an account whose provider says the address is unverified never links to the victim, even with dangerous email linking", async () => {
    const { db, auth } = await setup(true);
    const victim = await userOf(auth, await emailSignIn(auth, VICTIM));
    const { response } = await oauthSignIn(auth, "local", VICTIM);
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get("location") ?? "").searchParams.get("error")).toBe("OAuthAccountNotLinked");
    const links = await db.rows("SELECT provider, user_id FROM auth_accounts WHERE provider = 'local'");
    expect(links).toEqual([]);
    expect((await db.adapter.getUserByEmail(VICTIM))?.id).toBe(victim?.id);
  });

  it("the user's own session proves the address: a link opened signed in as that user verifies it there", async () => {
    const { db, auth } = await setup();
    const address = "owner@example.com";
    const { jar } = await oauthSignIn(auth, "local", address);
    const oauthUser = await userOf(auth, jar);
    await emailSignIn(auth, address, jar);
    expect((await userOf(auth, jar))?.id).toBe(oauthUser?.id);
    expect((await db.adapter.getUser(oauthUser?.id ?? ""))?.emailVerified).toBeInstanceOf(Date);
    expect(await db.count("users")).toBe(1);
  });

  it("a provider that vouches for the address: the user is stored verified, and an email link signs into it", async () => {
    const { db, auth } = await setup();
    const address = "verified-owner@example.com";
    const oauthUser = await userOf(auth, (await oauthSignIn(auth, "local", address)).jar);
    expect((await db.adapter.getUser(oauthUser?.id ?? ""))?.emailVerified).toBeInstanceOf(Date);
    const viaEmail = await userOf(auth, await emailSignIn(auth, address));
    expect(viaEmail?.id).toBe(oauthUser?.id);
  });
});
