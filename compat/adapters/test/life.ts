/**
 * The whole life of a published adapter under Gatehouse, through `createAuth` and `Request`s:
 * email sign-in through a real SMTP server, a replayed link refused, OAuth sign-in and account
 * linking against a real OpenID provider (oidc-provider), the database session read, updated
 * (`POST /session`) and ended, `absoluteMaxAge` on a schema without `createdAt`. What the
 * database holds is read with SQL, not through the adapter.
 */
import { createHash } from "node:crypto";
// Gatehouse from source, as its own tests use it (one copy of its types with the shared harness).
import { createAuth, type Adapter, type AuthConfig, type AuthHandler } from "../../../packages/core/src/index.js";
import Email from "../../../packages/core/src/providers/email.js";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AUTH,
  BASE,
  Jar,
  SESSION_COOKIE,
  clock,
  csrf,
  get,
  postForm,
  session,
} from "../../../packages/core/test/helpers.js";
import { oauthSignIn, startTestIdp, type TestIdp } from "../../../packages/core/test/oauth/harness.js";
import { startSmtp, type TestSmtp } from "../../../packages/core/test/smtp.js";

const SECRET = "compat-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

/** What the database holds, read with SQL. Ids as text. */
export interface Stored {
  sessions(): Promise<{ sessionToken: string; userId: string; expires: Date }[]>;
  accounts(): Promise<{ userId: string; type: string; provider: string; providerAccountId: string }[]>;
  users(): Promise<{ id: string; email: string | null; emailVerified: Date | null }[]>;
}

/** A published adapter over a fresh database. */
export interface AdapterUnderTest {
  /** The published adapter, as the app passes it (see {@link published}). */
  adapter: Adapter;
  stored: Stored;
  cleanup: () => Promise<void>;
}

/**
 * A published adapter, typed as Gatehouse's `Adapter`. The packages declare their types against
 * next-auth's and @auth/core's own interfaces, which have no index signatures where Gatehouse's
 * do (a user's extra fields), so TypeScript will not assign one to the other; at run time they
 * are used exactly as published. (In a switched app `next-auth/adapters` is Gatehouse's, so the
 * `@next-auth/*` adapters are typed with Gatehouse's own interfaces there.)
 */
export function published(adapter: object): Adapter {
  return adapter;
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("base64url");

/** Registers the life suite for `name`; `available: false` skips it (see `serviceAvailable`). */
export function describeAdapterLife(name: string, factory: () => Promise<AdapterUnderTest>, available = true): void {
  describe.skipIf(!available)(`${name} under Gatehouse`, () => {
    let idp: TestIdp;
    let smtp: TestSmtp;
    let db: AdapterUnderTest;
    beforeAll(async () => {
      [idp, smtp, db] = await Promise.all([startTestIdp(), startSmtp(), factory()]);
    }, 60_000);
    afterAll(async () => {
      await Promise.all([idp.close(), smtp.close(), db.cleanup()]);
    });

    const oidc = (id: string) => ({
      id,
      name: `IdP ${id}`,
      type: "oidc" as const,
      issuer: idp.issuer,
      clientId: id,
      clientSecret: `${id}-secret`,
    });

    function app(session: AuthConfig["session"] = {}, now = clock().now): AuthHandler {
      return createAuth({
        secret: SECRET,
        url: BASE,
        now,
        adapter: db.adapter,
        session: { strategy: "database", ...session },
        providers: [Email({ server: smtp.url, from: "Compat <auth@compat.test>" }), oidc("local"), oidc("other")],
        // As next-auth v4 apps expose the user's id (its default session has none): the stored
        // user's with database sessions, the token's `sub` with JWT sessions.
        callbacks: {
          session: ({ session: current, user, token }) => ({
            ...current,
            user: { ...current.user, id: (user as typeof user | undefined)?.id ?? token.sub ?? "" },
          }),
        },
        logger: { error: () => undefined, warn: () => undefined, debug: () => undefined },
      });
    }

    async function waitForMail(to: string): Promise<ParsedMail> {
      for (let attempt = 0; attempt < 200; attempt++) {
        const mail = smtp.inbox(to).at(-1);
        if (mail !== undefined) return mail;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`no mail to ${to}`);
    }

    /** The confirmation page's form for a link. */
    async function confirmForm(auth: AuthHandler, link: string, jar: Jar): Promise<Record<string, string>> {
      const page = await get(auth, link, jar);
      expect(page.status).toBe(200);
      const html = await page.text();
      return Object.fromEntries(
        [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
          m[1] as string,
          (m[2] as string).replace(/&amp;/g, "&"),
        ]),
      );
    }

    /** Asks for a link by email, reads it from the mailbox, opens it and confirms. */
    async function emailSignIn(auth: AuthHandler, email: string, jar = new Jar()) {
      const before = smtp.inbox(email).length;
      const csrfToken = await csrf(auth, jar);
      const asked = await postForm(auth, "/signin/email", { csrfToken, email, callbackUrl: "/inbox" }, jar);
      expect(asked.status, await asked.clone().text()).toBe(302);
      expect(asked.headers.get("location")).toBe(`${AUTH}/verify-request?provider=email&type=email`);
      let mail = await waitForMail(email);
      while (smtp.inbox(email).length <= before) mail = await waitForMail(email);
      const link = /http:\/\/localhost:3000\/api\/auth\/callback\/email\?\S+/.exec(mail.text ?? "")?.[0];
      if (link === undefined) throw new Error(`no link in the mail: ${mail.text ?? ""}`);
      // Through the confirmation page, as from another device: without the binding cookie.
      jar.cookies.delete("next-auth.email-link");
      const fields = await confirmForm(auth, link, jar);
      const response = await postForm(auth, "/callback/email", fields, jar);
      return { jar, response, fields };
    }

    const userOf = async (auth: AuthHandler, jar: Jar) =>
      (await session(auth, jar)).user as { id: string; email?: string | null } | undefined;

    it("email sign-in through SMTP: a verified user, a session stored as the cookie's hash (no 'Unknown argument `createdAt`')", async () => {
      const auth = app();
      const { jar, response } = await emailSignIn(auth, "ada@compat.test");
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`${BASE}/inbox`);
      const user = await userOf(auth, jar);
      expect(user).toMatchObject({ email: "ada@compat.test" });

      const [stored] = (await db.stored.users()).filter((row) => row.email === "ada@compat.test");
      expect(stored?.emailVerified).toBeInstanceOf(Date);
      // A string, as the contract has ids, even where the column is a SERIAL.
      expect(user?.id).toBe(stored?.id);
      const cookie = jar.cookies.get(SESSION_COOKIE) ?? "";
      const sessions = (await db.stored.sessions()).filter((row) => row.userId === stored?.id);
      expect(sessions.map((row) => row.sessionToken)).toEqual([sha256(cookie)]);
      // next-auth links no account for an email sign-in, and neither does Gatehouse for its adapters.
      expect((await db.stored.accounts()).filter((row) => row.userId === stored?.id)).toEqual([]);
    });

    it("a replayed email link is refused and signs nobody in", async () => {
      const auth = app();
      const { fields } = await emailSignIn(auth, "bea@compat.test");
      const count = (await db.stored.sessions()).length;
      const thief = new Jar();
      const csrfToken = await csrf(auth, thief);
      const replay = await postForm(auth, "/callback/email", { ...fields, csrfToken }, thief);
      expect(replay.status).toBe(302);
      expect(replay.headers.get("location")).toBe(`${AUTH}/error?error=Verification`);
      expect(thief.cookies.has(SESSION_COOKIE)).toBe(false);
      expect(await session(auth, thief)).toEqual({});
      expect((await db.stored.sessions()).length).toBe(count);
    });

    it("the database session: read, updated with POST /session, ended by sign-out", async () => {
      const time = clock();
      const auth = app({ maxAge: 3600, updateAge: 600 }, time.now);
      const { jar } = await emailSignIn(auth, "cleo@compat.test");
      const token = sha256(jar.cookies.get(SESSION_COOKIE) ?? "");
      const row = async () => (await db.stored.sessions()).find((stored) => stored.sessionToken === token);
      const first = (await row())?.expires.getTime();
      expect(first).toBe(time.now() + 3600_000);

      time.advance(900); // past updateAge: the next read slides the expiry
      const csrfToken = await csrf(auth, jar);
      const updated = await auth(
        new Request(`${AUTH}/session`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: jar.header() },
          body: JSON.stringify({ csrfToken, data: { theme: "dark" } }),
        }),
      );
      jar.take(updated);
      expect(updated.status).toBe(200);
      expect(await updated.json()).toMatchObject({ user: { email: "cleo@compat.test" } });
      expect((await row())?.expires.getTime()).toBe(time.now() + 3600_000);
      expect((await userOf(auth, jar))?.email).toBe("cleo@compat.test");

      const signOut = await postForm(auth, "/signout", { csrfToken: await csrf(auth, jar) }, jar);
      expect(signOut.status).toBe(302);
      expect(await row()).toBeUndefined();
      expect(await session(auth, jar)).toEqual({});
    });

    it("OAuth sign-in at the local OpenID provider creates the user and links its account", async () => {
      const auth = app();
      const { jar, response } = await oauthSignIn(auth, "local", "dora");
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`${BASE}/after`);
      const user = await userOf(auth, jar);
      expect(user).toMatchObject({ email: "dora@local.test" });
      expect((await db.stored.accounts()).filter((row) => row.providerAccountId === "dora")).toEqual([
        { userId: user?.id, type: "oauth", provider: "local", providerAccountId: "dora" },
      ]);
      // Signing in again is the same user, with no second account.
      const again = await oauthSignIn(auth, "local", "dora");
      expect((await userOf(auth, again.jar))?.id).toBe(user?.id);
      expect((await db.stored.accounts()).filter((row) => row.providerAccountId === "dora")).toHaveLength(1);
    });

    it("account linking: signed in, another account joins the user; signed out, a taken email is OAuthAccountNotLinked", async () => {
      const auth = app();
      const { jar } = await emailSignIn(auth, "eve@compat.test");
      const id = (await userOf(auth, jar))?.id;
      const linked = await oauthSignIn(auth, "other", "eve-elsewhere", jar);
      expect(linked.response.headers.get("location")).toBe(`${BASE}/after`);
      expect((await userOf(auth, jar))?.id).toBe(id);
      expect((await db.stored.accounts()).filter((row) => row.userId === id)).toMatchObject([
        { provider: "other", providerAccountId: "eve-elsewhere" },
      ]);
      // Signed out, the linked account signs in as the same user.
      const later = await oauthSignIn(auth, "other", "eve-elsewhere");
      expect((await userOf(auth, later.jar))?.id).toBe(id);
      // An account of its own whose email belongs to someone else is refused, and nothing is made.
      await oauthSignIn(auth, "local", "fay");
      const users = (await db.stored.users()).length;
      const refused = await oauthSignIn(auth, "other", "fay");
      expect(refused.response.headers.get("location")).toBe(`${AUTH}/signin?error=OAuthAccountNotLinked`);
      expect(await session(auth, refused.jar)).toEqual({});
      expect((await db.stored.users()).length).toBe(users);
    });

    it("JWT sessions with the adapter (next-auth's way with credentials): users and accounts kept, linking by the token's sub", async () => {
      const auth = app({ strategy: "jwt" });
      const { jar, response } = await emailSignIn(auth, "ines@compat.test");
      expect(response.headers.get("location")).toBe(`${BASE}/inbox`);
      expect(jar.cookies.get(SESSION_COOKIE)?.split(".")).toHaveLength(5); // a JWE, no session row
      const id = (await userOf(auth, jar))?.id;
      expect(typeof id).toBe("string");
      expect((await db.stored.sessions()).filter((row) => row.userId === id)).toEqual([]);
      await oauthSignIn(auth, "local", "ines-elsewhere", jar);
      expect((await userOf(auth, jar))?.id).toBe(id);
      expect((await db.stored.accounts()).filter((row) => row.userId === id)).toMatchObject([
        { provider: "local", providerAccountId: "ines-elsewhere" },
      ]);
    });

    it("absoluteMaxAge is enforced though the schema keeps no createdAt", async () => {
      const time = clock();
      const auth = app({ maxAge: 3600, updateAge: 0, absoluteMaxAge: 7200 }, time.now);
      const { jar } = await emailSignIn(auth, "gia@compat.test");
      for (let i = 0; i < 3; i++) {
        time.advance(1800);
        expect((await userOf(auth, jar))?.email, `read ${i}`).toBe("gia@compat.test");
      }
      time.advance(1800);
      expect(await session(auth, jar)).toEqual({});
    });

    it("a browser whose session row is gone signs in again (deleting a missing session is no error)", async () => {
      const auth = app();
      const { jar } = await emailSignIn(auth, "hana@compat.test");
      const token = sha256(jar.cookies.get(SESSION_COOKIE) ?? "");
      await db.adapter.deleteSession?.(token); // revoked elsewhere; the cookie stays
      const again = await emailSignIn(auth, "hana@compat.test", jar);
      expect(again.response.status).toBe(302);
      expect((await userOf(auth, jar))?.email).toBe("hana@compat.test");
    });
  });
}
