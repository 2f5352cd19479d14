import { describe, expect, it } from "vitest";
import { AUTH, BASE, Jar, SECRET, csrf, get, makeAuth, postForm, session, signIn } from "./helpers.js";

const CSRF_COOKIE = "next-auth.csrf-token";

async function credentialsPost(fields: Record<string, string>, jar: Jar, headers: Record<string, string> = {}) {
  const auth = makeAuth();
  const response = await postForm(
    auth,
    "/callback/credentials",
    { email: "ada@example.com", password: "correct horse", json: "true", ...fields },
    jar,
    headers,
  );
  return { auth, response };
}

describe("CSRF double submit", () => {
  it("refuses a POST with no token: 403 MissingCSRF and no session", async () => {
    const jar = new Jar();
    await csrf(makeAuth(), jar);
    const { auth, response } = await credentialsPost({}, jar);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ url: `${AUTH}/signin?error=MissingCSRF`, error: "MissingCSRF" });
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await session(auth, jar)).toEqual({});
  });

  it("refuses a token without its cookie", async () => {
    const source = new Jar();
    const csrfToken = await csrf(makeAuth(), source);
    const { response } = await credentialsPost({ csrfToken }, new Jar());
    expect(response.status).toBe(403);
  });

  it("refuses a token that does not match the cookie", async () => {
    const jar = new Jar();
    await csrf(makeAuth(), jar);
    const other = await csrf(makeAuth(), new Jar());
    const { response } = await credentialsPost({ csrfToken: other }, jar);
    expect(response.status).toBe(403);
  });

  it("refuses a forged cookie (token|mac made without the secret)", async () => {
    const token = "A".repeat(43);
    const jar = new Jar();
    jar.cookies.set(CSRF_COOKIE, `${token}|${"B".repeat(43)}`);
    const { response } = await credentialsPost({ csrfToken: token }, jar);
    expect(response.status).toBe(403);
    jar.cookies.set(CSRF_COOKIE, token);
    expect((await credentialsPost({ csrfToken: token }, jar)).response.status).toBe(403);
  });

  it("refuses a cookie signed under another secret", async () => {
    const foreign = makeAuth({ secret: "another-secret-entirely-0123456789" });
    const jar = new Jar();
    const csrfToken = await csrf(foreign, jar);
    const { response } = await credentialsPost({ csrfToken }, jar);
    expect(response.status).toBe(403);
  });

  it("accepts a cookie signed under a rotated-out secret", async () => {
    const old = makeAuth({ secret: "the-old-secret-0123456789abcdef" });
    const jar = new Jar();
    const csrfToken = await csrf(old, jar);
    const rotated = makeAuth({ secret: ["the-new-secret-0123456789abcdef", "the-old-secret-0123456789abcdef"] });
    const response = await postForm(
      rotated,
      "/callback/credentials",
      { csrfToken, email: "ada@example.com", password: "correct horse", json: "true" },
      jar,
    );
    expect(response.status).toBe(200);
  });

  it("guards sign-out and session updates too", async () => {
    const auth = makeAuth();
    const { jar } = await signIn(auth);
    const signOut = await postForm(auth, "/signout", { json: "true" }, jar);
    expect(signOut.status).toBe(403);
    expect((await session(auth, jar)).user).toBeDefined();
    const update = await auth(
      new Request(`${AUTH}/session`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: jar.header() },
        body: JSON.stringify({ data: { name: "Mallory" } }),
      }),
    );
    expect(update.status).toBe(403);
    expect((await session(auth, jar)).user).toMatchObject({ name: "Ada Lovelace" });
  });

  it("shows the expired-form page to a browser form post", async () => {
    const jar = new Jar();
    const response = await postForm(makeAuth(), "/callback/credentials", { email: "a", password: "b" }, jar);
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain("This form had expired");
  });
});

describe("cross-site POSTs", () => {
  it("refuses Sec-Fetch-Site: cross-site even with a valid token", async () => {
    const jar = new Jar();
    const csrfToken = await csrf(makeAuth(), jar);
    const { response } = await credentialsPost({ csrfToken }, jar, { "sec-fetch-site": "cross-site" });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("refuses a foreign Origin, accepts our own", async () => {
    const jar = new Jar();
    const csrfToken = await csrf(makeAuth(), jar);
    expect((await credentialsPost({ csrfToken }, jar, { origin: "https://evil.example" })).response.status).toBe(403);
    const own = await credentialsPost({ csrfToken }, jar, { origin: BASE, "sec-fetch-site": "same-origin" });
    expect(own.response.status).toBe(200);
  });

  it("lets Sec-Fetch-Site decide when present, and leaves Origin: null to the CSRF token", async () => {
    // Regression: pages sent with `Referrer-Policy: no-referrer` make browsers post `Origin: null`.
    const jar = new Jar();
    const csrfToken = await csrf(makeAuth(), jar);
    const nullOrigin = await credentialsPost({ csrfToken }, jar, { origin: "null", "sec-fetch-site": "same-origin" });
    expect(nullOrigin.response.status).toBe(200);
    const sandboxed = await credentialsPost({ csrfToken }, jar, { origin: "null", "sec-fetch-site": "cross-site" });
    expect(sandboxed.response.status).toBe(403);
    expect((await credentialsPost({}, jar, { origin: "null" })).response.status).toBe(403);
    expect((await credentialsPost({ csrfToken }, jar, { origin: "null" })).response.status).toBe(200);
  });
});

describe("CSRF cookie over HTTPS", () => {
  it("is a __Host- cookie: Secure, Path=/, no Domain", async () => {
    const auth = makeAuth({ url: "https://app.example.com", secret: SECRET });
    const response = await get(auth, "https://app.example.com/api/auth/csrf");
    const [line] = response.headers.getSetCookie();
    expect(line).toMatch(/^__Host-next-auth\.csrf-token=/);
    expect(line).toContain("; Secure");
    expect(line).toContain("; Path=/");
    expect(line).not.toMatch(/Domain=/i);
  });
});
