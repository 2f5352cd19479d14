// An identity provider rotates its signing keys: the next sign-in must not fail because our copy
// of its JWKS predates the new key. And forged ID tokens naming keys that do not exist must not
// make us download the JWKS once per token (a flood at the IdP paid for by our servers).
import { exportJWK, generateKeyPair } from "jose";
import { describe, expect, it } from "vitest";
import type { Provider } from "../src/index.js";
import { AUTH, BASE, Jar, clock, makeAuth, session } from "./helpers.js";
import { FakeIdp, callbackFor, signInAtFake, signingKey } from "./oauth/fake-idp.js";
import { beginSignIn, finish, freePort, oauthSignIn, startTestIdp } from "./oauth/harness.js";

/** An RS256 private key for oidc-provider, published as `kid`. */
async function idpKey(kid: string): Promise<Record<string, unknown>> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: "RS256", use: "sig" };
}

/** The app's fetch, counting JWKS downloads. */
function counting(): { fetch: typeof fetch; jwks: () => number } {
  let jwks = 0;
  return {
    jwks: () => jwks,
    fetch: (input, init) => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      if (new URL(url).pathname === "/jwks") jwks++;
      return fetch(input, init);
    },
  };
}

// RSA key generation and an IdP restart take a few seconds on a busy machine.
describe("the IdP rotates its signing key", { timeout: 30_000 }, () => {
  it("a sign-in right after the rotation succeeds against a JWKS cached before it (real oidc-provider)", async () => {
    const port = await freePort();
    let idp = await startTestIdp({ port, jwks: { keys: [await idpKey("key-1")] } });
    const counter = counting();
    const auth = makeAuth({
      fetch: counter.fetch,
      providers: [
        {
          id: "local",
          name: "Local",
          type: "oidc",
          issuer: idp.issuer,
          clientId: "local",
          clientSecret: "local-secret",
        },
      ],
    });
    try {
      const before = await oauthSignIn(auth, "local", "ann");
      expect(before.response.headers.get("location")).toBe(`${BASE}/after`);
      expect(counter.jwks()).toBe(1);

      // The IdP restarts with a new key first in its set (the old one is still published).
      await idp.close();
      idp = await startTestIdp({ port, jwks: { keys: [await idpKey("key-2"), await idpKey("key-1")] } });

      const after = await oauthSignIn(auth, "local", "ben");
      expect(after.response.headers.get("location")).toBe(`${BASE}/after`);
      expect((await session(auth, after.jar)).user).toMatchObject({ id: "local:ben" });
      // One more download, for the new kid; the next sign-in uses the refreshed copy.
      expect(counter.jwks()).toBe(2);
      await oauthSignIn(auth, "local", "cat");
      expect(counter.jwks()).toBe(2);
    } finally {
      await idp.close();
    }
  });

  it("a rotation between keys without a kid is picked up too", async () => {
    const first = await signingKey(null);
    const idp = new FakeIdp("https://idp.example.com", "client", [first]);
    const auth = makeAuth({ fetch: idp.fetch, providers: [idp.provider("fake") as unknown as Provider] });
    expect((await signInAtFake(auth, idp, "fake", "code-1")).response.headers.get("location")).toBe(`${BASE}/after`);
    expect(idp.jwksFetches).toBe(1);

    idp.published = [await signingKey(null)];
    const { jar, response } = await signInAtFake(auth, idp, "fake", "code-2");
    expect(response.headers.get("location")).toBe(`${BASE}/after`);
    expect((await session(auth, jar)).user).toMatchObject({ id: "fake:user" });
    expect(idp.jwksFetches).toBe(2);
  });
});

describe("a flood of ID tokens signed with keys the IdP never published", { timeout: 30_000 }, () => {
  it("costs the IdP at most one JWKS download per interval, however many arrive at once", async () => {
    const time = clock();
    const genuine = await signingKey("genuine");
    const idp = new FakeIdp("https://idp.example.com", "client", [genuine]);
    const auth = makeAuth({
      now: time.now,
      fetch: idp.fetch,
      providers: [idp.provider("fake") as unknown as Provider],
    });
    await signInAtFake(auth, idp, "fake", "warm-up");
    expect(idp.jwksFetches).toBe(1);
    const attacker = await signingKey("attacker");

    // Twenty forged callbacks at once, each with its own unknown kid.
    const flows = [];
    for (let i = 0; i < 20; i++) {
      const jar = new Jar();
      const authorize = await beginSignIn(auth, "fake", jar);
      idp.nonces.set(`forged-${i}`, authorize.searchParams.get("nonce") ?? "");
      idp.answers.set(`forged-${i}`, { key: attacker, kid: `unknown-${i}`, claims: { sub: "victim" } });
      flows.push({ jar, back: callbackFor(authorize, "fake", `forged-${i}`) });
    }
    const responses = await Promise.all(flows.map(({ jar, back }) => finish(auth, back, jar)));
    for (const response of responses) {
      expect(response.headers.get("location")).toBe(`${AUTH}/signin?error=OAuthCallback`);
    }
    expect(idp.jwksFetches).toBe(2);

    // More of them within the interval: no download at all.
    for (let i = 0; i < 5; i++) {
      await signInAtFake(auth, idp, "fake", `late-${i}`, { key: attacker, kid: `late-${i}` });
    }
    expect(idp.jwksFetches).toBe(2);

    // After the interval, one more is allowed; the genuine key still signs in without any.
    time.advance(31);
    await signInAtFake(auth, idp, "fake", "later", { key: attacker, kid: "later" });
    expect(idp.jwksFetches).toBe(3);
    const ok = await signInAtFake(auth, idp, "fake", "genuine");
    expect(ok.response.headers.get("location")).toBe(`${BASE}/after`);
    expect(idp.jwksFetches).toBe(3);
  });
});
