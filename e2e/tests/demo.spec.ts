// The demo app (app router) in Chromium: `next build && next start`, Gatehouse from the workspace.
import { expect, test } from "@playwright/test";
import { DEMO, PASSWORD, credentialsForm, hasSessionCookie, signInOnBuiltInPage, signInOnDemo } from "./helpers.js";

test("signs in from the built-in page and lands on the callbackUrl", async ({ page, context }) => {
  await page.goto(`${DEMO}/api/auth/signin?callbackUrl=%2Fdashboard`);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await signInOnBuiltInPage(page, "ada@example.com");
  await expect(page).toHaveURL(`${DEMO}/dashboard`);
  await expect(page.getByTestId("dashboard-user")).toContainText("ada@example.com");
  expect(await hasSessionCookie(context)).toBe(true);
});

test("a wrong password on the built-in page shows an error and sets no cookie", async ({ page, context }) => {
  await page.goto(`${DEMO}/api/auth/signin`);
  await signInOnBuiltInPage(page, "ada@example.com", "not-the-password");
  await expect(page.getByRole("alert")).toContainText("don't match an account");
  await expect(credentialsForm(page).getByLabel("Email")).toHaveValue("ada@example.com");
  await expect(credentialsForm(page).getByLabel("Password")).toHaveValue("");
  expect(await hasSessionCookie(context)).toBe(false);
});

test("the custom login page (seed 004's style): wrong password, then right", async ({ page, context }) => {
  await page.goto(`${DEMO}/login?callbackUrl=%2Fdashboard`);
  await page.locator("#email").fill("ada@example.com");
  await page.locator("#password").fill("wrong");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("login-error")).toHaveText("Invalid credentials.");
  expect(await hasSessionCookie(context)).toBe(false);
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${DEMO}/dashboard`);
  expect(await hasSessionCookie(context)).toBe(true);
});

test("the session is the same on the server and in the browser", async ({ page }) => {
  await page.goto(DEMO);
  await expect(page.getByTestId("server-status")).toHaveText("unauthenticated");
  await expect(page.getByTestId("client-status")).toHaveText("unauthenticated");
  await signInOnDemo(page, "grace@example.com");
  await expect(page.getByTestId("server-status")).toHaveText("authenticated");
  await expect(page.getByTestId("client-status")).toHaveText("authenticated");
  const server = JSON.parse((await page.getByTestId("server-session").textContent()) ?? "null") as unknown;
  const client = JSON.parse((await page.getByTestId("client-session").textContent()) ?? "null") as unknown;
  expect(server).toMatchObject({ user: { id: "2", email: "grace@example.com", role: "member" } });
  expect(client).toEqual(server);
});

test("the proxy sends signed-out visitors to sign in with a callbackUrl, and back after", async ({ page }) => {
  await page.goto(`${DEMO}/members`);
  await expect(page).toHaveURL(`${DEMO}/login?callbackUrl=%2Fmembers`);
  await page.locator("#email").fill("ada@example.com");
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${DEMO}/members`);
  await expect(page.getByTestId("members-greeting")).toContainText("Ada Lovelace");
});

test("the admin API answers 401, 403 and 200", async ({ page, request }) => {
  expect((await request.get(`${DEMO}/api/admin`)).status()).toBe(401);
  await signInOnDemo(page, "grace@example.com");
  expect((await page.request.get(`${DEMO}/api/admin`)).status()).toBe(403);
  await page.context().clearCookies();
  await signInOnDemo(page, "ada@example.com");
  const ok = await page.request.get(`${DEMO}/api/admin`);
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ user: "ada@example.com" });
});

test("update() changes the session everywhere", async ({ page }) => {
  await signInOnDemo(page, "grace@example.com", "/account");
  await page.locator("#name").fill("Rear Admiral Hopper");
  await page.getByRole("button", { name: "Update session" }).click();
  await expect(page.getByTestId("account-name")).toHaveText("Rear Admiral Hopper");
  await expect(page.getByTestId("nav-status")).toContainText("Rear Admiral Hopper");
  await page.goto(DEMO);
  await expect(page.getByTestId("server-session")).toContainText("Rear Admiral Hopper");
});

test("signing in and out in one tab reaches the other open tab", async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await second.goto(DEMO);
  await expect(second.getByTestId("client-status")).toHaveText("unauthenticated");
  await signInOnDemo(first, "ada@example.com");
  await expect(second.getByTestId("client-status")).toHaveText("authenticated");
  await expect(second.getByTestId("nav-status")).toContainText("Ada Lovelace");
  await first.getByRole("button", { name: "Sign out" }).click();
  await expect(first).toHaveURL(`${DEMO}/`);
  await expect(second.getByTestId("client-status")).toHaveText("unauthenticated");
  await expect(second.getByTestId("nav-status")).toContainText("Sign in");
});

test("a server action signs out", async ({ page, context }) => {
  await signInOnDemo(page, "ada@example.com", "/account");
  await page.getByTestId("server-signout").click();
  await expect(page).toHaveURL(`${DEMO}/`);
  await expect(page.getByTestId("server-status")).toHaveText("unauthenticated");
  expect(await hasSessionCookie(context)).toBe(false);
});

test("built-in pages, light and dark (screenshots saved as artifacts)", async ({ browser }, testInfo) => {
  for (const colorScheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ colorScheme, viewport: { width: 900, height: 820 } });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const [name, path] of [
      ["signin", "/api/auth/signin"],
      ["signin-error", "/api/auth/signin?error=CredentialsSignin"],
      ["signout", "/api/auth/signout"],
      ["error", "/api/auth/error?error=AccessDenied"],
      ["verify-request", "/api/auth/verify-request"],
    ] as const) {
      await page.goto(`${DEMO}${path}`);
      // The stylesheet applied (a CSP hash mismatch would leave the page unstyled).
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(colorScheme === "light" ? "rgb(244, 245, 248)" : "rgb(12, 14, 19)");
      await page.screenshot({ path: testInfo.outputPath(`${name}-${colorScheme}.png`), fullPage: true });
    }
    expect(violations).toEqual([]);
    await context.close();
  }
});

test("the built-in sign-in page is keyboard-usable", async ({ page }) => {
  await page.goto(`${DEMO}/api/auth/signin`);
  await page.keyboard.press("Tab");
  await expect(credentialsForm(page).getByLabel("Email")).toBeFocused();
  await page.keyboard.type("ada@example.com");
  await page.keyboard.press("Tab");
  await expect(credentialsForm(page).getByLabel("Password")).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`${DEMO}/`);
});

test("auth.require() sends a signed-out visitor to sign in and back", async ({ page }) => {
  await page.goto(`${DEMO}/dashboard`);
  await expect(page).toHaveURL(`${DEMO}/api/auth/signin?callbackUrl=%2Fdashboard`);
  await signInOnBuiltInPage(page, "grace@example.com");
  await expect(page).toHaveURL(`${DEMO}/dashboard`);
  await expect(page.getByTestId("dashboard-user")).toContainText("grace@example.com (member)");
});

test("a server-rendered session reaches the client without a loading flash", async ({ page }) => {
  await signInOnDemo(page, "ada@example.com");
  const html = await (await page.request.get(DEMO)).text();
  expect(html).toContain('data-testid="client-status">authenticated<');
  expect(html).not.toContain('data-testid="client-status">loading<');
});

test("signIn() in a server action: wrong password, then a redirect to redirectTo", async ({ page, context }) => {
  await page.goto(`${DEMO}/login/server`);
  await page.locator("#action-email").fill("grace@example.com");
  await page.locator("#action-password").fill("wrong");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("action-error")).toBeVisible();
  expect(await hasSessionCookie(context)).toBe(false);
  await page.locator("#action-email").fill("grace@example.com");
  await page.locator("#action-password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${DEMO}/dashboard`);
  expect(await hasSessionCookie(context)).toBe(true);
});

test("OAuth: sign in with the local OpenID provider from the built-in page, then sign out there too", async ({
  page,
  context,
}) => {
  await page.goto(`${DEMO}/api/auth/signin?callbackUrl=%2Fdashboard`);
  await page.getByRole("button", { name: "Sign in with Local IdP" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:3310\/interaction\//);
  await page.locator('input[name="login"]').fill("octavia");
  await page.locator('input[name="password"]').fill("anything");
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(`${DEMO}/dashboard`);
  await expect(page.getByTestId("dashboard-user")).toContainText("octavia@local.test (member)");
  const names = (await context.cookies()).map((cookie) => cookie.name);
  expect(names).toContain("next-auth.session-token");
  for (const check of ["next-auth.state", "next-auth.pkce.code_verifier", "next-auth.nonce"])
    expect(names).not.toContain(check);

  // RP-initiated logout: the demo's Local IdP signs out at the IdP as well.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:3310\/session\/end/);
  expect(await hasSessionCookie(context)).toBe(false);
});

test("OAuth from the custom login page with signIn('local') from gatehouse/react", async ({ page }) => {
  await page.goto(`${DEMO}/login?callbackUrl=%2Fmembers`);
  await page.getByRole("button", { name: "Sign in with Local IdP" }).click();
  await page.locator('input[name="login"]').fill("petra");
  await page.locator('input[name="password"]').fill("anything");
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(`${DEMO}/members`);
  await expect(page.getByTestId("members-greeting")).toContainText("petra");
});
