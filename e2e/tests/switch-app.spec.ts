// A next-auth v4 app (seed 001: EmailProvider, @next-auth/prisma-adapter on PostgreSQL) after
// the README's two steps — `npx gatehouse switch`, `npm install` — built and signed in to in
// Chromium (e2e/servers/switch-app.js does the switching and the build).
import { expect, test } from "@playwright/test";
import { SWITCH_APP, SWITCH_APP_SKIPPED, hasSessionCookie } from "./helpers.js";
import { startMailSink, type MailSink } from "./mail-sink.js";

test.skip(SWITCH_APP_SKIPPED !== undefined, SWITCH_APP_SKIPPED);

let sink: MailSink;
test.beforeAll(async () => {
  sink = await startMailSink();
});
test.afterAll(async () => {
  await sink.close();
});

function linkIn(text: string | undefined): string {
  const match = /http:\/\/127\.0\.0\.1:\d+\/api\/auth\/callback\/email\?\S+/.exec(text ?? "");
  if (match === null) throw new Error(`No sign-in link in the email: ${text ?? "(no text part)"}`);
  return match[0];
}

test("the switched app signs in by email through @next-auth/prisma-adapter, once per link, and signs out", async ({
  page,
  browser,
}) => {
  const address = `reader-${Date.now()}@my-app.test`;
  await page.goto(`${SWITCH_APP}/orders`);
  await expect(page).toHaveURL(`${SWITCH_APP}/auth/login`);

  // The app's own login page: signIn("email", { email, callbackUrl: "/orders" }).
  await page.locator("#email-address").fill(address);
  await page.getByRole("button", { name: "Login with email" }).click();
  await expect(page).toHaveURL(/\/auth\/verify-request\?provider=email&type=email$/);
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

  // The app's own sendVerificationRequest, through a real SMTP server.
  const mail = await sink.next(address);
  expect(mail.subject).toBe("Login to MyApp");
  const link = linkIn(mail.text);
  // Opened in the browser that asked for it, the link signs in at once, as with next-auth.
  await page.goto(link);
  // createSession({ sessionToken, userId, expires }) went through Prisma: the session is there.
  await expect(page).toHaveURL(`${SWITCH_APP}/orders`);
  await expect(page.getByTestId("orders")).toHaveText(`Orders for ${address}`);
  expect(await hasSessionCookie(page.context())).toBe(true);
  const session = (await (await page.request.get(`${SWITCH_APP}/api/auth/session`)).json()) as {
    user?: { email?: string };
  };
  expect(session.user?.email).toBe(address);
  await page.goto(SWITCH_APP);
  await expect(page.getByTestId("who")).toHaveText(`Signed in as ${address}`);

  // The link works once: in another browser it ends on the app's error page, with no session.
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second).toHaveURL(`${SWITCH_APP}/auth/error?error=Verification`);
  expect(await hasSessionCookie(other)).toBe(false);
  await other.close();

  // signOut() deletes the session: the protected page sends the browser to log in again.
  await page.getByRole("button", { name: "Logout" }).click();
  await expect(page.getByTestId("status")).toHaveText("unauthenticated");
  expect(await hasSessionCookie(page.context())).toBe(false);
  await page.goto(`${SWITCH_APP}/orders`);
  await expect(page).toHaveURL(`${SWITCH_APP}/auth/login`);
});
