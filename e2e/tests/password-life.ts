// The whole life of a password account in Chromium against a real SMTP server, run against the
// demo on SQLite (password.spec.ts) and on PostgreSQL (password-postgres.https.spec.ts): sign up
// → verification mail → verified (at once in the browser that signed up) → sign in → change
// password (the other session ends) → forgot → reset mail → reset (old password refused, every
// session ended) → sign in with the new one.
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { hasSessionCookie } from "./helpers.js";
import type { MailSink } from "./mail-sink.js";

/** The link to `/api/auth/<path>` in a mail's text. */
export function linkIn(text: string | undefined, path: string): string {
  const match = new RegExp(`https?://\\S+/api/auth/${path}\\?\\S+`).exec(text ?? "");
  if (match === null) throw new Error(`No ${path} link in the email: ${text ?? "(no text part)"}`);
  return match[0];
}

async function signInOnBuiltIn(page: Page, auth: string, email: string, password: string): Promise<void> {
  await page.goto(`${auth}/signin`);
  const form = page.locator('form[action$="/callback/password"]');
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button").click();
}

async function sessionOf(page: Page, auth: string): Promise<Record<string, unknown>> {
  return (await (await page.request.get(`${auth}/session`)).json()) as Record<string, unknown>;
}

async function secondBrowser(browser: Browser) {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  return { context, page: await context.newPage() };
}

/**
 * Runs the life on the app at `origin`, with its mails read from `sink`.
 * @param page the first browser's page; `context` its context; `browser` makes the second one.
 */
export async function passwordLife(
  { page, context, browser }: { page: Page; context: BrowserContext; browser: Browser },
  origin: string,
  sink: MailSink,
): Promise<void> {
  const auth = `${origin}/api/auth`;
  const host = new URL(origin).host;
  const email = `pat-${Date.now()}@example.com`;
  await page.goto(`${origin}/login`);
  await page.getByRole("link", { name: "Create a password account" }).click();
  await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();
  await page.getByLabel("Name (optional)").fill("Pat");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  // The browser's own check (minlength) stops it first; the server says the same without it.
  await expect(page).toHaveURL(/\/signup\/password/);
  await page.getByLabel("Password").fill("a long first password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const verification = await sink.next(email);
  expect(verification.subject).toBe(`Verify your email for ${host}`);
  const verifyLink = linkIn(verification.text, "verify-email/password");
  // Opened in another browser (a phone, a mail scanner): one button, and nothing used yet.
  const elsewhere = await secondBrowser(browser);
  await elsewhere.page.goto(verifyLink);
  await expect(elsewhere.page.getByRole("button", { name: "Verify email" })).toBeVisible();
  await elsewhere.context.close();
  // In the browser that signed up, opening the link verifies the address.
  await page.goto(verifyLink);
  await expect(page.getByRole("heading", { name: "Email verified" })).toBeVisible();

  await page.getByRole("link", { name: "Sign in" }).click();
  await signInOnBuiltIn(page, auth, email, "a long first password");
  await expect(page).toHaveURL(`${origin}/`);
  expect(await hasSessionCookie(context)).toBe(true);
  expect(await sessionOf(page, auth)).toMatchObject({ user: { email, name: "Pat" } });

  // A second browser signs in too; changing the password in the first ends the second's session.
  const other = await secondBrowser(browser);
  await signInOnBuiltIn(other.page, auth, email, "a long first password");
  expect(await sessionOf(other.page, auth)).toMatchObject({ user: { email } });
  const csrf = ((await (await page.request.get(`${auth}/csrf`)).json()) as { csrfToken: string }).csrfToken;
  const changed = await page.request.post(`${auth}/password/change`, {
    form: {
      csrfToken: csrf,
      currentPassword: "a long first password",
      newPassword: "a long second password",
      json: "true",
    },
  });
  expect(changed.status()).toBe(200);
  expect(await sessionOf(page, auth)).toMatchObject({ user: { email } });
  expect(await sessionOf(other.page, auth)).toEqual({});
  expect((await sink.next(email)).subject).toMatch(/was changed/);

  // Forgot → reset mail → reset: the old password is refused, every session ended.
  await other.page.goto(`${auth}/signin`);
  await other.page.getByRole("link", { name: "Forgot your password?" }).click();
  await other.page.getByLabel("Email").fill(email);
  await other.page.getByRole("button", { name: "Send reset link" }).click();
  await expect(other.page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const reset = await sink.next(email);
  expect(reset.subject).toBe(`Reset your password for ${host}`);
  await other.page.goto(linkIn(reset.text, "password/reset"));
  await other.page.getByLabel("New password", { exact: true }).fill("a long third password");
  await other.page.getByRole("button", { name: "Set new password" }).click();
  await expect(other.page).toHaveURL(/\/api\/auth\/signin\?reset=1/);
  expect(await sessionOf(page, auth)).toEqual({});
  expect((await sink.next(email)).subject).toMatch(/was changed/);

  await signInOnBuiltIn(other.page, auth, email, "a long second password");
  await expect(other.page.getByRole("alert")).toContainText("don't match an account");
  await signInOnBuiltIn(other.page, auth, email, "a long third password");
  await expect(other.page).toHaveURL(`${origin}/`);
  expect(await sessionOf(other.page, auth)).toMatchObject({ user: { email } });
  await other.context.close();
}
