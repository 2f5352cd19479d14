// The demo's database features in Chromium: email sign-in through a real SMTP server, and the
// account page's session list with revocation (database sessions on SQLite).
import { expect, request as apiRequest, test, type Browser, type Page } from "@playwright/test";
import { DEMO, hasSessionCookie, signInOnDemo } from "./helpers.js";
import { startMailSink, type MailSink } from "./mail-sink.js";

let sink: MailSink;
test.beforeAll(async () => {
  sink = await startMailSink();
});
test.afterAll(async () => {
  await sink.close();
});

function linkIn(text: string | undefined): string {
  const match = /https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/.exec(text ?? "");
  if (match === null) throw new Error(`No sign-in link in the email: ${text ?? "(no text part)"}`);
  return match[0];
}

test("email sign-in: the link from a real SMTP server signs in at once in the browser that asked, once", async ({
  page,
  browser,
}) => {
  const address = `linus-${Date.now()}@example.com`;
  await page.goto(`${DEMO}/login?callbackUrl=%2Faccount`);
  await page.locator("#link-email").fill(address);
  await page.getByRole("button", { name: "Send link" }).click();
  await expect(page).toHaveURL(/\/api\/auth\/verify-request/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const mail = await sink.next(address);
  expect(mail.subject).toBe("Sign in to 127.0.0.1:3210");
  const link = linkIn(mail.text);
  expect(mail.html === false ? "" : mail.html).toContain(link.replaceAll("&", "&amp;"));

  // A mail scanner fetching the link (HEAD, then GET without cookies) does not use it up.
  const scanner = await apiRequest.newContext();
  expect((await scanner.head(link)).status()).toBe(200);
  const scanned = await scanner.get(link);
  expect(scanned.status()).toBe(200);
  expect(await scanned.text()).toContain("Finish signing in");
  await scanner.dispose();

  // The browser that asked for it: no confirmation, straight to the callbackUrl, signed in.
  await page.goto(link);
  await expect(page).toHaveURL(`${DEMO}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(address);

  // Opened there again, the used link goes straight to the error page.
  await page.goto(link);
  await expect(page).toHaveURL(/\/api\/auth\/error\?error=Verification/);

  // Used once: the same link in another browser shows the confirmation, then the error page.
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second).toHaveURL(/\/api\/auth\/error\?error=Verification/);
  expect(await hasSessionCookie(other)).toBe(false);
  await other.close();
});

test("email sign-in: a link opened in another browser asks for one click there, and signs that browser in", async ({
  page,
  browser,
}) => {
  const address = `ada-${Date.now()}@example.com`;
  await page.goto(`${DEMO}/login?callbackUrl=%2Faccount`);
  await page.locator("#link-email").fill(address);
  await page.getByRole("button", { name: "Send link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const link = linkIn((await sink.next(address)).text);

  const phone = await browser.newContext();
  const elsewhere = await phone.newPage();
  await elsewhere.goto(link);
  await expect(elsewhere.getByRole("heading", { name: "Finish signing in" })).toBeVisible();
  expect(await hasSessionCookie(phone)).toBe(false);
  await elsewhere.getByRole("button", { name: "Sign in" }).click();
  await expect(elsewhere).toHaveURL(`${DEMO}/account`);
  await expect(elsewhere.getByTestId("account-email")).toHaveText(address);
  await phone.close();
  // The asking browser was not signed in by the other one.
  expect(await hasSessionCookie(page.context())).toBe(false);
});

test("a hostile address is refused before anything is sent", async ({ page }) => {
  await page.goto(`${DEMO}/api/auth/signin`);
  const csrf = (await (await page.request.get(`${DEMO}/api/auth/csrf`)).json()) as { csrfToken: string };
  const response = await page.request.post(`${DEMO}/api/auth/signin/email`, {
    form: { csrfToken: csrf.csrfToken, email: "victim@example.com,attacker@example.com", json: "true" },
  });
  expect(response.status()).toBe(400);
  await expect(sink.next("attacker@example.com", 1500)).rejects.toThrow(/No email/);
});

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInOnDemo(page, email, "/account");
  return page;
}

async function sessionItems(page: Page) {
  await page.goto(`${DEMO}/account`);
  return page.getByTestId("session-item");
}

test("the account page lists this user's sessions and revokes one, the others, or all", async ({ browser }) => {
  const laptop = await signedInPage(browser, "grace@example.com");
  // Start from one session: end whatever earlier tests left behind.
  await laptop.getByTestId("revoke-others").click();
  await expect(await sessionItems(laptop)).toHaveCount(1);
  await expect((await sessionItems(laptop)).first()).toHaveAttribute("data-current", "true");

  // A second browser appears in the list, and revoking it signs it out there.
  const phone = await signedInPage(browser, "grace@example.com");
  await expect(await sessionItems(laptop)).toHaveCount(2);
  await laptop.locator('[data-testid="session-item"][data-current="false"]').getByTestId("revoke-session").click();
  await expect(laptop.getByTestId("session-item")).toHaveCount(1);
  await phone.goto(DEMO);
  await expect(phone.getByTestId("server-status")).toHaveText("unauthenticated");
  // The page's own session request (after it renders) clears the dead cookie.
  await expect.poll(() => hasSessionCookie(phone.context())).toBe(false);

  // "Sign out everywhere else" keeps this browser only.
  await signInOnDemo(phone, "grace@example.com", "/account");
  await expect(await sessionItems(laptop)).toHaveCount(2);
  await laptop.getByTestId("revoke-others").click();
  await expect(laptop.getByTestId("session-item")).toHaveCount(1);
  await phone.goto(DEMO);
  await expect(phone.getByTestId("server-status")).toHaveText("unauthenticated");
  await laptop.goto(DEMO);
  await expect(laptop.getByTestId("server-status")).toHaveText("authenticated");

  // "Sign out everywhere" ends them all, this one included; Ada's session is untouched.
  const ada = await signedInPage(browser, "ada@example.com");
  await signInOnDemo(phone, "grace@example.com", "/account");
  await phone.getByTestId("revoke-all").click();
  await expect(phone).toHaveURL(`${DEMO}/`);
  await expect(phone.getByTestId("server-status")).toHaveText("unauthenticated");
  await laptop.goto(DEMO);
  await expect(laptop.getByTestId("server-status")).toHaveText("unauthenticated");
  await ada.goto(DEMO);
  await expect(ada.getByTestId("server-status")).toHaveText("authenticated");
  for (const page of [laptop, phone, ada]) await page.context().close();
});

test("the proxy reads the database session: a revoked session is turned away at /members", async ({ browser }) => {
  const first = await signedInPage(browser, "ada@example.com");
  await first.goto(`${DEMO}/members`);
  await expect(first.getByTestId("members-greeting")).toContainText("Ada");
  const second = await signedInPage(browser, "ada@example.com");
  await second.getByTestId("revoke-others").click();
  await first.goto(`${DEMO}/members`);
  await expect(first).toHaveURL(`${DEMO}/login?callbackUrl=%2Fmembers`);
  await first.context().close();
  await second.context().close();
});
