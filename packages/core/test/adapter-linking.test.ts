// Users and accounts in a real database (SQLite in memory) signing in through a real OpenID
// provider: next-auth's linking rules, and credentials users with database sessions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Adapter, AuthConfig, AuthHandler, User } from "../src/index.js";
import Credentials from "../src/providers/credentials.js";
import { memoryDatabase, type TestDatabase } from "./database.js";
import {
  AUTH,
  BASE,
  Jar,
  SESSION_COOKIE,
  csrf,
  makeAuth,
  passwordProvider,
  postForm,
  session,
  setCookies,
  signIn,
} from "./helpers.js";
import { oauthSignIn, startTestIdp, type TestIdp } from "./oauth/harness.js";

let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp();
});
afterAll(async () => {
  await idp.close();
});

const CHECK_COOKIES = ["next-auth.state", "next-auth.pkce.code_verifier", "next-auth.nonce"];

function oidc(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name: `IdP ${id}`,
    type: "oidc" as const,
    issuer: idp.issuer,
    clientId: id,
    clientSecret: `${id}-secret`,
    ...extra,
  };
}

async function setup(overrides: Partial<AuthConfig> = {}, other: Record<string, unknown> = {}) {
  const db = await memoryDatabase();
  const events: [string, Record<string, unknown>][] = [];
  const auth = makeAuth({
    adapter: db.adapter,
    providers: [oidc("local"), oidc("other", other), passwordProvider()],
    events: {
      createUser: (message) => void events.push(["createUser", message]),
      linkAccount: (message) => void events.push(["linkAccount", message]),
      signIn: (message) => void events.push(["signIn", message]),
    },
    ...overrides,
  });
  return { db, auth, events };
}

async function userId(auth: AuthHandler, jar: Jar): Promise<string | undefined> {
  return ((await session(auth, jar)).user as { id?: string } | undefined)?.id;
}

async function accounts(db: TestDatabase) {
  return db.rows("SELECT user_id, type, provider, provider_account_id FROM auth_accounts ORDER BY provider");
}

describe("OAuth with an adapter", () => {
  it("the first sign-in creates the user and links the account; the session is the database user's", async () => {
    const { db, auth, events } = await setup({ pages: { newUser: "/welcome" } });
    const { jar, response } = await oauthSignIn(auth, "local", "alice");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${BASE}/welcome?callbackUrl=${encodeURIComponent(`${BASE}/after`)}`);

    const users = await db.rows("SELECT * FROM auth_users");
    expect(users).toHaveLength(1);
    const user = users[0]!;
    expect(user).toMatchObject({ email: "alice@local.test", name: "alice" });
    const stored = await db.rows("SELECT * FROM auth_accounts");
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      user_id: user.id,
      type: "oidc",
      provider: "local",
      provider_account_id: "alice",
    });
    expect(typeof stored[0]?.access_token).toBe("string");
    expect(typeof stored[0]?.id_token).toBe("string");

    const body = await session(auth, jar);
    expect(body.user).toEqual({ id: user.id, name: "alice", email: "alice@local.test", image: null });
    expect(JSON.stringify(body)).not.toMatch(/access_token|id_token/);
    expect(await db.rows("SELECT user_id FROM auth_sessions")).toEqual([{ user_id: user.id }]);
    expect(events.map(([name]) => name)).toEqual(["createUser", "linkAccount", "signIn"]);
    expect(events[2]?.[1]).toMatchObject({ isNewUser: true, account: { provider: "local" } });
  });

  it("a second sign-in with the same account reuses the user and the account", async () => {
    const { db, auth, events } = await setup({ pages: { newUser: "/welcome" } });
    const first = await oauthSignIn(auth, "local", "bert");
    const second = await oauthSignIn(auth, "local", "bert");
    expect(second.response.headers.get("location")).toBe(`${BASE}/after`);
    expect(await userId(auth, second.jar)).toBe(await userId(auth, first.jar));
    expect(await db.count("users")).toBe(1);
    expect(await db.count("accounts")).toBe(1);
    expect(await db.count("sessions")).toBe(2);
    expect(events.at(-1)?.[1]).toMatchObject({ isNewUser: false });
  });

  it("another provider's account with an existing user's email is refused: OAuthAccountNotLinked, nothing created", async () => {
    const { db, auth } = await setup();
    await oauthSignIn(auth, "local", "cleo");
    const { jar, response } = await oauthSignIn(auth, "other", "cleo");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${AUTH}/signin?error=OAuthAccountNotLinked`);
    expect(setCookies(response).some((c) => c.name === SESSION_COOKIE && c.value !== "")).toBe(false);
    for (const name of CHECK_COOKIES) expect(jar.cookies.has(name), name).toBe(false);
    expect(await session(auth, jar)).toEqual({});
    expect(await db.count("users")).toBe(1);
    expect((await accounts(db)).map((a) => a.provider)).toEqual(["local"]);
    expect(await db.count("sessions")).toBe(1);
  });

  it("the same, when the email differs only in case", async () => {
    const { db, auth } = await setup();
    await oauthSignIn(auth, "local", "dina@example.com");
    const { response } = await oauthSignIn(auth, "other", "DINA@Example.com");
    expect(response.headers.get("location")).toBe(`${AUTH}/signin?error=OAuthAccountNotLinked`);
    expect(await db.count("users")).toBe(1);
  });

  it("allowDangerousEmailAccountLinking links it to the existing user instead", async () => {
    const { db, auth } = await setup({}, { allowDangerousEmailAccountLinking: true });
    const first = await oauthSignIn(auth, "local", "edna");
    const { jar, response } = await oauthSignIn(auth, "other", "edna");
    expect(response.headers.get("location")).toBe(`${BASE}/after`);
    const id = await userId(auth, first.jar);
    expect(await userId(auth, jar)).toBe(id);
    expect(await db.count("users")).toBe(1);
    expect(await accounts(db)).toEqual([
      { user_id: id, type: "oidc", provider: "local", provider_account_id: "edna" },
      { user_id: id, type: "oidc", provider: "other", provider_account_id: "edna" },
    ]);
  });

  it("a signed-in user who signs in with another provider gets that account linked, whatever its email", async () => {
    const { db, auth, events } = await setup();
    const { jar } = await oauthSignIn(auth, "local", "fred");
    const id = await userId(auth, jar);
    events.length = 0;
    const linked = await oauthSignIn(auth, "other", "fred-elsewhere", jar);
    expect(linked.response.headers.get("location")).toBe(`${BASE}/after`);
    expect(await userId(auth, jar)).toBe(id);
    expect(await db.count("users")).toBe(1);
    expect((await accounts(db)).map((a) => [a.provider, a.user_id])).toEqual([
      ["local", id],
      ["other", id],
    ]);
    expect(events.map(([name]) => name)).toEqual(["linkAccount", "signIn"]);
    // Signed out, the linked account now signs in as the same user.
    const later = await oauthSignIn(auth, "other", "fred-elsewhere");
    expect(await userId(auth, later.jar)).toBe(id);
  });

  it("an account already linked to someone else is refused for a signed-in user, whose session stays", async () => {
    const { db, auth } = await setup();
    const gina = await oauthSignIn(auth, "local", "gina");
    const hugo = await oauthSignIn(auth, "local", "hugo");
    const ginaId = await userId(auth, gina.jar);
    const { response } = await oauthSignIn(auth, "local", "hugo", gina.jar);
    expect(response.headers.get("location")).toBe(`${AUTH}/signin?error=OAuthAccountNotLinked`);
    expect(await userId(auth, gina.jar)).toBe(ginaId);
    expect(await userId(auth, hugo.jar)).not.toBe(ginaId);
    expect(await db.count("accounts")).toBe(2);
  });

  it("with JWT sessions the adapter still keeps users and accounts; the token's sub is the database id", async () => {
    const { db, auth } = await setup({ session: { strategy: "jwt" } });
    const { jar } = await oauthSignIn(auth, "local", "iris");
    expect(jar.cookies.get(SESSION_COOKIE)?.split(".")).toHaveLength(5);
    const user = (await db.rows("SELECT id FROM auth_users"))[0];
    expect(await userId(auth, jar)).toBe(user?.id);
    expect(await db.count("sessions")).toBe(0);
    const again = await oauthSignIn(auth, "local", "iris");
    expect(await userId(auth, again.jar)).toBe(user?.id);
    expect(await db.count("users")).toBe(1);
  });
});

describe("a next-auth adapter (no createUserWithAccount)", () => {
  it("links after creating the user, and removes the user again when linking fails", async () => {
    const db = await memoryDatabase();
    let failLink = true;
    // next-auth's adapters have no createUserWithAccount: Gatehouse creates, links, and undoes.
    const adapter: Adapter = {
      ...db.adapter,
      linkAccount: (account) =>
        failLink ? Promise.reject(new Error("constraint violated")) : db.adapter.linkAccount(account),
    };
    delete adapter.createUserWithAccount;
    const auth = makeAuth({ adapter, providers: [oidc("local")] });
    const { jar, response } = await oauthSignIn(auth, "local", "kai");
    expect(response.status).toBe(503);
    expect(jar.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await db.count("users")).toBe(0);
    expect(await db.count("accounts")).toBe(0);

    failLink = false;
    const ok = await oauthSignIn(auth, "local", "kai");
    expect(ok.response.headers.get("location")).toBe(`${BASE}/after`);
    expect(await db.count("users")).toBe(1);
    expect(await db.count("accounts")).toBe(1);
  });
});

describe("credentials users with database sessions", () => {
  it("keep the app's user id: created on first sign-in, reused after", async () => {
    const { db, auth, events } = await setup();
    const { jar } = await signIn(auth);
    expect(await db.rows("SELECT id, name, email FROM auth_users")).toEqual([
      { id: "1", name: "Ada Lovelace", email: "ada@example.com" },
    ]);
    expect(await userId(auth, jar)).toBe("1");
    expect(events.map(([name]) => name)).toEqual(["createUser", "signIn"]);
    const again = await signIn(auth);
    expect(await userId(auth, again.jar)).toBe("1");
    expect(await db.count("users")).toBe(1);
    expect(await db.count("sessions")).toBe(2);
    expect(await db.count("accounts")).toBe(0);
  });

  it("a signed-in credentials user links an OAuth account, which then signs in as them", async () => {
    const { db, auth } = await setup();
    const { jar } = await signIn(auth);
    await oauthSignIn(auth, "local", "ada-at-idp", jar);
    expect(await userId(auth, jar)).toBe("1");
    expect(await accounts(db)).toEqual([
      { user_id: "1", type: "oidc", provider: "local", provider_account_id: "ada-at-idp" },
    ]);
    const later = await oauthSignIn(auth, "local", "ada-at-idp");
    expect(await userId(auth, later.jar)).toBe("1");
  });

  it("an OAuth account with a credentials user's email is not linked to it silently", async () => {
    const { db, auth } = await setup();
    await signIn(auth);
    const { response } = await oauthSignIn(auth, "local", "ada@example.com");
    expect(response.headers.get("location")).toBe(`${AUTH}/signin?error=OAuthAccountNotLinked`);
    expect(await db.count("accounts")).toBe(0);
  });

  it("a credentials user whose email belongs to another stored user is refused, not linked", async () => {
    // Ada first signed in with an OAuth account (a stored user with a database id), then with
    // the app's password form, whose authorize() says she is user "1".
    const { db, auth } = await setup();
    const oauth = await oauthSignIn(auth, "local", "ada@example.com");
    const stored = await userId(auth, oauth.jar);
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(
      auth,
      "/callback/credentials",
      { csrfToken, email: "ada@example.com", password: "correct horse", json: "true" },
      jar,
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: "OAuthAccountNotLinked" });
    expect(setCookies(response).some((c) => c.name === SESSION_COOKIE && c.value !== "")).toBe(false);
    expect(await db.rows("SELECT id FROM auth_users")).toEqual([{ id: stored }]);
    expect(await db.count("sessions")).toBe(1);
  });

  it("authorize returning a user without an id is refused, never a shared empty id", async () => {
    // Regression: a user without an id was stored as user "" and the next one found that row,
    // so two different people signed in as one database user.
    const { db, auth } = await setup({
      providers: [
        Credentials({
          credentials: { email: {}, password: { type: "password" } },
          // JavaScript apps can do this; the types would not let TypeScript ones.
          authorize: (credentials) =>
            ({ name: credentials?.email ?? "", email: credentials?.email ?? "" }) as unknown as User,
        }),
      ],
    });
    for (const email of ["first@example.com", "second@example.com"]) {
      const jar = new Jar();
      const csrfToken = await csrf(auth, jar);
      const response = await postForm(
        auth,
        "/callback/credentials",
        { csrfToken, email, password: "x", json: "true" },
        jar,
      );
      expect(response.status, email).toBe(500);
      expect(await response.json()).toEqual({ error: "Configuration" });
      expect(jar.cookies.has(SESSION_COOKIE)).toBe(false);
    }
    expect(await db.count("users")).toBe(0);
    expect(await db.count("sessions")).toBe(0);
  });
});
