// Two-factor authentication in Chromium, on the demo (database sessions on SQLite): enrol with
// the account page, sign out, sign in with credentials, the code page, signed in; a reused code,
// a wrong code and a backup code used twice are refused; no session cookie exists between the two
// factors; and `auth.require({ maxAge })` sends an old session through step-up, then lets it in.
import { createHmac } from "node:crypto";
import { createClient } from "@libsql/client";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { DEMO, PASSWORD } from "./helpers.js";

const EMAIL = "alan@example.com"; // only this spec turns two-factor on for Alan

/** RFC 6238 (HMAC-SHA1, 6 digits, 30 s), written from the RFC, for the step `offset` from now. */
function totp(base32: string, offset = 0): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of base32) bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000) + offset));
  const mac = createHmac("sha1", key).update(message).digest();
  const at = (mac[mac.length - 1] as number) & 0xf;
  return String((mac.readUInt32BE(at) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

/** The session cookie itself (not the pending sign-in's `next-auth.two-factor`). */
async function sessionCookie(context: BrowserContext): Promise<boolean> {
  return (await context.cookies()).some((cookie) => /^next-auth\.session-token(\.\d+)?$/.test(cookie.name));
}

async function signInWithPassword(page: Page): Promise<void> {
  await page.goto(`${DEMO}/login?callbackUrl=${encodeURIComponent("/account")}`);
  await page.locator("#email").fill(EMAIL);
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function signOut(page: Page): Promise<void> {
  await page.goto(`${DEMO}/api/auth/signout`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect.poll(() => sessionCookie(page.context())).toBe(false);
}

async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

test("TOTP: enrol, sign out, password then code; reused, wrong and twice-used backup codes refused; step-up", async ({
  page,
  context,
}) => {
  await signInWithPassword(page);
  await expect(page).toHaveURL(`${DEMO}/account`);

  // Enrol from the account page: a QR code and the key, confirmed with a first code.
  const panel = page.getByTestId("two-factor");
  await expect(panel.getByTestId("two-factor-status")).toHaveText("Off");
  await panel.getByTestId("two-factor-enable").click();
  await expect(panel.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await panel.getByTestId("two-factor-secret").textContent()) ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const firstCode = totp(secret);
  await panel.getByLabel("Code from the app").fill(firstCode);
  await panel.getByTestId("two-factor-submit").click();
  const codes = panel.getByTestId("backup-codes").locator("code");
  await expect(codes).toHaveCount(10);
  const backup = await codes.allTextContents();
  await expect(panel.getByTestId("two-factor-status")).toHaveText("On · 10 backup codes left");

  await signOut(page);

  // Password first: the code page, and no session cookie until the code is right.
  await signInWithPassword(page);
  await expect(page).toHaveURL(`${DEMO}/api/auth/two-factor`);
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  expect(await sessionCookie(context)).toBe(false);
  expect(await (await page.request.get(`${DEMO}/api/auth/session`)).json()).toEqual({});

  // The enrolment's code again (used once already), then a wrong code: refused, still no session.
  await enterCode(page, firstCode);
  await expect(page.getByRole("alert")).toContainText("didn't work");
  expect(await sessionCookie(context)).toBe(false);
  await enterCode(page, firstCode === "000000" ? "111111" : "000000");
  await expect(page.getByRole("alert")).toContainText("didn't work");
  expect(await sessionCookie(context)).toBe(false);

  // The next step's code (one step of drift is allowed): signed in, where the sign-in was going.
  await enterCode(page, totp(secret, 1));
  await expect(page).toHaveURL(`${DEMO}/account`);
  expect(await sessionCookie(context)).toBe(true);
  await expect(page.getByTestId("account-email")).toHaveText(EMAIL);

  // A backup code works once.
  await signOut(page);
  await signInWithPassword(page);
  await expect(page).toHaveURL(`${DEMO}/api/auth/two-factor`);
  await enterCode(page, backup[0] as string);
  await expect(page).toHaveURL(`${DEMO}/account`);
  await signOut(page);
  await signInWithPassword(page);
  await enterCode(page, backup[0] as string);
  await expect(page.getByRole("alert")).toContainText("didn't work");
  expect(await sessionCookie(context)).toBe(false);
  await enterCode(page, backup[1] as string);
  await expect(page).toHaveURL(`${DEMO}/account`);

  // Step-up: a fresh session goes straight in; an old one is asked for a code first.
  await page.goto(`${DEMO}/account/security`);
  await expect(page.getByRole("heading", { name: "Security settings" })).toBeVisible();
  const path = process.env.E2E_DEMO_DATABASE;
  if (path === undefined) throw new Error("E2E_DEMO_DATABASE is set by e2e/playwright.config.ts");
  const db = createClient({ url: `file:${path}` });
  try {
    // An hour older, as if the user had signed in an hour ago.
    await db.execute({
      sql: "UPDATE auth_sessions SET authenticated_at = authenticated_at - 3600000 WHERE user_id IN (SELECT id FROM auth_users WHERE email = ?)",
      args: [EMAIL],
    });
  } finally {
    db.close();
  }
  await page.goto(`${DEMO}/account/security`);
  await expect(page).toHaveURL(/\/api\/auth\/two-factor\?callbackUrl=%2Faccount%2Fsecurity$/);
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  await enterCode(page, backup[2] as string);
  await expect(page).toHaveURL(`${DEMO}/account/security`);
  await expect(page.getByRole("heading", { name: "Security settings" })).toBeVisible();
  await expect(page.getByTestId("amr")).toHaveText("otp, mfa");
});
