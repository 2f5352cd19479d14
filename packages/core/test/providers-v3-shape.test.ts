// next-auth v3's custom provider, written the way the v3 docs write one (`version`, `scope`,
// `params`, `accessTokenUrl`, `requestTokenUrl`, `authorizationUrl`, `profileUrl`, `idToken`,
// `profile`), signs in against a real OpenID provider: mapped onto today's `authorization`,
// `token`, `userinfo` and checks, with the ID token checked (v3 only decoded it).
// https://github.com/nextauthjs/next-auth/blob/v3/www/docs/configuration/providers.md
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Provider } from "../src/index.js";
import Google from "../src/providers/google.js";
import { AUTH, BASE, Jar, csrf, makeAuth, postForm, session } from "./helpers.js";
import { oauthSignIn, startTestIdp, type TestIdp } from "./oauth/harness.js";

let idp: TestIdp;
beforeAll(async () => {
  const client = (id: string) => ({
    client_id: id,
    client_secret: `${id}-secret`,
    // v3 sent the client id and secret in the token request's body.
    token_endpoint_auth_method: "client_secret_post",
    redirect_uris: [`${AUTH}/callback/${id}`],
    grant_types: ["authorization_code"],
  });
  idp = await startTestIdp({ clients: [client("customProvider"), client("customOAuth")] });
});
afterAll(async () => {
  await idp.close();
});

/** The v3 docs' example, pointed at the local IdP. */
function v3Provider(id: string, extra: Record<string, unknown> = {}): Provider {
  return {
    id,
    name: "CustomProvider",
    type: "oauth",
    version: "2.0",
    scope: "openid email profile",
    params: { grant_type: "authorization_code" },
    accessTokenUrl: `${idp.issuer}/token`,
    requestTokenUrl: `${idp.issuer}/auth`,
    authorizationUrl: `${idp.issuer}/auth?response_type=code`,
    profileUrl: `${idp.issuer}/me`,
    profile: (profile: Record<string, unknown>) => ({
      id: String(profile.sub),
      name: String(profile.name),
      email: String(profile.email),
      image: null,
    }),
    clientId: id,
    clientSecret: `${id}-secret`,
    ...extra,
  } as unknown as Provider;
}

describe("next-auth v3's custom provider shape", () => {
  it("signs in with idToken: true, the profile from the verified ID token", async () => {
    let profile: Record<string, unknown> | undefined;
    const auth = makeAuth({
      providers: [v3Provider("customProvider", { idToken: true })],
      callbacks: {
        signIn: (params) => {
          profile = params.profile;
          return true;
        },
      },
    });
    const { jar, response } = await oauthSignIn(auth, "customProvider", "v3user");
    expect(response.headers.get("location")).toBe(`${BASE}/after`);
    expect((await session(auth, jar)).user).toEqual({
      id: "customProvider:v3user",
      name: "v3user",
      email: "v3user@local.test",
      image: null,
    });
    // From the ID token (it carries the issuer and our client as audience).
    expect(profile).toMatchObject({ sub: "v3user", iss: idp.issuer, aud: "customProvider" });
  });

  it("signs in without idToken, the profile from profileUrl", async () => {
    let profile: Record<string, unknown> | undefined;
    const auth = makeAuth({
      providers: [v3Provider("customOAuth")],
      callbacks: {
        signIn: (params) => {
          profile = params.profile;
          return true;
        },
      },
    });
    const { jar, response } = await oauthSignIn(auth, "customOAuth", "v3plain");
    expect(response.headers.get("location")).toBe(`${BASE}/after`);
    expect((await session(auth, jar)).user).toMatchObject({ id: "customOAuth:v3plain", email: "v3plain@local.test" });
    expect(profile).toMatchObject({ sub: "v3plain", email: "v3plain@local.test" });
  });

  it("asks for the v3 scope, with PKCE and state, and never sends v3's grant_type twice", async () => {
    const seen: URLSearchParams[] = [];
    const auth = makeAuth({
      providers: [v3Provider("customOAuth")],
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.url.endsWith("/token")) seen.push(new URLSearchParams(await request.clone().text()));
        return fetch(request);
      },
    });
    const jar = new Jar();
    const start = await postForm(auth, "/signin/customOAuth", { csrfToken: await csrf(auth, jar) }, jar);
    const authorize = new URL(start.headers.get("location") ?? "");
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${idp.issuer}/auth`);
    expect(authorize.searchParams.getAll("response_type")).toEqual(["code"]);
    expect(authorize.searchParams.get("scope")).toBe("openid email profile");
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("state")).not.toBeNull();
    await oauthSignIn(auth, "customOAuth", "v3token");
    expect(seen.at(-1)?.getAll("grant_type")).toEqual(["authorization_code"]);
    expect(seen.at(-1)?.get("client_secret")).toBe("customOAuth-secret");
  });

  it("takes v3's protection option as the checks", async () => {
    const auth = makeAuth({ providers: [v3Provider("customOAuth", { protection: "state" })] });
    const jar = new Jar();
    const start = await postForm(auth, "/signin/customOAuth", { csrfToken: await csrf(auth, jar) }, jar);
    const authorize = new URL(start.headers.get("location") ?? "");
    expect(authorize.searchParams.get("state")).not.toBeNull();
    expect(authorize.searchParams.get("code_challenge")).toBeNull();
  });

  it("takes a v3 app's scope override of a built-in provider", async () => {
    const auth = makeAuth({
      providers: [Google({ clientId: "id", clientSecret: "secret", scope: "openid email calendar" } as never)],
      fetch: () =>
        Promise.resolve(
          Response.json({
            issuer: "https://accounts.google.com",
            authorization_endpoint: "https://accounts.google.com/o/oauth2/v2/auth",
            token_endpoint: "https://oauth2.googleapis.com/token",
            jwks_uri: "https://www.googleapis.com/oauth2/v3/certs",
          }),
        ),
    });
    const jar = new Jar();
    const start = await postForm(auth, "/signin/google", { csrfToken: await csrf(auth, jar) }, jar);
    expect(new URL(start.headers.get("location") ?? "").searchParams.get("scope")).toBe("openid email calendar");
  });
});
