// Built-in token refresh and RP-initiated logout with database sessions: the provider tokens
// live in the account row (SQLite), refreshed against the real local OpenID provider.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthConfig } from "../src/index.js";
import { memoryDatabase } from "./database.js";
import { AUTH, clock, csrf, makeAuth, postForm, recordingLogger, session } from "./helpers.js";
import { oauthSignIn, startTestIdp, type TestIdp } from "./oauth/harness.js";

let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp({ accessTokenTtl: 60 });
});
afterAll(async () => {
  await idp.close();
});

const HINT_COOKIE = "next-auth.session-token-idp";

function isRefresh(init: RequestInit | undefined): boolean {
  const body = init?.body;
  return (typeof body === "string" ? body : body instanceof URLSearchParams ? body.toString() : "").includes(
    "grant_type=refresh_token",
  );
}

async function setup(extra: Record<string, unknown> = {}, overrides: Partial<AuthConfig> = {}) {
  const db = await memoryDatabase();
  const time = clock();
  let refreshes = 0;
  let refuse = false;
  const seen: unknown[] = [];
  const auth = makeAuth({
    adapter: db.adapter,
    now: time.now,
    providers: [
      {
        id: "local",
        name: "Local",
        type: "oidc",
        issuer: idp.issuer,
        clientId: "local",
        clientSecret: "local-secret",
        ...extra,
      },
    ],
    fetch: (input, init) => {
      if (!isRefresh(init)) return fetch(input, init);
      refreshes++;
      return refuse ? Promise.resolve(Response.json({ error: "invalid_grant" }, { status: 400 })) : fetch(input, init);
    },
    callbacks: {
      session: ({ session: current, account }) => {
        seen.push(account);
        return { ...current, accessToken: account?.access_token };
      },
    },
    ...overrides,
  });
  const account = async () =>
    (await db.rows("SELECT access_token, refresh_token, expires_at FROM auth_accounts"))[0] as
      { access_token: string; refresh_token: string; expires_at: number } | undefined;
  return {
    db,
    auth,
    time,
    account,
    seen,
    refreshes: () => refreshes,
    refuse: () => {
      refuse = true;
    },
  };
}

describe("token refresh with database sessions", () => {
  it("refreshes once under parallel requests and stores the rotated tokens in the account row", async () => {
    const { auth, time, account, refreshes, seen } = await setup({ refresh: true });
    const { jar } = await oauthSignIn(auth, "local", "rhea");
    const first = await account();
    expect(first?.refresh_token).toEqual(expect.any(String));
    expect((await session(auth, jar)).accessToken).toBe(first?.access_token);
    expect(refreshes()).toBe(0);

    time.advance(61);
    const cookie = jar.header();
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => auth(new Request(`${AUTH}/session`, { headers: { cookie } }))),
    );
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as {
      accessToken?: string;
      error?: string;
    }[];
    expect(refreshes()).toBe(1);
    const stored = await account();
    expect(stored?.access_token).not.toBe(first?.access_token);
    expect(stored?.refresh_token).not.toBe(first?.refresh_token); // the local IdP rotates them
    expect(Number(stored?.expires_at)).toBeGreaterThan(Number(first?.expires_at));
    for (const body of bodies) {
      expect(body.error).toBeUndefined();
      expect(body.accessToken).toBe(stored?.access_token);
    }
    expect(seen.at(-1)).toMatchObject({
      provider: "local",
      providerAccountId: "rhea",
      access_token: stored?.access_token,
    });

    // The rotated refresh token works the next time too.
    time.advance(61);
    expect((await session(auth, jar)).accessToken).not.toBe(stored?.access_token);
    expect(refreshes()).toBe(2);
  });

  it("puts RefreshAccessTokenError on the session when the provider refuses, and keeps the row", async () => {
    const { auth, time, account, refuse } = await setup({ refresh: true }, { logger: recordingLogger().logger });
    const { jar } = await oauthSignIn(auth, "local", "sven");
    const before = await account();
    refuse();
    time.advance(61);
    const body = await session(auth, jar);
    expect(body.error).toBe("RefreshAccessTokenError");
    expect(body.user).toMatchObject({ email: "sven@local.test" });
    expect(await account()).toEqual(before);
  });

  it("reads only the session's own user's account, whatever the hint cookie says", async () => {
    const { auth, time, refreshes } = await setup({ refresh: true });
    await oauthSignIn(auth, "local", "tara");
    const { jar } = await oauthSignIn(auth, "local", "ugo");
    // Point ugo's hint at tara's account: nothing of tara's is read, refreshed or shown.
    jar.cookies.set(
      HINT_COOKIE,
      `${Buffer.from("local").toString("base64url")}.${Buffer.from("tara").toString("base64url")}`,
    );
    time.advance(61);
    const body = await session(auth, jar);
    expect(body.user).toMatchObject({ email: "ugo@local.test" });
    expect(body.accessToken).toBeUndefined();
    expect(refreshes()).toBe(0);
    // A garbled hint is ignored the same way.
    jar.cookies.set(HINT_COOKIE, "%%%.not-base64!");
    expect((await session(auth, jar)).user).toMatchObject({ email: "ugo@local.test" });
  });

  it("needs getAccount and updateAccount of the adapter, and says so at start-up", async () => {
    const { adapter } = await memoryDatabase();
    const { getAccount: _get, updateAccount: _update, ...older } = adapter;
    expect(() =>
      makeAuth({
        adapter: older,
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
    ).toThrow("The `adapter` lacks getAccount, updateAccount, which token refresh with database sessions need.");
  });
});

describe("RP-initiated logout with database sessions", () => {
  it("signs out at the IdP too, and clears the hint cookie with the session's", async () => {
    const { db, auth } = await setup({ logout: true });
    const { jar } = await oauthSignIn(auth, "local", "vera");
    expect(jar.cookies.has(HINT_COOKIE)).toBe(true);
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(auth, "/signout", { csrfToken, callbackUrl: "/bye" }, jar);
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(location.searchParams.get("post_logout_redirect_uri")).toBe("http://localhost:3000/bye");
    expect(jar.cookies.has(HINT_COOKIE)).toBe(false);
    expect(await db.count("sessions")).toBe(0);
  });

  it("a provider without logout or refresh sets no hint cookie", async () => {
    const { auth } = await setup();
    const { jar } = await oauthSignIn(auth, "local", "wim");
    expect(jar.cookies.has(HINT_COOKIE)).toBe(false);
  });
});
