/**
 * The pages router (NextAuth's Node handler over a real server) against a real OpenID provider,
 * when something is off: a huge profile from the IdP must never give a 5xx or cookies that break
 * the browser's next request; a provider without its environment variables must fail only its
 * own routes, while the other providers, the auth routes and getServerSession keep working.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startIdp, type LocalIdp } from "@gatehouse/local-idp";
import NextAuth, { getServerSession, type NextAuthResult } from "../src/index.js";
import Apple from "../src/providers/apple.js";
import type { AuthOptions } from "../src/types.js";
import { loginAtIdp, freePort } from "../../core/test/oauth/harness.js";
import { GROUPS, PHOTO } from "../../core/test/oauth/huge-profile.js";
import { Jar, SECRET, provider, serve, signInOver } from "./helpers.js";

beforeEach(() => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("AUTH_APPLE_ID", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** An app on a real server (API routes under /api/auth, a getServerSideProps-like /page) and its IdP. */
async function appWithIdp(
  options: (issuer: string) => AuthOptions,
  profileClaims: Record<string, unknown> = {},
): Promise<{ url: string; options: AuthOptions; close: () => Promise<void> }> {
  // The options need the IdP's issuer, the IdP needs the server's URL.
  const ready: { options?: AuthOptions; handler?: NextAuthResult } = {};
  const server = await serve(async (req, res) => {
    const { options: current, handler } = ready;
    if (current === undefined || handler === undefined) throw new Error("not ready");
    if (req.url?.startsWith("/api/auth/")) return handler(req, res);
    const session = await getServerSession(req, res, current);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ session }));
  });
  let idp: LocalIdp;
  try {
    idp = await startIdp({
      port: await freePort(),
      profileClaims,
      clients: [
        {
          client_id: "local",
          client_secret: "local-secret",
          redirect_uris: [`${server.url}/api/auth/callback/local`],
          grant_types: ["authorization_code"],
        },
      ],
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  const current = options(idp.issuer);
  ready.options = current;
  ready.handler = NextAuth(current);
  return {
    url: server.url,
    options: current,
    close: async () => {
      await idp.close();
      await server.close();
    },
  };
}

function local(issuer: string) {
  return { id: "local", name: "Local", type: "oidc" as const, issuer, clientId: "local", clientSecret: "local-secret" };
}

/** The browser signs in at the IdP; returns the callback's response. */
async function oauthOver(base: string, jar: Jar, login: string): Promise<Response> {
  const { csrfToken } = (await (await jar.fetch(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
  const start = await jar.fetch(`${base}/api/auth/signin/local`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${base}/page` }),
  });
  expect(start.status).toBe(302);
  const back = await loginAtIdp(new URL(start.headers.get("location") ?? ""), login, base);
  return jar.fetch(back.url.href);
}

describe("a huge profile from the IdP, through the pages router", () => {
  it("the default token keeps what fits: signed in, and the next request works", async () => {
    const app = await appWithIdp((issuer) => ({ providers: [local(issuer)], trustHost: true }), {
      groups: GROUPS,
      picture: PHOTO,
    });
    try {
      const jar = new Jar();
      const callback = await oauthOver(app.url, jar, "jun");
      expect(callback.status).toBe(302);
      expect(callback.headers.get("location")).toBe(`${app.url}/page`);
      const page = await jar.fetch(`${app.url}/page`);
      expect(page.status).toBe(200);
      expect(((await page.json()) as { session: { user: unknown } }).session.user).toEqual({
        name: "jun",
        email: "jun@local.test",
      });
    } finally {
      await app.close();
    }
  });

  it("groups copied into the token: the sign-in page with SessionTooLarge, no 5xx, and the next request works", async () => {
    const app = await appWithIdp(
      (issuer) => ({
        providers: [local(issuer)],
        trustHost: true,
        callbacks: {
          jwt: ({ token, profile }) => (profile === undefined ? token : { ...token, groups: profile.groups }),
        },
      }),
      { groups: GROUPS },
    );
    try {
      const jar = new Jar();
      const callback = await oauthOver(app.url, jar, "kai");
      expect(callback.status).toBe(302);
      expect(callback.headers.get("location")).toBe(`${app.url}/api/auth/signin?error=SessionTooLarge`);
      const signin = await jar.fetch(`${app.url}/api/auth/signin?error=SessionTooLarge`);
      expect(signin.status).toBe(200);
      const page = await jar.fetch(`${app.url}/page`);
      expect(page.status).toBe(200);
      expect(await page.json()).toEqual({ session: null });
    } finally {
      await app.close();
    }
  });
});

describe("a provider without its environment variables, through NextAuth", () => {
  it("fails only its own routes; the other providers, the auth routes and getServerSession keep working", async () => {
    const logged: unknown[][] = [];
    const app = await appWithIdp((issuer) => ({
      // As an app writes it, with AUTH_APPLE_ID missing from the environment.
      providers: [
        Apple({ clientId: process.env.AUTH_APPLE_ID as string, clientSecret: "x" }),
        local(issuer),
        provider(),
      ],
      trustHost: true,
      logger: {
        error: (code, metadata) => logged.push([code, metadata]),
        warn: () => undefined,
        debug: () => undefined,
      },
    }));
    try {
      const jar = new Jar();
      const providers = (await (await jar.fetch(`${app.url}/api/auth/providers`)).json()) as Record<string, unknown>;
      expect(Object.keys(providers).sort()).toEqual(["credentials", "local"]);
      const signinPage = await jar.fetch(`${app.url}/api/auth/signin`);
      expect(signinPage.status).toBe(200);
      const html = await signinPage.text();
      expect(html).toContain("Sign in with Local");
      expect(html).not.toContain("Apple");

      // Apple's own routes: the error page, or { url } for next-auth's client.
      const { csrfToken } = (await (await jar.fetch(`${app.url}/api/auth/csrf`)).json()) as { csrfToken: string };
      const form = { "content-type": "application/x-www-form-urlencoded" };
      const viaClient = await jar.fetch(`${app.url}/api/auth/signin/apple`, {
        method: "POST",
        headers: form,
        body: new URLSearchParams({ csrfToken, json: "true" }),
      });
      expect(await viaClient.json()).toEqual({ url: `${app.url}/api/auth/error?error=Configuration` });
      const viaForm = await jar.fetch(`${app.url}/api/auth/signin/apple`, {
        method: "POST",
        headers: form,
        body: new URLSearchParams({ csrfToken }),
      });
      expect(viaForm.headers.get("location")).toBe(`${app.url}/api/auth/error?error=Configuration`);
      const callback = await jar.fetch(`${app.url}/api/auth/callback/apple?code=x&state=y`);
      expect(callback.headers.get("location")).toBe(`${app.url}/api/auth/error?error=Configuration`);

      // Everything else works: credentials, OAuth, getServerSession.
      expect((await signInOver(app.url, jar)).status).toBe(200);
      const page = (await (await jar.fetch(`${app.url}/page`)).json()) as { session: { user: unknown } };
      expect(page.session.user).toMatchObject({ email: "ada@example.com" });
      const oauth = await oauthOver(app.url, new Jar(), "lee");
      expect(oauth.headers.get("location")).toBe(`${app.url}/page`);

      // Said once, naming the option and the environment variable.
      const lines = logged.filter(([, message]) => String(message).includes('"apple"'));
      expect(lines).toHaveLength(1);
      expect(String(lines[0]?.[1])).toMatch(/clientId.*AUTH_APPLE_ID/);
    } finally {
      await app.close();
    }
  });
});
