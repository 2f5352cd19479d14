// The next-auth v4 fixture (e2e/v4-app), installed from the packed tarballs on every Next major
// next-auth 4.24.15 accepts — 16 (turbopack), 15, 14, 13 and 12 (webpack; React 18 below 15): every v4 provider module imported, `next-auth/next`'s
// default export as the route, the example app's `auth(...args)` → `getServerSession(...args,
// config)`, a custom sign-in page, and session cookies minted the way v4 apps' e2e tests mint
// them — with `encode({ token, secret })` from `next-auth/jwt`, both Gatehouse's (the installed
// package) and next-auth 4.24.15's own.
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { V4_APPS } from "./helpers.js";

const SECRET = "e2e-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
type Encode = (params: { token: Record<string, unknown>; secret: string }) => Promise<string>;

/** `encode` from the app's installed `next-auth/jwt` (Gatehouse), as the app's own tests import it. */
async function gatehouseEncode(folder: string): Promise<Encode> {
  const installed = join(tmpdir(), "gatehouse-e2e", folder, "node_modules/next-auth/dist/jwt/index.js");
  return ((await import(pathToFileURL(installed).href)) as { encode: Encode }).encode;
}

/** next-auth 4.24.15's own `encode` (the repository's pinned devDependency). */
function nextAuthEncode(): Encode {
  return (createRequire(import.meta.url)("next-auth/jwt") as { encode: Encode }).encode;
}

async function serverSession(V4_APP: string, request: APIRequestContext, cookie: string): Promise<string> {
  const page = await request.get(`${V4_APP}/server`, { headers: { cookie } });
  expect(page.status()).toBe(200);
  return /data-testid="server-session">([^<]*)</.exec(await page.text())?.[1] ?? "";
}

for (const { next, url: V4_APP, folder } of V4_APPS) {
  test.describe(`on Next ${next}`, () => {
    for (const [who, make] of [
      ["Gatehouse's", () => gatehouseEncode(folder)],
      ["next-auth 4.24.15's", () => Promise.resolve(nextAuthEncode())],
    ] as const) {
      test(`a cookie minted with ${who} encode({ token, secret }) is a session for getServerSession(...args)`, async ({
        request,
      }) => {
        const encode = await make();
        const token = await encode({
          token: { sub: "42", name: "Test", email: "test@example.com", role: "tester" },
          secret: SECRET,
        });
        const cookie = `next-auth.session-token=${token}`;
        // getServerSideProps → auth(context.req, context.res) → getServerSession(...args, config)
        expect(await serverSession(V4_APP, request, cookie)).toBe("test@example.com 42 tester");
        // An API route with getServerSession(req, res, config) from next-auth/next.
        const api = await request.get(`${V4_APP}/api/examples/protected`, { headers: { cookie } });
        expect(api.status()).toBe(200);
        expect(await api.json()).toMatchObject({ user: { email: "test@example.com", id: "42", role: "tester" } });
      });
    }

    test("signed out: the protected API route says so, the page renders signed out", async ({ request }) => {
      expect((await request.get(`${V4_APP}/api/examples/protected`)).status()).toBe(401);
      expect(await serverSession(V4_APP, request, "")).toBe("signed out");
    });

    test("/api/auth/signin redirects to the custom page with the callbackUrl v4 adds", async ({ request }) => {
      const response = await request.get(`${V4_APP}/api/auth/signin`, { maxRedirects: 0 });
      expect(response.status()).toBe(302);
      expect(response.headers().location).toBe(`${V4_APP}/login?callbackUrl=${encodeURIComponent(V4_APP)}`);
      // Given as the parameter, the base URL stays as it was (no "/" added), as in v4.
      const given = await request.get(`${V4_APP}/api/auth/signin?callbackUrl=${encodeURIComponent(V4_APP)}`, {
        maxRedirects: 0,
      });
      expect(given.headers().location).toBe(`${V4_APP}/login?callbackUrl=${encodeURIComponent(V4_APP)}`);
    });

    test("the custom page (getCsrfToken(context), getProviders() on the server) signs in with credentials", async ({
      page,
    }) => {
      await page.goto(`${V4_APP}/login`);
      // getProviders() ran in getServerSideProps: credentials and the three with their env vars.
      expect(Number(await page.getByTestId("provider-count").textContent())).toBeGreaterThanOrEqual(4);
      await page.getByLabel("Username").fill("ada");
      await page.getByLabel("Password").fill("correct horse");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(`${V4_APP}/`);
      await expect(page.getByTestId("who")).toHaveText("Signed in as ada@example.com");
      await page.goto(`${V4_APP}/server`);
      await expect(page.getByTestId("server-session")).toHaveText("ada@example.com 1 admin");
    });

    test("the v4 middleware sends the signed-out to sign in, with the callbackUrl", async ({ request }) => {
      const response = await request.get(`${V4_APP}/me`, { maxRedirects: 0 });
      expect([302, 307]).toContain(response.status());
      expect(response.headers().location).toMatch(/\/api\/auth\/signin\?callbackUrl=%2Fme$/);
    });

    test("the v4 middleware lets a session through, with the secret from the environment", async ({ request }) => {
      const encode = await gatehouseEncode(folder);
      const token = await encode({ token: { sub: "42", email: "test@example.com" }, secret: SECRET });
      const response = await request.get(`${V4_APP}/me`, {
        headers: { cookie: `next-auth.session-token=${token}` },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(200);
    });

    test("GET /api/auth/providers lists the providers v4 lists, with v4's ids, names and types", async ({
      request,
    }) => {
      const providers = (await (await request.get(`${V4_APP}/api/auth/providers`)).json()) as Record<
        string,
        { id: string; name: string; type: string }
      >;
      expect(providers.credentials).toMatchObject({ id: "credentials", name: "Password", type: "credentials" });
      expect(providers.github).toMatchObject({ id: "github", name: "GitHub", type: "oauth" });
      expect(providers.google).toMatchObject({ id: "google", name: "Google", type: "oauth" });
      // v4's Twitter() without `version: "2.0"` is the OAuth 1.0a one, and v4 calls it so.
      expect(providers.twitter).toMatchObject({ id: "twitter", name: "Twitter (Legacy)", type: "oauth" });
      // Without its env vars a provider turns off only itself (next-auth would list it, then fail).
      expect(providers.apple).toBeUndefined();
    });
  });
}
