// The pages-router example: a next-auth v4 app (seeds 000, 001, 003, 004) importing only
// next-auth/* paths, installed from `npm pack` tarballs outside the repository.
import { expect, test } from "@playwright/test";
import { PAGES, PASSWORD, hasSessionCookie, signInOnBuiltInPage } from "./helpers.js";

test("SessionProvider, useSession and signIn() with the built-in page", async ({ page, context }) => {
  await page.goto(PAGES);
  await expect(page.getByTestId("status")).toHaveText("unauthenticated");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/api\/auth\/signin\?callbackUrl=/);
  await signInOnBuiltInPage(page, "ada@example.com");
  await expect(page).toHaveURL(`${PAGES}/`);
  await expect(page.getByTestId("who")).toHaveText("Signed in as ada@example.com (admin)");
  expect(await hasSessionCookie(context)).toBe(true);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByTestId("status")).toHaveText("unauthenticated");
  expect(await hasSessionCookie(context)).toBe(false);
});

test("signIn('credentials', { redirect: false }) reports the error", async ({ page }) => {
  await page.goto(PAGES);
  await page.getByTestId("inline-signin").click();
  await expect(page).toHaveTitle("result:CredentialsSignin:401:false");
});

test("getServerSideProps with getServerSession", async ({ page }) => {
  await page.goto(`${PAGES}/dashboard`);
  await expect(page).toHaveURL(/\/api\/auth\/signin\?callbackUrl=%2Fdashboard/);
  await signInOnBuiltInPage(page, "grace@example.com");
  await expect(page).toHaveURL(`${PAGES}/dashboard`);
  await expect(page.getByTestId("dashboard")).toHaveText("Welcome grace@example.com");
});

test("withAuth middleware redirects with the callbackUrl and lets the signed-in through", async ({ page }) => {
  await page.goto(`${PAGES}/protected`);
  await expect(page).toHaveURL(`${PAGES}/api/auth/signin?callbackUrl=%2Fprotected`);
  await signInOnBuiltInPage(page, "ada@example.com");
  await expect(page).toHaveURL(`${PAGES}/protected`);
  await expect(page.getByTestId("protected")).toHaveText("Protected content for ada@example.com");
});

test("API routes: getToken and getServerSession, 401/403/200", async ({ page, request }) => {
  expect((await request.get(`${PAGES}/api/data`)).status()).toBe(401);
  expect((await request.get(`${PAGES}/api/admin`)).status()).toBe(401);
  await page.goto(`${PAGES}/api/auth/signin`);
  await signInOnBuiltInPage(page, "grace@example.com");
  const data = await page.request.get(`${PAGES}/api/data`);
  expect(await data.json()).toEqual({ message: "Token is valid", role: "member" });
  expect((await page.request.get(`${PAGES}/api/admin`)).status()).toBe(403);
});

test("seed 004's login API: signIn('credentials') throws type CredentialsSignin", async ({ request }) => {
  const wrong = await request.post(`${PAGES}/api/auth/login`, { data: { email: "ada@example.com", password: "nope" } });
  expect(wrong.status()).toBe(401);
  expect(await wrong.json()).toEqual({ error: "Invalid credentials." });
  const right = await request.post(`${PAGES}/api/auth/login`, {
    data: { email: "ada@example.com", password: PASSWORD },
  });
  expect(right.status()).toBe(200);
  expect(await right.json()).toEqual({ success: true });
});

test("the v3 shim page (seed 000): Provider, [session, loading], getSession(ctx), onClick handlers", async ({
  page,
}) => {
  await page.goto(`${PAGES}/v3`);
  await expect(page.getByTestId("v3-ssr")).toHaveText("SSR: none");
  await expect(page.getByTestId("v3-status")).toHaveText("Not signed in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await signInOnBuiltInPage(page, "ada@example.com");
  await expect(page).toHaveURL(`${PAGES}/v3`);
  await expect(page.getByTestId("v3-ssr")).toHaveText("SSR: ada@example.com");
  await expect(page.getByTestId("v3-status")).toHaveText("Signed in as ada@example.com");
  expect((await page.request.get(`${PAGES}/api/v3-data`)).status()).toBe(200);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByTestId("v3-status")).toHaveText("Not signed in");
  expect((await page.request.get(`${PAGES}/api/v3-data`)).status()).toBe(401);
});

test("useSession({ required: true }) sends signed-out visitors to sign in", async ({ page }) => {
  await page.goto(`${PAGES}/required`);
  await expect(page).toHaveURL(/\/api\/auth\/signin\?error=SessionRequired&callbackUrl=/);
  await expect(page.getByRole("alert")).toContainText("need to be signed in");
  await signInOnBuiltInPage(page, "ada@example.com");
  await expect(page).toHaveURL(`${PAGES}/required`);
  await expect(page.getByTestId("required")).toHaveText("Hello ada@example.com");
});

test("concurrent getSession() calls share one request; getProviders(); refetchInterval", async ({ page }) => {
  const sessionRequests: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/api/auth/session")) sessionRequests.push(request.url());
  });
  await page.goto(`${PAGES}/client-features`);
  await expect(page.getByTestId("sessions")).toHaveText("none,none,none");
  await expect(page.getByTestId("providers")).toHaveText("credentials");
  // _app's provider fetches once, the three concurrent getSession() calls once, the interval
  // provider once on mount: then one more each second.
  const settled = sessionRequests.length;
  expect(settled).toBeLessThanOrEqual(3);
  await page.waitForTimeout(2500);
  expect(sessionRequests.length - settled).toBeGreaterThanOrEqual(2);
});
