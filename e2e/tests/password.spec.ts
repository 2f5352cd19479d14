// Password accounts in the demo (database sessions on SQLite), in Chromium against a real SMTP
// server: sign up → verification mail → verified → sign in → change password (the other
// session ends) → forgot → reset mail → reset (old password refused, every session ended) →
// sign in with the new one. Then the same life over plain HTTP with fetch, for the JSON API.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, hasSessionCookie } from "./helpers.js";
import { startMailSink, type MailSink } from "./mail-sink.js";

let sink: MailSink;
test.beforeAll(async () => {
  sink = await startMailSink();
});
test.afterAll(async () => {
  await sink.close();
});

const AUTH = `${DEMO}/api/auth`;

function linkIn(text: string | undefined, path: string): string {
  const match = new RegExp(`https?://\\S+/api/auth/${path}\\?\\S+`).exec(text ?? "");
  if (match === null) throw new Error(`No ${path} link in the email: ${text ?? "(no text part)"}`);
  return match[0];
}

async function signInOnBuiltIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${AUTH}/signin`);
  const form = page.locator('form[action$="/callback/password"]');
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button").click();
}

async function sessionOf(page: Page): Promise<Record<string, unknown>> {
  return (await (await page.request.get(`${AUTH}/session`)).json()) as Record<string, unknown>;
}

async function secondBrowser(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("the whole life of a password account in Chromium, with no JavaScript needed", async ({
  page,
  context,
  browser,
}) => {
  const email = `pat-${Date.now()}@example.com`;
  await page.goto(`${DEMO}/login`);
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
  expect(verification.subject).toBe("Verify your email for 127.0.0.1:3210");
  await page.goto(linkIn(verification.text, "verify-email/password"));
  await page.getByRole("button", { name: "Verify email" }).click();
  await expect(page.getByRole("heading", { name: "Email verified" })).toBeVisible();

  await page.getByRole("link", { name: "Sign in" }).click();
  await signInOnBuiltIn(page, email, "a long first password");
  await expect(page).toHaveURL(`${DEMO}/`);
  expect(await hasSessionCookie(context)).toBe(true);
  expect(await sessionOf(page)).toMatchObject({ user: { email, name: "Pat" } });

  // A second browser signs in too; changing the password in the first ends the second's session.
  const other = await secondBrowser(browser);
  await signInOnBuiltIn(other.page, email, "a long first password");
  expect(await sessionOf(other.page)).toMatchObject({ user: { email } });
  const csrf = ((await (await page.request.get(`${AUTH}/csrf`)).json()) as { csrfToken: string }).csrfToken;
  const changed = await page.request.post(`${AUTH}/password/change`, {
    form: {
      csrfToken: csrf,
      currentPassword: "a long first password",
      newPassword: "a long second password",
      json: "true",
    },
  });
  expect(changed.status()).toBe(200);
  expect(await sessionOf(page)).toMatchObject({ user: { email } });
  expect(await sessionOf(other.page)).toEqual({});
  expect((await sink.next(email)).subject).toMatch(/was changed/);

  // Forgot → reset mail → reset: the old password is refused, every session ended.
  await other.page.goto(`${AUTH}/signin`);
  await other.page.getByRole("link", { name: "Forgot your password?" }).click();
  await other.page.getByLabel("Email").fill(email);
  await other.page.getByRole("button", { name: "Send reset link" }).click();
  await expect(other.page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const reset = await sink.next(email);
  expect(reset.subject).toBe("Reset your password for 127.0.0.1:3210");
  await other.page.goto(linkIn(reset.text, "password/reset"));
  await other.page.getByLabel("New password", { exact: true }).fill("a long third password");
  await other.page.getByRole("button", { name: "Set new password" }).click();
  await expect(other.page).toHaveURL(/\/api\/auth\/signin\?reset=1/);
  expect(await sessionOf(page)).toEqual({});
  expect((await sink.next(email)).subject).toMatch(/was changed/);

  await signInOnBuiltIn(other.page, email, "a long second password");
  await expect(other.page.getByRole("alert")).toContainText("don't match an account");
  await signInOnBuiltIn(other.page, email, "a long third password");
  await expect(other.page).toHaveURL(`${DEMO}/`);
  expect(await sessionOf(other.page)).toMatchObject({ user: { email } });
  await other.context.close();
});

/** A cookie jar over fetch: what a script or a mobile app calling the JSON API keeps. */
class Client {
  cookies = new Map<string, string>();
  async call(
    path: string,
    fields?: Record<string, string>,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    let csrfToken = "";
    if (fields !== undefined) csrfToken = ((await this.call("/csrf")).body as { csrfToken: string }).csrfToken;
    const response = await fetch(`${AUTH}${path}`, {
      method: fields === undefined ? "GET" : "POST",
      redirect: "manual",
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
        ...(fields === undefined ? {} : { "content-type": "application/json", accept: "application/json" }),
      },
      ...(fields === undefined ? {} : { body: JSON.stringify({ ...fields, csrfToken, json: true }) }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    return { status: response.status, body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>) };
  }
}

test("the same life over plain HTTP with fetch (the JSON API)", async () => {
  const email = `api-${Date.now()}@example.com`;
  const laptop = new Client();
  expect(await laptop.call("/signup/password", { email, password: "api first password" })).toEqual({
    status: 200,
    body: { ok: true, url: `${AUTH}/password/sent?mail=verify` },
  });
  const token = new URL(linkIn((await sink.next(email)).text, "verify-email/password")).searchParams.get("token");
  expect((await laptop.call("/verify-email/password", { token: token as string })).status).toBe(200);

  expect((await laptop.call("/callback/password", { email, password: "api first password" })).status).toBe(200);
  const phone = new Client();
  expect((await phone.call("/callback/password", { email, password: "api first password" })).status).toBe(200);
  expect((await phone.call("/session")).body).toMatchObject({ user: { email } });

  const changed = await laptop.call("/password/change", {
    currentPassword: "api first password",
    newPassword: "api second password",
  });
  expect(changed.status).toBe(200);
  expect((await phone.call("/session")).body).toEqual({});
  expect((await laptop.call("/session")).body).toMatchObject({ user: { email } });
  await sink.next(email);

  expect((await phone.call("/password/forgot", { email })).body).toEqual({
    ok: true,
    url: `${AUTH}/password/sent?mail=reset`,
  });
  const resetToken = new URL(linkIn((await sink.next(email)).text, "password/reset")).searchParams.get("token");
  expect(
    (await phone.call("/password/reset", { token: resetToken as string, password: "api third password" })).status,
  ).toBe(200);
  expect((await laptop.call("/session")).body).toEqual({});
  expect((await phone.call("/callback/password", { email, password: "api second password" })).status).toBe(401);
  expect((await phone.call("/callback/password", { email, password: "api third password" })).status).toBe(200);
  expect((await phone.call("/session")).body).toMatchObject({ user: { email } });
});
