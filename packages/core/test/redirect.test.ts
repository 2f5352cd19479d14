import { describe, expect, it } from "vitest";
import { BASE, Jar, csrf, get, makeAuth, postForm } from "./helpers.js";

const HOME = `${BASE}/`;

const HOSTILE = [
  "https://evil.example/",
  "HTTP://EVIL.EXAMPLE",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "%2F%2Fevil.example",
  "http://localhost:3000@evil.example/",
  "http://evil.example\\@localhost:3000",
  "http://user:pass@localhost:3000/",
  "http://localhost:3000.evil.example/",
  "https://localhost:3000/",
  "javascript:alert(document.cookie)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  " //evil.example",
  "/dashboard ",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\nSet-Cookie: x=y",
  "/\u0000/evil.example",
  "http:evil.example",
  "evil.example",
];

const SAFE: [string, string][] = [
  ["/dashboard", `${BASE}/dashboard`],
  ["/dashboard?tab=1#top", `${BASE}/dashboard?tab=1#top`],
  [`${BASE}/account`, `${BASE}/account`],
  ["/%2F%2Fevil.example", `${BASE}/%2F%2Fevil.example`],
  ["/a/../b", `${BASE}/b`],
];

async function signInWithCallback(callbackUrl: string, auth = makeAuth()): Promise<string> {
  const jar = new Jar();
  const csrfToken = await csrf(auth, jar);
  const response = await postForm(
    auth,
    "/callback/credentials",
    { csrfToken, email: "ada@example.com", password: "correct horse", callbackUrl, json: "true" },
    jar,
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { url: string }).url;
}

describe("open-redirect attempts after sign-in", () => {
  it.each(HOSTILE)("sends %j to the base URL", async (target) => {
    expect(await signInWithCallback(target)).toBe(HOME);
  });

  it.each(SAFE)("keeps %j on the site", async (target, expected) => {
    expect(await signInWithCallback(target)).toBe(expected);
  });

  it("re-checks what a permissive redirect callback returns", async () => {
    const auth = makeAuth({ callbacks: { redirect: ({ url }) => url } });
    expect(await signInWithCallback("https://evil.example/", auth)).toBe(HOME);
    const evil = makeAuth({ callbacks: { redirect: () => "//evil.example/path" } });
    expect(await signInWithCallback("/fine", evil)).toBe(HOME);
  });

  it("lets a redirect callback return a relative path (seed 000's v3 style result)", async () => {
    const auth = makeAuth({ callbacks: { redirect: ({ url }) => (url.endsWith("/signin") ? "/profile" : url) } });
    expect(await signInWithCallback(`${BASE}/api/auth/signin`, auth)).toBe(`${BASE}/profile`);
  });

  it("checks the callback-url cookie like the parameter", async () => {
    const auth = makeAuth();
    const jar = new Jar();
    jar.cookies.set("next-auth.callback-url", encodeURIComponent("https://evil.example/"));
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(
      auth,
      "/callback/credentials",
      { csrfToken, email: "ada@example.com", password: "correct horse", json: "true" },
      jar,
    );
    expect(await response.json()).toEqual({ url: HOME });
  });
});

describe("open-redirect attempts elsewhere", () => {
  it.each(HOSTILE.slice(0, 8))("sign-out drops %j", async (target) => {
    const auth = makeAuth();
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(auth, "/signout", { csrfToken, callbackUrl: target }, jar);
    expect(response.headers.get("location")).toBe(HOME);
  });

  it("the sign-in page drops a hostile callbackUrl instead of putting it in the form", async () => {
    const response = await get(makeAuth(), `/signin?callbackUrl=${encodeURIComponent("//evil.example")}`);
    const page = await response.text();
    expect(page).not.toContain("evil.example");
    expect(page).not.toContain('name="callbackUrl"');
  });

  it("never redirects to an off-site custom page, falling back to the built-in one", async () => {
    const auth = makeAuth({ pages: { signIn: "https://evil.example/login", error: "https://evil.example/error" } });
    const signin = await get(auth, "/signin");
    expect(signin.status).toBe(200);
    const error = await get(auth, "/error?error=AccessDenied");
    expect(error.status).toBe(403);
    expect(error.headers.get("location")).toBeNull();
  });

  it("redirects to an on-site custom sign-in page with the callbackUrl", async () => {
    const auth = makeAuth({ pages: { signIn: "/login" } });
    const response = await get(auth, "/signin?callbackUrl=%2Fdashboard&error=SessionRequired");
    expect(response.headers.get("location")).toBe(
      `${BASE}/login?callbackUrl=${encodeURIComponent(`${BASE}/dashboard`)}&error=SessionRequired`,
    );
  });
});

describe("the base URL", () => {
  it("ignores Host and X-Forwarded-* unless trustHost is set", async () => {
    const auth = makeAuth();
    const response = await get(auth, `${BASE}/api/auth/providers`, undefined, {
      host: "evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    });
    expect(JSON.stringify(await response.json())).not.toContain("evil.example");
  });

  it("uses X-Forwarded-Host and -Proto with trustHost", async () => {
    const auth = makeAuth({ url: undefined, trustHost: true });
    const response = await get(auth, "http://internal:8080/api/auth/providers", undefined, {
      "x-forwarded-host": "app.example.com",
      "x-forwarded-proto": "https",
    });
    const providers = (await response.json()) as Record<string, { signinUrl: string }>;
    expect(providers.credentials?.signinUrl).toBe("https://app.example.com/api/auth/signin/credentials");
  });

  it("refuses a malformed forwarded host with 400", async () => {
    const auth = makeAuth({ url: undefined, trustHost: true });
    for (const host of ["evil.example/path", "a@b", "exa mple.com", "-bad.example"]) {
      const response = await get(auth, "http://internal/api/auth/session", undefined, { "x-forwarded-host": host });
      expect(response.status, host).toBe(400);
    }
  });
});
