// OAuth 1.0a (RFC 5849): signatures checked against a published vector, and the full flow
// against a scripted provider at the network edge (no OAuth 1.0a server runs here).
import { describe, expect, it } from "vitest";
import { authorizationHeader, percentEncode, signatureBaseString } from "../src/features/oauth/oauth1.js";
import { AUTH, BASE, Jar, csrf, makeAuth, postForm, session } from "./helpers.js";

// X/Twitter's documented signing example ("Creating a signature").
const VECTOR = {
  method: "POST",
  url: "https://api.twitter.com/1.1/statuses/update.json?include_entities=true",
  consumerKey: "xvz1evFS4wEEPTGEFPHBog",
  consumerSecret: "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
  token: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
  tokenSecret: "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
  nonce: "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
  timestamp: "1318622958",
  bodyParams: { status: "Hello Ladies + Gentlemen, a signed OAuth request!" },
};

describe("OAuth 1.0a signatures", () => {
  it("percent-encodes per RFC 3986", () => {
    expect(percentEncode("Ladies + Gentlemen!*'()~")).toBe("Ladies%20%2B%20Gentlemen%21%2A%27%28%29~");
  });

  it("builds the signature base string and HMAC-SHA1 signature of the published example", async () => {
    const header = await authorizationHeader(VECTOR);
    expect(header).toContain('oauth_signature="hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D"');
    expect(header.startsWith("OAuth ")).toBe(true);
    const base = signatureBaseString("post", "https://API.twitter.com:443/1/x?b=2&a=1", [["a", "0"]]);
    expect(base).toBe("POST&https%3A%2F%2Fapi.twitter.com%2F1%2Fx&a%3D0%26a%3D1%26b%3D2");
  });
});

describe("OAuth 1.0a sign-in", () => {
  it("runs request token → authorize → access token → profile, and refuses a swapped token", async () => {
    const calls: string[] = [];
    const provider = {
      id: "legacy",
      name: "Legacy",
      type: "oauth" as const,
      version: "1.0A" as const,
      clientId: "consumer",
      clientSecret: "consumer-secret",
      requestTokenUrl: "https://api.legacy.example/oauth/request_token",
      accessTokenUrl: "https://api.legacy.example/oauth/access_token",
      authorization: "https://api.legacy.example/oauth/authenticate",
      profileUrl: "https://api.legacy.example/1.1/account/verify_credentials.json",
      profile: (p: Record<string, unknown>) => ({
        id: String(p.id_str),
        name: String(p.name),
        image: String(p.profile_image_url_https),
      }),
    };
    const fakeProvider: typeof fetch = (input, init) => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      const auth = new Headers(init?.headers).get("authorization") ?? "";
      calls.push(`${init?.method ?? "GET"} ${new URL(url).pathname}`);
      expect(auth).toMatch(/^OAuth .*oauth_signature="[^"]+"/);
      if (url.endsWith("/request_token")) {
        expect(auth).toContain(`oauth_callback="${encodeURIComponent(`${AUTH}/callback/legacy`)}"`);
        return Promise.resolve(
          new Response("oauth_token=req-token&oauth_token_secret=req-secret&oauth_callback_confirmed=true"),
        );
      }
      if (url.endsWith("/access_token")) {
        expect(auth).toContain('oauth_token="req-token"');
        expect(auth).toContain('oauth_verifier="the-verifier"');
        return Promise.resolve(
          new Response("oauth_token=acc-token&oauth_token_secret=acc-secret&user_id=42&screen_name=ada"),
        );
      }
      expect(auth).toContain('oauth_token="acc-token"');
      return Promise.resolve(
        Response.json({ id_str: "42", name: "Ada", profile_image_url_https: "https://img.example/ada.png" }),
      );
    };
    const auth = makeAuth({ providers: [provider], fetch: fakeProvider });
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const start = await postForm(auth, "/signin/legacy", { csrfToken, callbackUrl: "/home" }, jar);
    expect(start.headers.get("location")).toBe("https://api.legacy.example/oauth/authenticate?oauth_token=req-token");

    const swapped = new Jar();
    for (const [name, value] of jar.cookies) swapped.cookies.set(name, value);
    const bad = await auth(
      new Request(`${AUTH}/callback/legacy?oauth_token=other-token&oauth_verifier=x`, {
        headers: { cookie: swapped.header() },
      }),
    );
    expect(bad.headers.get("location")).toBe(`${AUTH}/signin?error=OAuthCallback`);

    const callback = await auth(
      new Request(`${AUTH}/callback/legacy?oauth_token=req-token&oauth_verifier=the-verifier`, {
        headers: { cookie: jar.header() },
      }),
    );
    jar.take(callback);
    expect(callback.headers.get("location")).toBe(`${BASE}/home`);
    expect((await session(auth, jar)).user).toEqual({
      id: "legacy:42",
      name: "Ada",
      image: "https://img.example/ada.png",
    });
    expect(calls).toEqual([
      "POST /oauth/request_token",
      "POST /oauth/access_token",
      "GET /1.1/account/verify_credentials.json",
    ]);
  });
});
