import { describe, expect, it } from "vitest";
import { AUTH, BASE, Jar, csrf, get, makeAuth, postForm, session, signIn } from "./helpers.js";

describe("router", () => {
  const auth = makeAuth();

  it("serves every next-auth route under basePath", async () => {
    for (const path of ["/signin", "/signout", "/session", "/csrf", "/providers", "/error", "/verify-request"]) {
      const response = await get(auth, path);
      expect(response.status, path).toBe(200);
    }
  });

  it("answers unknown actions with 404 JSON and no stack trace", async () => {
    const response = await get(auth, "/nope");
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe("NotFound");
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it("refuses paths outside basePath and look-alike prefixes", async () => {
    expect((await get(auth, `${BASE}/api/other/session`)).status).toBe(404);
    expect((await get(auth, `${BASE}/api/authx/session`)).status).toBe(404);
    expect((await get(auth, `${BASE}/api/auth`)).status).toBe(404);
  });

  it("refuses extra path segments and providers on provider-less routes", async () => {
    expect((await get(auth, "/session/extra")).status).toBe(404);
    expect((await get(auth, "/callback/credentials/extra")).status).toBe(404);
    expect((await get(auth, "/callback")).status).toBe(404);
  });

  it("accepts one trailing slash", async () => {
    expect((await get(auth, "/session/")).status).toBe(200);
    expect((await get(auth, "/session//")).status).toBe(404);
  });

  it("answers 400 to bad percent-encoding in the provider segment", async () => {
    const response = await get(auth, "/callback/%E0%A4%A");
    expect(response.status).toBe(400);
  });

  it("answers unknown providers with 404", async () => {
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(auth, "/signin/github", { csrfToken, json: "true" }, jar);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "UnknownProvider" });
    expect((await get(auth, "/callback/github")).status).toBe(404);
  });

  it("answers wrong methods with 405 and an Allow header", async () => {
    const put = await auth(new Request(`${AUTH}/session`, { method: "PUT" }));
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, HEAD, POST");
    const del = await auth(new Request(`${AUTH}/csrf`, { method: "DELETE" }));
    expect(del.status).toBe(405);
    expect(del.headers.get("allow")).toBe("GET, HEAD");
    const postCsrf = await auth(new Request(`${AUTH}/providers`, { method: "POST" }));
    expect(postCsrf.status).toBe(405);
    const getCallback = await get(auth, "/callback/credentials");
    expect(getCallback.status).toBe(405);
    expect(getCallback.headers.get("allow")).toBe("POST");
    expect(getCallback.headers.get("content-type")).toContain("text/html");
    expect((await get(auth, "/signin/credentials")).status).toBe(405);
  });

  it("answers HEAD like GET without a body", async () => {
    const response = await auth(new Request(`${AUTH}/providers`, { method: "HEAD" }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });

  it("takes basePath from the URL's path", async () => {
    const mounted = makeAuth({ url: `${BASE}/custom/auth` });
    expect((await get(mounted, `${BASE}/custom/auth/session`)).status).toBe(200);
    expect((await get(mounted, `${BASE}/api/auth/session`)).status).toBe(404);
    const providers = (await (await get(mounted, `${BASE}/custom/auth/providers`)).json()) as Record<
      string,
      { signinUrl: string }
    >;
    expect(providers.credentials?.signinUrl).toBe(`${BASE}/custom/auth/signin/credentials`);
  });

  it("honours an explicit basePath", async () => {
    const mounted = makeAuth({ basePath: "/auth/" });
    expect((await get(mounted, `${BASE}/auth/csrf`)).status).toBe(200);
  });
});

describe("GET providers", () => {
  it("lists id, name, type and URLs", async () => {
    const response = await get(makeAuth(), "/providers");
    expect(await response.json()).toEqual({
      credentials: {
        id: "credentials",
        name: "Password",
        type: "credentials",
        signinUrl: `${AUTH}/signin/credentials`,
        callbackUrl: `${AUTH}/callback/credentials`,
      },
    });
  });
});

describe("GET csrf", () => {
  it("returns a token, sets the cookie once, and is not cacheable", async () => {
    const auth = makeAuth();
    const jar = new Jar();
    const first = await get(auth, "/csrf", jar);
    expect(first.headers.get("cache-control")).toBe("private, no-cache, no-store");
    expect(first.headers.getSetCookie()).toHaveLength(1);
    const { csrfToken } = (await first.json()) as { csrfToken: string };
    expect(csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const second = await get(auth, "/csrf", jar);
    expect(second.headers.getSetCookie()).toHaveLength(0);
    expect(((await second.json()) as { csrfToken: string }).csrfToken).toBe(csrfToken);
  });
});

describe("GET session", () => {
  it("returns {} when signed out, with no-store", async () => {
    const response = await get(makeAuth(), "/session");
    expect(response.headers.get("cache-control")).toBe("private, no-cache, no-store");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({});
  });

  it("returns the user once signed in, with the id", async () => {
    const auth = makeAuth();
    const { jar } = await signIn(auth);
    const body = await session(auth, jar);
    expect(body.user).toEqual({ id: "1", name: "Ada Lovelace", email: "ada@example.com" });
    expect(Date.parse(body.expires as string)).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
  });
});

describe("GET error and verify-request", () => {
  const auth = makeAuth();

  it("shows known error codes with their status", async () => {
    expect((await get(auth, "/error?error=Configuration")).status).toBe(500);
    expect((await get(auth, "/error?error=AccessDenied")).status).toBe(403);
    expect((await get(auth, "/error?error=Verification")).status).toBe(403);
    const unknown = await get(auth, "/error?error=%3Cscript%3EWhatever");
    expect(unknown.status).toBe(200);
    const text = await unknown.text();
    expect(text).toContain("Something went wrong");
    expect(text).not.toContain("Whatever");
  });

  it("sends sign-in errors to the sign-in page", async () => {
    const response = await get(auth, "/error?error=CredentialsSignin");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${AUTH}/signin?error=CredentialsSignin`);
  });

  it("renders verify-request", async () => {
    const response = await get(auth, "/verify-request");
    expect(await response.text()).toContain("Check your email");
  });
});
