/**
 * One whole OAuth sign-in through the public API (`createAuth` → `Request` → `Response`) against
 * a provider whose side of the network is served by an injected `fetch`: its discovery document
 * and keys (OpenID Connect), its token endpoint, and its APIs, with the response shapes its
 * documentation gives. Records what was asked of each, so tests can check client authentication,
 * where the access token went, and the mapped user.
 */
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import { expect } from "vitest";
import type { Provider } from "../src/index.js";
import { AUTH, Jar, csrf, makeAuth, postForm, session } from "./helpers.js";

export const CLIENT = { clientId: "client-id", clientSecret: "client-secret" };
export const ACCESS_TOKEN = "provider-access-token";

/** An API the provider answers. */
export interface ApiAnswer {
  /** The JSON answered, or a whole `Response`. */
  body: unknown;
  /** Where the access token must be: the `Authorization` scheme, or "none" (it is in the URL). @default "Bearer" */
  auth?: "Bearer" | "OAuth" | "none";
  /** Headers the request must carry. */
  headers?: Record<string, string>;
  /** The JSON body the request must carry. */
  json?: unknown;
}

export interface SignInCase {
  name: string;
  provider: Provider;
  /** The authorization endpoint (origin + path) the browser is sent to. */
  authorize: string;
  /** Authorization parameters to expect (`null`: must be absent). */
  params?: Record<string, string | null>;
  /** The query of the sign-in POST: the third argument of the client's `signIn()`. */
  signInQuery?: Record<string, string>;
  /**
   * OpenID Connect: where discovery is served, the issuer it names, and the ID token's claims;
   * for fault cases, metadata without `jwks_uri`, no ID token at all, or another nonce in it.
   */
  oidc?: {
    discovery: string;
    issuer: string;
    claims: Record<string, unknown>;
    jwks?: boolean;
    idToken?: boolean;
    nonce?: string;
    /** The ID token's `iss`, when it differs from the metadata's (Microsoft's tenant template). */
    tokenIssuer?: string;
  };
  /** The token endpoint. @default `${oidc.issuer}/token` */
  token?: string;
  /** Replaces the token endpoint's answer (OIDC cases still get an `id_token` added). */
  tokenResponse?: Record<string, unknown>;
  /** How the client must authenticate at the token endpoint. @default "basic" */
  auth?: "basic" | "post";
  /** API answers by "METHOD URL" or URL (GET). */
  api?: Record<string, unknown>;
  /** The session's user: `id` is "providerId:providerAccountId". */
  expected: Record<string, unknown>;
}

export interface SignInResult {
  status: number;
  location: string | null;
  authorize: URL;
  tokenRequest: Request | undefined;
  /** Every URL the provider was asked for, in order. */
  requests: string[];
  /** The API keys that were called. */
  api: string[];
  user: Record<string, unknown> | undefined;
}

let keys: Promise<{ privateKey: CryptoKey; jwk: Record<string, unknown> }> | undefined;
function signingKeys(): Promise<{ privateKey: CryptoKey; jwk: Record<string, unknown> }> {
  keys ??= generateKeyPair("RS256").then(async ({ privateKey, publicKey }) => ({
    privateKey,
    jwk: { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" },
  }));
  return keys;
}

const trim = (url: string) => url.replace(/\/$/, "");

function isAnswer(value: unknown): value is ApiAnswer {
  return typeof value === "object" && value !== null && "body" in value;
}

/** The provider's side of the network, as one fetch. */
function network(test: SignInCase, seen: SignInResult, nonce: () => string | undefined): typeof fetch {
  const oidc = test.oidc;
  const tokenUrl = test.token ?? (oidc === undefined ? "" : `${trim(oidc.issuer)}/token`);
  const api = new Map(
    Object.entries(test.api ?? {}).map(([key, value]) => {
      const [method, url] = key.includes(" ") ? (key.split(" ") as [string, string]) : ["GET", key];
      return [`${method} ${new URL(url).href}`, { key, answer: isAnswer(value) ? value : { body: value } }];
    }),
  );
  return async (input, init) => {
    const request = new Request(input, init);
    seen.requests.push(request.url);
    if (oidc !== undefined && request.url === new URL(oidc.discovery).href) {
      return Response.json({
        issuer: oidc.issuer,
        authorization_endpoint: test.authorize,
        token_endpoint: tokenUrl,
        userinfo_endpoint: `${trim(oidc.issuer)}/userinfo`,
        ...(oidc.jwks === false ? {} : { jwks_uri: `${trim(oidc.issuer)}/jwks` }),
        response_types_supported: ["code"],
        id_token_signing_alg_values_supported: ["RS256"],
      });
    }
    if (oidc !== undefined && request.url === new URL(`${trim(oidc.issuer)}/jwks`).href) {
      return Response.json({ keys: [(await signingKeys()).jwk] });
    }
    if (request.url === new URL(tokenUrl).href && request.method === "POST") {
      seen.tokenRequest = request.clone();
      const body: Record<string, unknown> = test.tokenResponse ?? {
        access_token: ACCESS_TOKEN,
        token_type: "bearer",
        expires_in: 3600,
      };
      if (oidc !== undefined && oidc.idToken !== false) {
        body.id_token = await new SignJWT({ ...oidc.claims, nonce: oidc.nonce ?? nonce() })
          .setProtectedHeader({ alg: "RS256", kid: "k1" })
          .setIssuer(oidc.tokenIssuer ?? oidc.issuer)
          .setAudience(CLIENT.clientId)
          .setIssuedAt()
          .setExpirationTime("5m")
          .sign((await signingKeys()).privateKey);
      }
      return Response.json(body);
    }
    const entry = api.get(`${request.method} ${request.url}`);
    if (entry !== undefined) {
      const { key, answer } = entry;
      seen.api.push(key);
      const authorization = request.headers.get("authorization");
      if (answer.auth === "none") {
        expect(authorization, `${key}: the token goes in the URL`).toBeNull();
        expect(request.url, key).toContain(ACCESS_TOKEN);
      } else {
        expect(authorization, key).toBe(`${answer.auth ?? "Bearer"} ${ACCESS_TOKEN}`);
      }
      for (const [name, value] of Object.entries(answer.headers ?? {})) {
        expect(request.headers.get(name), `${key}: ${name}`).toBe(value);
      }
      if (answer.json !== undefined) expect(await request.json(), `${key}: body`).toEqual(answer.json);
      return answer.body instanceof Response ? answer.body.clone() : Response.json(answer.body);
    }
    return new Response(`unexpected request ${request.method} ${request.url}`, { status: 599 });
  };
}

/** Runs the sign-in; `check` also asserts the token request and the API calls. */
export async function signInWith(test: SignInCase): Promise<SignInResult> {
  const seen: SignInResult = {
    status: 0,
    location: null,
    authorize: new URL("about:blank"),
    tokenRequest: undefined,
    requests: [],
    api: [],
    user: undefined,
  };
  const flow: { nonce?: string | undefined } = {};
  const auth = makeAuth({ providers: [test.provider], fetch: network(test, seen, () => flow.nonce) });
  const id = auth.config.providers[0]?.id as string;
  const jar = new Jar();
  const csrfToken = await csrf(auth, jar);
  const query = test.signInQuery === undefined ? "" : `?${new URLSearchParams(test.signInQuery).toString()}`;
  const start = await postForm(auth, `/signin/${id}${query}`, { csrfToken, callbackUrl: "/done" }, jar);
  expect(start.status, await start.clone().text()).toBe(302);
  seen.authorize = new URL(start.headers.get("location") ?? "");
  flow.nonce = seen.authorize.searchParams.get("nonce") ?? undefined;
  const params = new URLSearchParams({ code: "the-code", state: seen.authorize.searchParams.get("state") ?? "" });
  const done = await auth(
    new Request(`${AUTH}/callback/${id}?${params.toString()}`, { headers: { cookie: jar.header() } }),
  );
  jar.take(done);
  seen.status = done.status;
  seen.location = done.headers.get("location");
  if (seen.location === "http://localhost:3000/done") {
    seen.user = (await session(auth, jar)).user as Record<string, unknown> | undefined;
  }
  return seen;
}

/** The whole case: the authorization request, the token request, the APIs, the user. */
export async function checkSignIn(test: SignInCase): Promise<SignInResult> {
  const result = await signInWith(test);
  const { authorize } = result;
  expect(`${authorize.origin}${authorize.pathname}`).toBe(test.authorize);
  expect(authorize.searchParams.get("client_id")).toBe(CLIENT.clientId);
  for (const [param, value] of Object.entries(test.params ?? {})) {
    expect(authorize.searchParams.get(param), param).toBe(value);
  }
  expect(result.location, "the sign-in should succeed").toBe("http://localhost:3000/done");

  const tokenRequest = result.tokenRequest as Request;
  const form = new URLSearchParams(await tokenRequest.text());
  expect(form.get("code")).toBe("the-code");
  expect(form.get("grant_type")).toBe("authorization_code");
  expect(form.get("redirect_uri")).toBe(`${AUTH}/callback/${String(test.expected.id).split(":")[0]}`);
  if (authorize.searchParams.has("code_challenge")) expect(form.get("code_verifier")).toMatch(/^[\w-]{43}$/);
  else expect(form.get("code_verifier")).toBeNull();
  if ((test.auth ?? "basic") === "post") {
    expect(form.get("client_id")).toBe(CLIENT.clientId);
    expect(form.get("client_secret")).toBe(CLIENT.clientSecret);
    expect(tokenRequest.headers.get("authorization")).toBeNull();
  } else {
    // RFC 6749 §2.3.1: id and secret form-urlencoded, then Basic.
    const basic = atob((tokenRequest.headers.get("authorization") ?? "").replace(/^Basic /, ""));
    expect(basic.split(":").map(decodeURIComponent)).toEqual([CLIENT.clientId, CLIENT.clientSecret]);
    expect(form.get("client_secret")).toBeNull();
  }
  expect([...result.api].sort()).toEqual(Object.keys(test.api ?? {}).sort());

  const user = result.user ?? {};
  for (const [key, value] of Object.entries(test.expected)) expect(user[key] ?? null, key).toEqual(value);
  return result;
}
