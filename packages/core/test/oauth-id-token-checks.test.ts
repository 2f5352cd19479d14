// OpenID Connect checks an identity provider cannot be trusted to make for us. Each case is an
// attack (or a misbehaving IdP) that oauth4webapi alone lets through; the fake IdP at the network
// edge signs what the attacker would need, and the real IdP (oidc-provider) plays the honest one.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthHandler, Provider } from "../src/index.js";
import { AUTH, BASE, Jar, SESSION_COOKIE, clock, makeAuth, session, setCookies } from "./helpers.js";
import { FakeIdp, callbackFor, signInAtFake, signingKey } from "./oauth/fake-idp.js";
import { beginSignIn, finish, loginAtIdp, oauthSignIn, startTestIdp, type TestIdp } from "./oauth/harness.js";

const REFUSED = `${AUTH}/signin?error=OAuthCallback`;

let idp: TestIdp;
let fake: FakeIdp;
beforeAll(async () => {
  idp = await startTestIdp();
  fake = new FakeIdp("https://lax-idp.example.com", "lax-client", [await signingKey("k1")]);
});
afterAll(async () => {
  await idp.close();
});

function local(extra: Record<string, unknown> = {}): Provider {
  return {
    id: "local",
    name: "Local",
    type: "oidc",
    issuer: idp.issuer,
    clientId: "local",
    clientSecret: "local-secret",
    ...extra,
  };
}

/** An app with the honest IdP and the misbehaving one side by side. */
function app(extra: Record<string, unknown> = {}): AuthHandler {
  return makeAuth({ fetch: fake.fetch, providers: [local(), fake.provider("lax", extra) as unknown as Provider] });
}

async function expectRefused(auth: AuthHandler, response: Response, jar: Jar): Promise<void> {
  expect(response.headers.get("location")).toBe(REFUSED);
  expect(setCookies(response).some((c) => c.name === SESSION_COOKIE && c.value !== "")).toBe(false);
  expect(await session(auth, jar)).toEqual({});
}

/** `at_hash` as OIDC Core §3.1.3.6 defines it for RS256. */
function atHash(accessToken: string): string {
  return createHash("sha256").update(accessToken).digest().subarray(0, 16).toString("base64url");
}

describe("ID token claims oauth4webapi accepts and OpenID Connect refuses", () => {
  it("refuses an ID token also meant for an untrusted audience, even with azp naming us", async () => {
    const auth = app();
    const { jar, response } = await signInAtFake(auth, fake, "lax", "aud-extra", {
      claims: { aud: ["lax-client", "some-other-app"], azp: "lax-client" },
    });
    await expectRefused(auth, response, jar);
  });

  it("accepts the extra audience when the provider lists it in trustedAudiences", async () => {
    const auth = app({ trustedAudiences: ["our-api"] });
    const { jar, response } = await signInAtFake(auth, fake, "lax", "aud-trusted", {
      claims: { aud: ["lax-client", "our-api"], azp: "lax-client" },
    });
    expect(response.headers.get("location")).toBe(`${BASE}/after`);
    expect((await session(auth, jar)).user).toMatchObject({ id: "lax:user" });
    // …and still refuses one it does not list.
    const other = await signInAtFake(auth, fake, "lax", "aud-untrusted", {
      claims: { aud: ["lax-client", "someone-else"], azp: "lax-client" },
    });
    await expectRefused(auth, other.response, other.jar);
  });

  it("refuses an ID token whose azp (authorized party) is another client", async () => {
    const auth = app();
    const { jar, response } = await signInAtFake(auth, fake, "lax", "azp-other", {
      claims: { aud: "lax-client", azp: "another-client" },
    });
    await expectRefused(auth, response, jar);
  });

  it("refuses an ID token issued in the future, beyond the clock tolerance", async () => {
    const time = clock();
    const auth = makeAuth({
      now: time.now,
      fetch: fake.fetch,
      providers: [fake.provider("lax") as unknown as Provider],
    });
    const inHour = Math.floor(time.now() / 1000) + 3600;
    const { jar, response } = await signInAtFake(auth, fake, "lax", "iat-future", {
      claims: { iat: inHour, exp: inHour + 300 },
    });
    await expectRefused(auth, response, jar);
    // A clock a few seconds apart is fine.
    const soon = Math.floor(time.now() / 1000) + 5;
    const ok = await signInAtFake(auth, fake, "lax", "iat-soon", { claims: { iat: soon } });
    expect(ok.response.headers.get("location")).toBe(`${BASE}/after`);
  });

  it("refuses an ID token whose at_hash does not match the access token it came with (a swapped access token)", async () => {
    const auth = app();
    const { jar, response } = await signInAtFake(auth, fake, "lax", "at-hash-wrong", {
      accessToken: "an-access-token-from-elsewhere",
      claims: { at_hash: atHash("the-access-token-the-idp-issued") },
    });
    await expectRefused(auth, response, jar);
    // The matching one signs in.
    const ok = await signInAtFake(auth, fake, "lax", "at-hash-right", {
      accessToken: "the-access-token-the-idp-issued",
      claims: { at_hash: atHash("the-access-token-the-idp-issued") },
    });
    expect(ok.response.headers.get("location")).toBe(`${BASE}/after`);
  });
});

describe("a replayed callback", () => {
  /** The real IdP, behind a proxy that lets each code be redeemed again (a broken IdP would). */
  function replaying(): { fetch: typeof fetch; tokenCalls: () => number } {
    const answers = new Map<string, Promise<{ status: number; body: string }>>();
    let tokenCalls = 0;
    return {
      tokenCalls: () => tokenCalls,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (!request.url.endsWith("/token")) return fetch(input, init);
        tokenCalls++;
        const code = new URLSearchParams(await request.clone().text()).get("code") ?? "";
        let answer = answers.get(code);
        if (answer === undefined) {
          answer = fetch(request).then(async (response) => ({ status: response.status, body: await response.text() }));
          answers.set(code, answer);
        }
        const { status, body } = await answer;
        return new Response(body, { status, headers: { "content-type": "application/json" } });
      },
    };
  }

  it("does not sign in a second time with the same code, state and pre-callback cookies", async () => {
    const proxy = replaying();
    const auth = makeAuth({ fetch: proxy.fetch, providers: [local()] });
    const jar = new Jar();
    const back = await loginAtIdp(await beginSignIn(auth, "local", jar), "dana");
    const before = new Jar();
    for (const [name, value] of jar.cookies) before.cookies.set(name, value);

    const first = await finish(auth, back, jar);
    expect(first.headers.get("location")).toBe(`${BASE}/after`);
    expect(proxy.tokenCalls()).toBe(1);

    // Someone with the browser's cookies from before the callback, and the callback URL.
    const replay = await finish(auth, back, before);
    await expectRefused(auth, replay, before);
    // Refused before the code went anywhere.
    expect(proxy.tokenCalls()).toBe(1);
  });

  it("lets only one of two copies of a callback racing each other sign in", async () => {
    const proxy = replaying();
    const auth = makeAuth({ fetch: proxy.fetch, providers: [local()] });
    const jar = new Jar();
    const back = await loginAtIdp(await beginSignIn(auth, "local", jar), "eli");
    const copy = new Jar();
    for (const [name, value] of jar.cookies) copy.cookies.set(name, value);
    const responses = await Promise.all([finish(auth, back, jar), finish(auth, back, copy)]);
    const locations = responses.map((response) => response.headers.get("location")).sort();
    expect(locations).toEqual([`${BASE}/after`, REFUSED].sort());
  });
});

describe("the flow's own checks, with two IdPs (one of them lax)", () => {
  it("refuses a callback whose PKCE verifier cookie is missing, although the IdP ignores PKCE", async () => {
    const auth = app();
    // The lax IdP signs in without a verifier…
    const jar = new Jar();
    const authorize = await beginSignIn(auth, "lax", jar);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    fake.nonces.set("no-verifier", authorize.searchParams.get("nonce") ?? "");
    jar.cookies.delete("next-auth.pkce.code_verifier");
    const tokenCalls = fake.tokenRequests.length;
    const response = await finish(auth, callbackFor(authorize, "lax", "no-verifier"), jar);
    await expectRefused(auth, response, jar);
    // …but we never asked it: the flow stopped at our own check, not at the IdP.
    expect(fake.tokenRequests.length).toBe(tokenCalls);

    // The same flow with its cookie signs in, and sends the verifier.
    const ok = await signInAtFake(auth, fake, "lax", "with-verifier");
    expect(ok.response.headers.get("location")).toBe(`${BASE}/after`);
    expect(fake.tokenRequests.at(-1)?.get("code_verifier")).toMatch(/^[\w-]{43}$/);
  });

  it("refuses check cookies made for the honest IdP at the lax IdP's callback (a mix-up)", async () => {
    const auth = app();
    const jar = new Jar();
    // The victim starts at the honest IdP; its state and nonce reach the attacker's IdP.
    const authorize = await beginSignIn(auth, "local", jar);
    fake.nonces.set("mixed-up", authorize.searchParams.get("nonce") ?? "");
    const tokenCalls = fake.tokenRequests.length;
    const response = await finish(auth, callbackFor(authorize, "lax", "mixed-up"), jar);
    await expectRefused(auth, response, jar);
    expect(fake.tokenRequests.length).toBe(tokenCalls);
    // The honest IdP's own flow still signs in.
    expect((await oauthSignIn(auth, "local", "fay")).response.headers.get("location")).toBe(`${BASE}/after`);
  });
});
