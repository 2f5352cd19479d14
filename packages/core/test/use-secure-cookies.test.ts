// `useSecureCookies` overrides what the URL's scheme would choose, both ways: `true` behind a
// TLS-terminating proxy whose app URL still reads http, `false` for an https URL served to a
// browser over plain http (local tooling). The cookie names and attributes follow the option,
// and every route reads and clears the cookies by those names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Jar, csrf, get, makeAuth, postForm, session, setCookies, signIn } from "./helpers.js";
import { startTestIdp, type TestIdp } from "./oauth/harness.js";

const SECURE_SESSION = "__Secure-next-auth.session-token";

let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp();
});
afterAll(async () => {
  await idp.close();
});

/** A form_post OIDC provider at the test IdP: its check cookies must survive a cross-site POST. */
function formPostProvider() {
  return {
    id: "local",
    name: "Local",
    type: "oidc" as const,
    issuer: idp.issuer,
    clientId: "local",
    clientSecret: "local-secret",
    authorization: { params: { response_mode: "form_post" } },
  };
}

describe("useSecureCookies: true on an http URL", () => {
  it("names every cookie __Secure- (CSRF __Host-), marks them Secure, and the session works under those names", async () => {
    const auth = makeAuth({ useSecureCookies: true });
    const jar = new Jar();
    const csrfResponse = await get(auth, "/csrf", jar);
    const [csrfCookie] = setCookies(csrfResponse);
    expect(csrfCookie?.name).toBe("__Host-next-auth.csrf-token");
    expect(csrfCookie?.attributes).toMatchObject({ secure: true, path: "/", httponly: true });
    expect(csrfCookie?.attributes.domain).toBeUndefined();

    const { response } = await signIn(auth, "ada@example.com", undefined, jar);
    expect(response.status).toBe(200);
    const sessionCookie = setCookies(response).find((cookie) => cookie.name.includes("session-token"));
    expect(sessionCookie?.name).toBe(SECURE_SESSION);
    expect(sessionCookie?.attributes).toMatchObject({ secure: true, httponly: true, samesite: "Lax", path: "/" });
    expect(await session(auth, jar)).toMatchObject({ user: { id: "1" } });

    // The plain name is not what this app reads: the same value under it is no session.
    const plain = new Jar();
    plain.cookies.set("next-auth.session-token", jar.cookies.get(SECURE_SESSION)!);
    expect(await session(auth, plain)).toEqual({});

    // Sign-out clears the __Secure- cookie.
    const signedOut = await postForm(auth, "/signout", { csrfToken: await csrf(auth, jar), json: "true" }, jar);
    expect(signedOut.status).toBe(200);
    const cleared = setCookies(signedOut).find((cookie) => cookie.name === SECURE_SESSION);
    expect(cleared?.attributes["max-age"]).toBe("0");
    expect(jar.cookies.has(SECURE_SESSION)).toBe(false);
  });

  // Regression: the callback-url cookie stayed Lax, so the browser left it out of the IdP's
  // cross-site POST and a form_post sign-in (Apple) always landed on the home page.
  it("makes a form_post provider's check and callback-url cookies SameSite=None; Secure", async () => {
    const auth = makeAuth({ useSecureCookies: true, providers: [formPostProvider()] });
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(auth, "/signin/local", { csrfToken, callbackUrl: "/dashboard" }, jar);
    expect(response.status).toBe(302);
    const checks = setCookies(response).filter((cookie) => /state|pkce|nonce|callback-url/.test(cookie.name));
    expect(checks.map((cookie) => cookie.name).sort()).toEqual([
      "__Secure-next-auth.callback-url",
      "__Secure-next-auth.nonce",
      "__Secure-next-auth.pkce.code_verifier",
      "__Secure-next-auth.state",
    ]);
    for (const cookie of checks) expect(cookie.attributes).toMatchObject({ samesite: "None", secure: true });
  });
});

describe("useSecureCookies: false on an https URL", () => {
  const HTTPS = "https://app.example.com";

  it("keeps next-auth's plain names without Secure, and the session works under them", async () => {
    const auth = makeAuth({ url: HTTPS, useSecureCookies: false });
    const jar = new Jar();
    const csrfResponse = await get(auth, `${HTTPS}/api/auth/csrf`, jar);
    const [csrfCookie] = setCookies(csrfResponse);
    expect(csrfCookie?.name).toBe("next-auth.csrf-token");
    expect(csrfCookie?.attributes.secure).toBeUndefined();

    const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
    const response = await postForm(
      auth,
      `${HTTPS}/api/auth/callback/credentials`,
      { csrfToken, email: "ada@example.com", password: "correct horse", json: "true" },
      jar,
    );
    expect(response.status).toBe(200);
    const sessionCookie = setCookies(response).find((cookie) => cookie.name.includes("session-token"));
    expect(sessionCookie?.name).toBe("next-auth.session-token");
    expect(sessionCookie?.attributes.secure).toBeUndefined();
    const read = await get(auth, `${HTTPS}/api/auth/session`, jar);
    expect(await read.json()).toMatchObject({ user: { id: "1" } });

    // A __Secure- cookie (what the URL alone would have chosen) is not read.
    const prefixed = new Jar();
    prefixed.cookies.set(SECURE_SESSION, jar.cookies.get("next-auth.session-token")!);
    expect(await (await get(auth, `${HTTPS}/api/auth/session`, prefixed)).json()).toEqual({});
  });

  it("leaves a form_post provider's check and callback-url cookies Lax (SameSite=None needs Secure)", async () => {
    const auth = makeAuth({ url: HTTPS, useSecureCookies: false, providers: [formPostProvider()] });
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar, `${HTTPS}/api/auth`);
    const response = await postForm(
      auth,
      `${HTTPS}/api/auth/signin/local`,
      { csrfToken, callbackUrl: "/dashboard" },
      jar,
    );
    expect(response.status).toBe(302);
    const checks = setCookies(response).filter((cookie) => /state|pkce|nonce|callback-url/.test(cookie.name));
    expect(checks.map((cookie) => cookie.name).sort()).toEqual([
      "next-auth.callback-url",
      "next-auth.nonce",
      "next-auth.pkce.code_verifier",
      "next-auth.state",
    ]);
    for (const cookie of checks) {
      expect(cookie.attributes.samesite).toBe("Lax");
      expect(cookie.attributes.secure).toBeUndefined();
    }
  });
});
