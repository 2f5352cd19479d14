// OAuth 2.0 / OpenID Connect against a real OpenID provider (panva's oidc-provider) on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthConfig, AuthHandler } from "../src/index.js";
import {
  AUTH,
  BASE,
  Jar,
  SESSION_COOKIE,
  clock,
  csrf,
  makeAuth,
  passwordProvider,
  postForm,
  session,
  setCookies,
  signIn,
} from "./helpers.js";
import { beginSignIn, finish, loginAtIdp, oauthSignIn, startTestIdp, type TestIdp } from "./oauth/harness.js";

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

function app(overrides: Partial<AuthConfig> = {}): AuthHandler {
  return makeAuth({ providers: [oidc("local"), oidc("other"), passwordProvider()], ...overrides });
}

/** Expects a clean failure: back to sign-in with an error, no session, check cookies cleared. */
async function expectRefused(auth: AuthHandler, response: Response, jar: Jar, error = "OAuthCallback") {
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toBe(`${AUTH}/signin?error=${error}`);
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  expect(setCookies(response).some((c) => c.name === SESSION_COOKIE && c.value !== "")).toBe(false);
  for (const name of CHECK_COOKIES) expect(jar.cookies.has(name), name).toBe(false);
  expect(await session(auth, jar)).toEqual({});
}

describe("OIDC sign-in with a real provider", () => {
  it("signs in: code + PKCE + state + nonce, ID token validated, checks cleared, back to the callbackUrl", async () => {
    const auth = app();
    const jar = new Jar();
    const authorize = await beginSignIn(auth, "local", jar);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${AUTH}/callback/local`);
    expect(authorize.searchParams.get("scope")).toBe("openid profile email");
    for (const name of CHECK_COOKIES) expect(jar.cookies.has(name), name).toBe(true);
    expect(jar.cookies.get("next-auth.state")).not.toContain(authorize.searchParams.get("state"));

    const back = await loginAtIdp(authorize, "alice");
    expect(back.method).toBe("GET");
    expect(back.url.searchParams.get("iss")).toBe(idp.issuer);
    const response = await finish(auth, back, jar);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${BASE}/after`);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    for (const name of CHECK_COOKIES) expect(jar.cookies.has(name), name).toBe(false);
    expect(jar.cookies.has("next-auth.callback-url")).toBe(false);

    const body = await session(auth, jar);
    expect(body.user).toEqual({ id: "local:alice", name: "alice", email: "alice@local.test" });
    expect(JSON.stringify(body)).not.toMatch(/access_token|id_token|refresh_token/);
  });

  it("gives the jwt callback the account and profile, tokens included", async () => {
    let seen: Record<string, unknown> | undefined;
    const auth = app({
      callbacks: {
        jwt: (params) => {
          if (params.account) seen = params;
          return params.token;
        },
      },
    });
    await oauthSignIn(auth, "local", "carol");
    expect(seen?.account).toMatchObject({
      provider: "local",
      type: "oidc",
      providerAccountId: "carol",
      token_type: "bearer",
    });
    expect(typeof (seen?.account as { access_token?: unknown }).access_token).toBe("string");
    expect(typeof (seen?.account as { id_token?: unknown }).id_token).toBe("string");
    expect(seen?.profile).toMatchObject({ sub: "carol", email: "carol@local.test", iss: idp.issuer, aud: "local" });
  });

  it("keeps two providers' identical subs apart: two distinct users", async () => {
    const auth = app();
    const first = await oauthSignIn(auth, "local", "123");
    const second = await oauthSignIn(auth, "other", "123");
    const a = (await session(auth, first.jar)).user as { id: string };
    const b = (await session(auth, second.jar)).user as { id: string };
    expect(a.id).toBe("local:123");
    expect(b.id).toBe("other:123");
  });

  it("keeps a signed-in user who signs in with another provider (the account joins the user)", async () => {
    const auth = app();
    const { jar } = await signIn(auth);
    await oauthSignIn(auth, "local", "ada-at-idp", jar);
    expect((await session(auth, jar)).user).toMatchObject({ id: "1", email: "ada@example.com" });
  });

  it("authenticates with client_secret_post and as a public client (none + PKCE)", async () => {
    const auth = app({
      providers: [
        oidc("posted", { client: { token_endpoint_auth_method: "client_secret_post" } }),
        oidc("public", { clientSecret: undefined, client: { token_endpoint_auth_method: "none" } }),
      ],
    });
    for (const provider of ["posted", "public"]) {
      const { jar, response } = await oauthSignIn(auth, provider, `user-of-${provider}`);
      expect(response.headers.get("location"), provider).toBe(`${BASE}/after`);
      expect((await session(auth, jar)).user).toMatchObject({ id: `${provider}:user-of-${provider}` });
    }
  });

  it("accepts response_mode=form_post: the IdP posts back cross-site, without a CSRF token", async () => {
    const auth = app({ providers: [oidc("local", { authorization: { params: { response_mode: "form_post" } } })] });
    const jar = new Jar();
    const back = await loginAtIdp(await beginSignIn(auth, "local", jar), "dora");
    expect(back.method).toBe("POST");
    const response = await finish(auth, back, jar);
    expect(response.headers.get("location")).toBe(`${BASE}/after`);
    expect((await session(auth, jar)).user).toMatchObject({ id: "local:dora" });
  });

  it("passes signIn()'s authorizationParams on, but never the flow's own parameters", async () => {
    const auth = app();
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(
      auth,
      "/signin/local?prompt=login&login_hint=eve&state=evil&redirect_uri=https%3A%2F%2Fevil.example",
      { csrfToken },
      jar,
    );
    const url = new URL(response.headers.get("location") ?? "");
    expect(url.searchParams.get("prompt")).toBe("login");
    expect(url.searchParams.get("login_hint")).toBe("eve");
    expect(url.searchParams.get("state")).not.toBe("evil");
    expect(url.searchParams.get("redirect_uri")).toBe(`${AUTH}/callback/local`);
  });

  it("answers json=true with the authorization URL", async () => {
    const auth = app();
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(auth, "/signin/local", { csrfToken, json: "true" }, jar);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { url: string }).url.startsWith(`${idp.issuer}/auth?`)).toBe(true);
  });
});

describe("each check, broken on purpose, ends cleanly with no session", () => {
  async function flow(auth: AuthHandler, login = "mallory") {
    const jar = new Jar();
    const back = await loginAtIdp(await beginSignIn(auth, "local", jar), login);
    if (back.method !== "GET") throw new Error("expected a redirect");
    return { jar, url: back.url };
  }

  it("a changed state", async () => {
    const auth = app();
    const { jar, url } = await flow(auth);
    url.searchParams.set("state", "tampered");
    await expectRefused(auth, await finish(auth, { method: "GET", url }, jar), jar);
  });

  it("a missing state", async () => {
    const auth = app();
    const { jar, url } = await flow(auth);
    url.searchParams.delete("state");
    await expectRefused(auth, await finish(auth, { method: "GET", url }, jar), jar);
  });

  it("a missing state cookie", async () => {
    const auth = app();
    const { jar, url } = await flow(auth);
    jar.cookies.delete("next-auth.state");
    await expectRefused(auth, await finish(auth, { method: "GET", url }, jar), jar);
  });

  it("a missing PKCE verifier", async () => {
    const auth = app();
    const { jar, url } = await flow(auth);
    jar.cookies.delete("next-auth.pkce.code_verifier");
    await expectRefused(auth, await finish(auth, { method: "GET", url }, jar), jar);
  });

  it("a wrong nonce (another flow's nonce cookie)", async () => {
    const auth = app();
    const other = new Jar();
    await beginSignIn(auth, "local", other);
    const { jar, url } = await flow(auth);
    jar.cookies.set("next-auth.nonce", other.cookies.get("next-auth.nonce") as string);
    await expectRefused(auth, await finish(auth, { method: "GET", url }, jar), jar);
  });

  it("a wrong iss, and a missing iss the IdP advertises", async () => {
    const auth = app();
    const wrong = await flow(auth);
    wrong.url.searchParams.set("iss", "https://evil.example");
    await expectRefused(auth, await finish(auth, { method: "GET", url: wrong.url }, wrong.jar), wrong.jar);
    const missing = await flow(auth);
    missing.url.searchParams.delete("iss");
    await expectRefused(auth, await finish(auth, { method: "GET", url: missing.url }, missing.jar), missing.jar);
  });

  it("a replayed callback", async () => {
    const auth = app();
    const { jar, url } = await flow(auth);
    const saved = new Map(jar.cookies);
    const first = await finish(auth, { method: "GET", url }, jar);
    expect(first.headers.get("location")).toBe(`${BASE}/after`);
    // Replayed by someone else who kept the request (cookies and all): the code is spent.
    const replay = new Jar();
    for (const [name, value] of saved) replay.cookies.set(name, value);
    await expectRefused(auth, await finish(auth, { method: "GET", url }, replay), replay);
    // Replayed in the same browser: the check cookies are gone.
    const again = await finish(auth, { method: "GET", url }, jar);
    expect(again.headers.get("location")).toBe(`${AUTH}/signin?error=OAuthCallback`);
  });

  it("expired check cookies (15 minutes)", async () => {
    const time = clock();
    const auth = app({ now: time.now });
    const { jar, url } = await flow(auth);
    time.advance(15 * 60 + 16);
    await expectRefused(auth, await finish(auth, { method: "GET", url }, jar), jar);
  });

  it("a flow started at one provider and finished at another", async () => {
    const auth = app();
    const { jar, url } = await flow(auth);
    const elsewhere = new URL(url.href.replace("/callback/local", "/callback/other"));
    await expectRefused(auth, await finish(auth, { method: "GET", url: elsewhere }, jar), jar);
  });

  it("an error answer from the IdP (access_denied)", async () => {
    const auth = app();
    const jar = new Jar();
    const authorize = await beginSignIn(auth, "local", jar);
    const url = new URL(`${AUTH}/callback/local`);
    url.searchParams.set("error", "access_denied");
    url.searchParams.set("state", authorize.searchParams.get("state") ?? "");
    url.searchParams.set("iss", idp.issuer);
    await expectRefused(auth, await finish(auth, { method: "GET", url }, jar), jar);
  });
});

describe("check cookies over HTTPS", () => {
  it("are __Secure-, Lax by default, and SameSite=None for form_post providers (the IdP posts cross-site)", async () => {
    const https = "https://app.example.com";
    const auth = makeAuth({
      url: https,
      providers: [oidc("local"), oidc("other", { authorization: { params: { response_mode: "form_post" } } })],
    });
    for (const [provider, sameSite] of [
      ["local", "Lax"],
      ["other", "None"],
    ] as const) {
      const jar = new Jar();
      const csrfToken = await csrf(auth, jar, `${https}/api/auth`);
      const response = await postForm(auth, `${https}/api/auth/signin/${provider}`, { csrfToken }, jar);
      const checks = setCookies(response).filter((c) => /state|pkce|nonce/.test(c.name));
      expect(checks.map((c) => c.name).sort()).toEqual([
        "__Secure-next-auth.nonce",
        "__Secure-next-auth.pkce.code_verifier",
        "__Secure-next-auth.state",
      ]);
      for (const cookie of checks) {
        expect(cookie.attributes).toMatchObject({ secure: true, httponly: true, samesite: sameSite, "max-age": "900" });
      }
    }
  });
});
