/**
 * An OpenID provider that misbehaves on request, at the network edge (an injected `fetch`): it
 * redeems any code, ignores PKCE, and signs whatever ID token the test asks for — other
 * audiences, another `azp`, an `iat` in the future, a wrong `at_hash`, a key it never published,
 * no `kid`. For what a real provider (oidc-provider) will not do on demand.
 */
import { SignJWT, exportJWK, generateKeyPair, type JWK } from "jose";
import type { AuthHandler } from "../../src/index.js";
import { AUTH, Jar } from "../helpers.js";
import { beginSignIn, finish, type Return } from "./harness.js";

export interface SigningKey {
  privateKey: CryptoKey;
  /** The public half as published (with `kid` unless the key has none). */
  jwk: JWK;
}

/** A fresh RS256 key, published with `kid` (or without one when `kid` is `null`). */
export async function signingKey(kid: string | null): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwk: JWK = { ...(await exportJWK(publicKey)), alg: "RS256", use: "sig" };
  if (kid !== null) jwk.kid = kid;
  return { privateKey, jwk };
}

/** What the token endpoint answers for one code. */
export interface TokenAnswer {
  /** Claims over the defaults (iss, sub, aud, iat, exp, nonce). */
  claims?: Record<string, unknown>;
  /** The key that signs, and the `kid` in the header (`null`: none). @default the published key */
  key?: SigningKey;
  kid?: string | null;
  accessToken?: string;
}

export class FakeIdp {
  readonly issuer: string;
  /** The key set the JWKS endpoint publishes now. */
  published: SigningKey[];
  /** How many times the JWKS was downloaded. */
  jwksFetches = 0;
  /** Token requests, in order. */
  readonly tokenRequests: URLSearchParams[] = [];
  /** The nonce to put in the ID token for each code (what the IdP learned at /authorize). */
  readonly nonces = new Map<string, string>();
  /** What to answer per code; the default is an honest answer for `sub: "user"`. */
  readonly answers = new Map<string, TokenAnswer>();
  readonly clientId: string;

  constructor(issuer: string, clientId: string, keys: SigningKey[]) {
    this.issuer = issuer;
    this.clientId = clientId;
    this.published = keys;
  }

  /** The provider's side of the network; anything else goes to the real network (the real IdP). */
  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== new URL(this.issuer).origin) return fetch(input, init);
    if (url.pathname === "/.well-known/openid-configuration") {
      return Response.json({
        issuer: this.issuer,
        authorization_endpoint: `${this.issuer}/authorize`,
        token_endpoint: `${this.issuer}/token`,
        jwks_uri: `${this.issuer}/jwks`,
        response_types_supported: ["code"],
        id_token_signing_alg_values_supported: ["RS256"],
      });
    }
    if (url.pathname === "/jwks") {
      this.jwksFetches++;
      return Response.json({ keys: this.published.map((key) => key.jwk) });
    }
    if (url.pathname === "/token" && request.method === "POST") {
      const form = new URLSearchParams(await request.text());
      this.tokenRequests.push(form);
      const code = form.get("code") ?? "";
      const answer = this.answers.get(code) ?? {};
      const key = answer.key ?? this.published.at(0);
      if (key === undefined) throw new Error("the fake IdP publishes no key");
      const kid = answer.kid === undefined ? key.jwk.kid : answer.kid;
      const now = Math.floor(Date.now() / 1000);
      const idToken = await new SignJWT({
        iss: this.issuer,
        sub: "user",
        aud: this.clientId,
        iat: now,
        exp: now + 300,
        nonce: this.nonces.get(code),
        ...answer.claims,
      })
        .setProtectedHeader({ alg: "RS256", ...(kid === null || kid === undefined ? {} : { kid }) })
        .sign(key.privateKey);
      return Response.json({
        access_token: answer.accessToken ?? `access-for-${code}`,
        token_type: "Bearer",
        expires_in: 300,
        id_token: idToken,
      });
    }
    return new Response("not found", { status: 404 });
  };

  /** The provider as an app would configure it. */
  provider(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { id, name: id, type: "oidc", issuer: this.issuer, clientId: this.clientId, clientSecret: "s", ...extra };
  }
}

/**
 * One sign-in at `idp` through the public API: the app's sign-in POST, then the callback the IdP
 * would send for `code` (the IdP having seen the flow's nonce), answered with `answer`.
 */
export async function signInAtFake(
  auth: AuthHandler,
  idp: FakeIdp,
  providerId: string,
  code: string,
  answer?: TokenAnswer,
  jar = new Jar(),
): Promise<{ jar: Jar; response: Response }> {
  const authorize = await beginSignIn(auth, providerId, jar);
  idp.nonces.set(code, authorize.searchParams.get("nonce") ?? "");
  if (answer !== undefined) idp.answers.set(code, answer);
  return { jar, response: await finish(auth, callbackFor(authorize, providerId, code), jar) };
}

/** The way back from the IdP for `code`, with the state of the flow `authorize` started. */
export function callbackFor(authorize: URL, providerId: string, code: string): Return {
  const url = new URL(`${AUTH}/callback/${providerId}`);
  url.searchParams.set("code", code);
  url.searchParams.set("state", authorize.searchParams.get("state") ?? "");
  return { method: "GET", url };
}
