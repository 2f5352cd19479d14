// A next-auth v3 app, written as the v3 docs and tutorials write one (e2e/v3-app):
// `NextAuth(req, res, options)`, `Providers.*`, a v3 custom OAuth provider object, the TypeORM-style
// `database: "sqlite://localhost/:memory:?synchronize=true"`, positional callbacks and
// `next-auth/client`. It signs in with credentials, email (a real SMTP server) and the custom
// provider (a real OpenID provider) in Chromium.
import { expect, test, type Page } from "@playwright/test";
import { V3_APP, hasSessionCookie } from "./helpers.js";
import { startMailSink, type MailSink } from "./mail-sink.js";

let sink: MailSink;
test.beforeAll(async () => {
  sink = await startMailSink();
});
test.afterAll(async () => {
  await sink.close();
});

/** From the app's home page, `signIn()` opens the built-in sign-in page. */
async function openSignIn(page: Page): Promise<void> {
  await page.goto(V3_APP);
  await expect(page.getByTestId("status")).toHaveText("Not signed in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/api\/auth\/signin\?callbackUrl=/);
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByTestId("status")).toHaveText("Not signed in");
  expect(await hasSessionCookie(page.context())).toBe(false);
}

test("v3 app: Providers.Credentials signs in; the positional jwt/session callbacks put the provider in the session", async ({
  page,
}) => {
  await openSignIn(page);
  await page.getByLabel("Username").fill("jsmith");
  await page.getByLabel("Password").fill("v3-password");
  await page.getByRole("button", { name: "Sign in with Credentials" }).click();
  await expect(page).toHaveURL(`${V3_APP}/`);
  await expect(page.getByTestId("status")).toHaveText("Signed in as jsmith@example.com with credentials");
  await signOut(page);
});

test("v3 app: Providers.Email through SMTP and the TypeORM-style database; the link signs in at once in this browser", async ({
  page,
}) => {
  const address = `v3-reader-${Date.now()}@example.com`;
  await openSignIn(page);
  await page.getByLabel("Email").fill(address);
  await page.getByRole("button", { name: "Sign in with Email" }).click();
  await expect(page).toHaveURL(/\/api\/auth\/verify-request/);
  const mail = await sink.next(address);
  expect(mail.from?.value[0]?.address).toBe("noreply@v3-app.test");
  const link = /http:\/\/127\.0\.0\.1:3215\/api\/auth\/callback\/email\?\S+/.exec(mail.text ?? "")?.[0];
  if (link === undefined) throw new Error(`No sign-in link in the email: ${mail.text ?? ""}`);
  await page.goto(link);
  await expect(page).toHaveURL(`${V3_APP}/`);
  await expect(page.getByTestId("status")).toHaveText(`Signed in as ${address} with email`);
  await signOut(page);
});

test("v3 app: the v3 custom OAuth provider object signs in at the local OpenID provider", async ({ page }) => {
  await openSignIn(page);
  await page.getByRole("button", { name: "Sign in with Local IdP" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:3312\/interaction\//);
  await page.locator('input[name="login"]').fill("octavia");
  await page.locator('input[name="password"]').fill("anything");
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(`${V3_APP}/`);
  await expect(page.getByTestId("status")).toHaveText("Signed in as octavia@local.test with localidp");
  await signOut(page);
});
