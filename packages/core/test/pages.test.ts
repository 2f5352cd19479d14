import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import Credentials from "../src/providers/credentials.js";
import { AUTH, get, makeAuth, passwordProvider } from "./helpers.js";

async function page(auth: ReturnType<typeof makeAuth>, path: string): Promise<{ response: Response; html: string }> {
  const response = await get(auth, path);
  return { response, html: await response.text() };
}

describe("built-in sign-in page", () => {
  it("renders a credentials form from the provider's fields, with a CSRF token and labels", async () => {
    const { response, html } = await page(makeAuth(), "/signin?callbackUrl=%2Fdashboard");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.getSetCookie()[0]).toMatch(/^next-auth\.csrf-token=/);
    expect(html).toContain(`<form method="post" action="${AUTH}/callback/credentials">`);
    expect(html).toMatch(/<input type="hidden" name="csrfToken" value="[A-Za-z0-9_-]{43}" \/>/);
    expect(html).toContain('<input type="hidden" name="callbackUrl" value="http://localhost:3000/dashboard" />');
    expect(html).toContain('<label for="input-email-for-credentials-provider">Email</label>');
    expect(html).toContain(
      'id="input-email-for-credentials-provider" name="email" type="email" placeholder="you@example.com"',
    );
    expect(html).toContain('name="password" type="password" autocomplete="current-password" required />');
    expect(html).toContain(">Sign in</button>");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("to continue to localhost:3000");
  });

  it("names each provider's button when there are several, divided by 'or'", async () => {
    const auth = makeAuth({
      providers: [
        passwordProvider(),
        Credentials({
          id: "pin",
          name: "PIN",
          credentials: { pin: { label: "PIN", type: "password" } },
          authorize: () => null,
        }),
      ],
    });
    const { html } = await page(auth, "/signin");
    expect(html).toContain(">Sign in with Password</button>");
    expect(html).toContain(">Sign in with PIN</button>");
    expect(html).toContain('class="divider"');
    expect(html).toContain(`action="${AUTH}/callback/pin"`);
  });

  it("escapes everything that comes from configuration", async () => {
    const auth = makeAuth({
      providers: [
        Credentials({
          id: "x",
          name: '<script>alert("name")</script>',
          credentials: {
            'a"><b': {
              label: "<img src=x onerror=alert(1)>",
              placeholder: '"><svg onload=alert(2)>',
              type: 'text" onfocus="x',
            },
          },
          authorize: () => null,
        }),
      ],
    });
    const { html } = await page(auth, "/signin");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<svg");
    expect(html).not.toContain('onfocus="x');
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain('type="text"');
  });

  it("shows a message for each next-auth error code, and a generic one for anything else", async () => {
    const auth = makeAuth();
    const cases: [string, string][] = [
      ["CredentialsSignin", "don&#39;t match an account"],
      ["OAuthAccountNotLinked", "already belongs to an account"],
      ["SessionRequired", "need to be signed in"],
      ["EmailSignin", "couldn&#39;t send the sign-in email"],
      ["OAuthSignin", "couldn&#39;t start signing you in"],
      ["Callback", "while finishing your sign-in"],
      ["Anything", "We couldn&#39;t sign you in"],
    ];
    for (const [code, text] of cases) {
      const { html } = await page(auth, `/signin?error=${code}`);
      expect(html, code).toContain('role="alert"');
      expect(html, code).toContain(text);
    }
    expect((await page(auth, "/signin")).html).not.toContain('role="alert"');
  });

  it("locks the page down: CSP with the stylesheet's hash, no framing, same-origin referrers, no caching", async () => {
    const { response, html } = await page(makeAuth(), "/signin");
    const csp = response.headers.get("content-security-policy") ?? "";
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    const hash = createHash("sha256").update(css).digest("base64");
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(html).not.toContain("<script");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("cache-control")).toBe("private, no-cache, no-store");
  });

  it("applies the theme: color scheme, brand color, button text, logo", async () => {
    const light = await page(
      makeAuth({ theme: { colorScheme: "light", brandColor: "#0a7", buttonText: "#000" } }),
      "/signin",
    );
    expect(light.html).toContain("color-scheme:light;");
    expect(light.html).not.toContain("prefers-color-scheme");
    expect(light.html).toContain("--brand:#0a7;--brand-text:#000");
    const dark = await page(
      makeAuth({ theme: { colorScheme: "dark", logo: "https://cdn.example.com/logo.svg" } }),
      "/signin",
    );
    expect(dark.html).toContain("color-scheme:dark;");
    expect(dark.html).toContain('<img class="logo" src="https://cdn.example.com/logo.svg" alt="" />');
    const auto = await page(makeAuth(), "/signin");
    expect(auto.html).toContain("@media (prefers-color-scheme:dark)");
  });

  it("redirects to a custom page when pages.signIn is set", async () => {
    const response = await get(makeAuth({ pages: { signIn: "/login" } }), "/signin");
    expect(response.status).toBe(302);
    // With the callbackUrl next-auth v4 adds: the base URL when none was given.
    expect(response.headers.get("location")).toBe(
      "http://localhost:3000/login?callbackUrl=http%3A%2F%2Flocalhost%3A3000",
    );
  });
});

describe("other built-in pages", () => {
  it("sign-out page posts to signout with a CSRF token", async () => {
    const { html } = await page(makeAuth(), "/signout");
    expect(html).toContain("Are you sure you want to sign out?");
    expect(html).toMatch(/name="csrfToken" value="[A-Za-z0-9_-]{43}"/);
  });

  it("error page explains each code and offers a way on", async () => {
    const auth = makeAuth();
    const denied = await page(auth, "/error?error=AccessDenied");
    expect(denied.html).toContain("Access denied");
    expect(denied.html).toContain(`href="${AUTH}/signin"`);
    const config = await page(auth, "/error?error=Configuration");
    expect(config.html).toContain("server log");
    expect(config.html).toContain('href="http://localhost:3000/"');
  });

  it("custom signOut, error and verifyRequest pages are redirected to", async () => {
    const auth = makeAuth({ pages: { signOut: "/bye", error: "/oops", verifyRequest: "/check-email" } });
    expect((await get(auth, "/signout")).headers.get("location")).toBe("http://localhost:3000/bye");
    expect((await get(auth, "/error?error=AccessDenied")).headers.get("location")).toBe(
      "http://localhost:3000/oops?error=AccessDenied",
    );
    expect((await get(auth, "/verify-request")).headers.get("location")).toBe("http://localhost:3000/check-email");
  });
});

describe("sign-in page for every kind of provider", () => {
  // OAuth and email providers are not configurable yet; the page renders them from descriptors.
  it("renders OAuth buttons, an email form and credentials forms, in order, each with the CSRF token", async () => {
    const { signInPage } = await import("../src/pages/signin-page.js");
    const frame = signInPage({
      errorTexts: new Map(),
      authUrl: AUTH,
      host: "localhost:3000",
      csrfToken: "tok",
      callbackUrl: undefined,
      providers: [
        { id: "github", name: "GitHub", type: "oauth" },
        { id: "google", name: "Google", type: "oidc" },
        { id: "email", name: "Email", type: "email" },
        { id: "credentials", name: "Password", type: "credentials", credentials: { username: { label: "Username" } } },
      ],
    });
    const html = frame.body.value;
    const order = ["signin/github", "signin/google", "signin/email", "callback/credentials"].map((path) =>
      html.indexOf(`action="${AUTH}/${path}"`),
    );
    expect(
      order.every((index) => index > 0),
      html,
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain(">Sign in with GitHub</button>");
    expect(html).toContain('<input id="input-email-for-email-provider" name="email" type="email"');
    expect(html).toContain('autocomplete="email" required />');
    expect(html).toContain('autocomplete="username" required />');
    expect(html.match(/name="csrfToken" value="tok"/g)).toHaveLength(4);
    expect(html.match(/class="divider"/g)).toHaveLength(3);
  });
});
