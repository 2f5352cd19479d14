// OAuth when things go wrong or get interesting: IdPs that are down, slow or talk garbage,
// forged answers (faked at the network edge, through the injected fetch), token refresh under
// parallel requests, RP-initiated logout, private_key_jwt, and explicit endpoints.
import { createServer, type Server, type ServerResponse } from "node:http";
import { exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthHandler } from "../src/index.js";
import {
  AUTH,
  BASE,
  Jar,
  clock,
  csrf,
  get,
  makeAuth,
  passwordProvider,
  postForm,
  recordingLogger,
  session,
  signIn,
} from "./helpers.js";
import { beginSignIn, finish, freePort, loginAtIdp, oauthSignIn, startTestIdp, type TestIdp } from "./oauth/harness.js";

let idp: TestIdp;
let keys: CryptoKeyPair;
beforeAll(async () => {
  keys = await generateKeyPair("ES256", { extractable: true });
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: "client-key", alg: "ES256", use: "sig" };
  idp = await startTestIdp({
    accessTokenTtl: 60,
    clients: [
      {
        client_id: "signed",
        redirect_uris: [`${AUTH}/callback/signed`],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "private_key_jwt",
        token_endpoint_auth_signing_alg: "ES256",
        jwks: { keys: [jwk] },
      },
    ],
  });
});
afterAll(async () => {
  await idp.close();
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

/** A local HTTP server standing in for a broken IdP. */
async function brokenIdp(handler: (res: ServerResponse) => void): Promise<{ url: string; server: Server }> {
  const port = await freePort();
  const server = createServer((_req, res) => {
    handler(res);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}`, server };
}

async function startAt(auth: AuthHandler, provider: string): Promise<Response> {
  const jar = new Jar();
  const csrfToken = await csrf(auth, jar);
  return postForm(auth, `/signin/${provider}`, { csrfToken }, jar);
}

describe("an IdP that is down, slow or talks garbage", () => {
  it("gives a clean OAuthSignin error for each, and the other providers keep working", async () => {
    const slow = await brokenIdp(() => {
      /* never answers */
    });
    const garbage = await brokenIdp((res) => {
      res.setHeader("content-type", "application/json");
      res.end("{ this is not json");
    });
    const huge = await brokenIdp((res) => {
      res.setHeader("content-type", "application/json");
      res.end(`{"issuer":"${"x".repeat(2 * 1024 * 1024)}"}`);
    });
    const { logger, lines } = recordingLogger();
    const down = `http://127.0.0.1:${await freePort()}`;
    const auth = makeAuth({
      logger,
      providers: [
        oidc("down", { issuer: down }),
        oidc("slow", { issuer: slow.url, timeout: 300 }),
        oidc("garbage", { issuer: garbage.url }),
        oidc("huge", { issuer: huge.url }),
        oidc("local"),
        passwordProvider(),
      ],
    });
    try {
      for (const provider of ["down", "slow", "garbage", "huge"]) {
        const started = Date.now();
        const response = await startAt(auth, provider);
        expect(response.status, provider).toBe(302);
        expect(response.headers.get("location"), provider).toBe(`${AUTH}/signin?error=OAuthSignin`);
        expect(response.headers.getSetCookie(), provider).toEqual([]);
        if (provider === "slow") expect(Date.now() - started).toBeLessThan(5000);
      }
      const logged = JSON.stringify(lines);
      expect(logged).toContain("did not answer within 300 ms");
      expect(logged).toContain("could not be reached");
      expect(logged).toMatch(/sent more than 1048576 bytes|over the 1048576-byte cap/);
      // The healthy providers are unaffected.
      expect((await oauthSignIn(auth, "local", "survivor")).response.headers.get("location")).toBe(`${BASE}/after`);
      expect((await signIn(auth)).response.status).toBe(200);
    } finally {
      slow.server.closeAllConnections();
      slow.server.close();
      garbage.server.close();
      huge.server.close();
    }
  });

  it("gives a clean OAuthCallback error when the token endpoint fails mid-flow", async () => {
    let failToken = false;
    const auth = makeAuth({
      providers: [oidc("local")],
      fetch: (input, init) => {
        const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
        if (failToken && url.endsWith("/token"))
          return Promise.resolve(new Response("<html>502 Bad Gateway</html>", { status: 502 }));
        return fetch(input, init);
      },
    });
    const jar = new Jar();
    const back = await loginAtIdp(await beginSignIn(auth, "local", jar), "frank");
    failToken = true;
    const response = await finish(auth, back, jar);
    expect(response.headers.get("location")).toBe(`${AUTH}/signin?error=OAuthCallback`);
    expect(await session(auth, jar)).toEqual({});
  });
});

describe("forged answers (faked at the network edge)", () => {
  /** Passes requests to the real IdP, letting the test rewrite one kind of answer. */
  function tamper(match: RegExp, rewrite: (body: Record<string, unknown>) => Record<string, unknown>): typeof fetch {
    return async (input, init) => {
      const response = await fetch(input, init);
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      if (!match.test(url)) return response;
      const body = rewrite((await response.json()) as Record<string, unknown>);
      return new Response(JSON.stringify(body), {
        status: response.status,
        headers: { "content-type": "application/json" },
      });
    };
  }

  it("refuses an ID token whose signature does not verify", async () => {
    const auth = makeAuth({
      providers: [oidc("local")],
      fetch: tamper(/\/token$/, (body) => {
        const [header, payload, signature] = String(body.id_token).split(".");
        return { ...body, id_token: `${header}.${payload}.${(signature ?? "").split("").reverse().join("")}` };
      }),
    });
    const { jar, response } = await oauthSignIn(auth, "local", "grace");
    expect(response.headers.get("location")).toBe(`${AUTH}/signin?error=OAuthCallback`);
    expect(await session(auth, jar)).toEqual({});
  });

  it("refuses an ID token with the wrong algorithm (alg: none)", async () => {
    const auth = makeAuth({
      providers: [oidc("local")],
      fetch: tamper(/\/token$/, (body) => {
        const [, payload] = String(body.id_token).split(".");
        return { ...body, id_token: `${Buffer.from('{"alg":"none"}').toString("base64url")}.${payload}.` };
      }),
    });
    const { response } = await oauthSignIn(auth, "local", "heidi");
    expect(response.headers.get("location")).toBe(`${AUTH}/signin?error=OAuthCallback`);
  });

  it("refuses a userinfo response whose sub differs from the ID token's", async () => {
    const auth = makeAuth({
      providers: [oidc("local", { idToken: false })],
      fetch: tamper(/\/me$/, (body) => ({ ...body, sub: "someone-else" })),
    });
    const { response } = await oauthSignIn(auth, "local", "ivan");
    expect(response.headers.get("location")).toBe(`${AUTH}/signin?error=OAuthCallback`);
    // Untampered, the same configuration signs in through userinfo.
    const honest = makeAuth({ providers: [oidc("local", { idToken: false })] });
    const ok = await oauthSignIn(honest, "local", "ivan");
    expect((await session(honest, ok.jar)).user).toMatchObject({ id: "local:ivan", email: "ivan@local.test" });
  });
});

describe("explicit endpoints and private_key_jwt", () => {
  it("signs in with a plain OAuth 2 provider given endpoints, and a custom profile mapping", async () => {
    const auth = makeAuth({
      providers: [
        {
          id: "local",
          name: "Plain OAuth",
          type: "oauth",
          issuer: idp.issuer,
          authorization: { url: `${idp.issuer}/auth`, params: { scope: "openid email" } },
          token: `${idp.issuer}/token`,
          userinfo: `${idp.issuer}/me`,
          clientId: "local",
          clientSecret: "local-secret",
          checks: ["pkce", "state"],
          profile: (profile: Record<string, unknown>) => ({
            id: String(profile.sub),
            email: String(profile.email),
            name: "Mapped",
          }),
        },
      ],
    });
    const { jar, response } = await oauthSignIn(auth, "local", "judy");
    expect(response.headers.get("location")).toBe(`${BASE}/after`);
    expect((await session(auth, jar)).user).toEqual({ id: "local:judy", email: "judy@local.test", name: "Mapped" });
  });

  it("authenticates with private_key_jwt", async () => {
    const auth = makeAuth({
      providers: [
        oidc("signed", {
          clientSecret: undefined,
          client: { token_endpoint_auth_method: "private_key_jwt" },
          privateKey: { key: keys.privateKey, kid: "client-key" },
        }),
      ],
    });
    const { jar, response } = await oauthSignIn(auth, "signed", "karl");
    expect(response.headers.get("location")).toBe(`${BASE}/after`);
    expect((await session(auth, jar)).user).toMatchObject({ id: "signed:karl" });
  });
});

describe("built-in token refresh", () => {
  function counting(): { fetch: typeof fetch; refreshes: () => number } {
    let refreshes = 0;
    return {
      refreshes: () => refreshes,
      fetch: async (input, init) => {
        if (
          (typeof init?.body === "string"
            ? init.body
            : init?.body instanceof URLSearchParams
              ? init.body.toString()
              : ""
          ).includes("grant_type=refresh_token")
        )
          refreshes++;
        return fetch(input, init);
      },
    };
  }

  it("refreshes an expired access token once under parallel requests, and keeps the jwt callback informed", async () => {
    const time = clock();
    const counter = counting();
    const seen: unknown[] = [];
    const auth = makeAuth({
      now: time.now,
      fetch: counter.fetch,
      providers: [oidc("local", { refresh: true })],
      callbacks: {
        jwt: ({ token }) => {
          seen.push(token.oauth);
          return token;
        },
        session: ({ session: s, token }) => ({
          ...s,
          accessToken: (token.oauth as { access_token?: string } | undefined)?.access_token,
        }),
      },
    });
    const { jar } = await oauthSignIn(auth, "local", "lena");
    const before = (await session(auth, jar)).accessToken;
    expect(typeof before).toBe("string");
    expect(counter.refreshes()).toBe(0);

    time.advance(61);
    const cookie = jar.header();
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => auth(new Request(`${AUTH}/session`, { headers: { cookie } }))),
    );
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { accessToken?: string; error?: string }[];
    expect(counter.refreshes()).toBe(1);
    for (const body of bodies) {
      expect(body.error).toBeUndefined();
      expect(body.accessToken).not.toBe(before);
      expect(body.accessToken).toBe(bodies[0]?.accessToken);
    }
    for (const response of responses) expect(response.headers.getSetCookie()).toHaveLength(1);
    jar.take(responses[0] as Response);
    expect(seen.at(-1)).toMatchObject({ provider: "local", access_token: bodies[0]?.accessToken });

    // The rotated refresh token works next time too.
    time.advance(61);
    const next = await session(auth, jar);
    expect(counter.refreshes()).toBe(2);
    expect(next.accessToken).not.toBe(bodies[0]?.accessToken);
  });

  it("puts RefreshAccessTokenError on the session when the refresh fails", async () => {
    const time = clock();
    let broken = false;
    const { logger } = recordingLogger();
    const auth = makeAuth({
      now: time.now,
      logger,
      providers: [oidc("local", { refresh: true })],
      fetch: (input, init) =>
        broken &&
        (typeof init?.body === "string"
          ? init.body
          : init?.body instanceof URLSearchParams
            ? init.body.toString()
            : ""
        ).includes("grant_type=refresh_token")
          ? Promise.resolve(Response.json({ error: "invalid_grant" }, { status: 400 }))
          : fetch(input, init),
    });
    const { jar } = await oauthSignIn(auth, "local", "mona");
    broken = true;
    time.advance(61);
    const body = await session(auth, jar);
    expect(body.error).toBe("RefreshAccessTokenError");
    expect(body.user).toMatchObject({ id: "local:mona" });
  });

  it("does not refresh, or keep tokens in the cookie, unless asked to", async () => {
    const time = clock();
    const counter = counting();
    const auth = makeAuth({ now: time.now, fetch: counter.fetch, providers: [oidc("local")] });
    const { jar } = await oauthSignIn(auth, "local", "nina");
    time.advance(120);
    await session(auth, jar);
    expect(counter.refreshes()).toBe(0);
    const { decode } = await import("../src/jwt/index.js");
    const token = await decode({
      token: jar.cookies.get("next-auth.session-token"),
      secret: auth.config.secrets[0] as string,
      salt: "next-auth.session-token",
    });
    expect(token?.oauth).toBeUndefined();
  });
});

describe("RP-initiated logout", () => {
  it("signs out at the IdP too when the provider asks for it", async () => {
    const auth = makeAuth({ providers: [oidc("local", { logout: true })] });
    const { jar } = await oauthSignIn(auth, "local", "olga");
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(auth, "/signout", { csrfToken, callbackUrl: "/bye" }, jar);
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(location.searchParams.get("client_id")).toBe("local");
    expect(location.searchParams.get("post_logout_redirect_uri")).toBe(`${BASE}/bye`);
    expect(await session(auth, jar)).toEqual({});
    // The IdP accepts it: it shows its logout confirmation.
    const end = await fetch(location, { redirect: "manual" });
    expect(end.status).toBe(200);
  });

  it("signs out locally only by default", async () => {
    const auth = makeAuth({ providers: [oidc("local")] });
    const { jar } = await oauthSignIn(auth, "local", "pia");
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(auth, "/signout", { csrfToken }, jar);
    expect(response.headers.get("location")).toBe(`${BASE}/`);
  });
});

describe("the built-in sign-in page lists OAuth providers", () => {
  it("renders a button per provider that posts with the CSRF token", async () => {
    const auth = makeAuth({ providers: [oidc("local"), passwordProvider()] });
    const page = await (await get(auth, "/signin")).text();
    expect(page).toContain(`action="${AUTH}/signin/local"`);
    expect(page).toContain(">Sign in with local</button>");
  });
});
