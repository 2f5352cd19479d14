import { expect, type BrowserContext, type Page } from "@playwright/test";

export const DEMO = "http://127.0.0.1:3210";
export const PAGES = "http://127.0.0.1:3211";
export const PASSWORD = "gatehouse-demo";

/** Whether the context holds a session cookie. */
export async function hasSessionCookie(context: BrowserContext): Promise<boolean> {
  return (await context.cookies()).some((cookie) => cookie.name.includes("session-token"));
}

/** Signs in on the built-in page (already open). */
export async function signInOnBuiltInPage(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  // The submit button of the form the password is in (the page may list other providers).
  await page.getByLabel("Password").locator("xpath=ancestor::form").locator('button[type="submit"]').click();
}

/** Signs in through the demo's custom login page. */
export async function signInOnDemo(page: Page, email: string, callbackUrl = "/"): Promise<void> {
  await page.goto(`${DEMO}/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${DEMO}${callbackUrl}`);
}
