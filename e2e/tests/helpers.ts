import { expect, type BrowserContext, type Locator, type Page } from "@playwright/test";

export const DEMO = "http://127.0.0.1:3210";
export const PAGES = "http://127.0.0.1:3211";
/** The next-auth v4 app switched with the README's steps (e2e/servers/switch-app.js). */
export const SWITCH_APP = "http://127.0.0.1:3214";
/** The next-auth v3 app (e2e/v3-app, served by e2e/servers/v3-app.js). */
export const V3_APP = "http://127.0.0.1:3215";
/** Why the switching test does not run here (no PostgreSQL outside CI), as e2e/run.js found. */
export const SWITCH_APP_SKIPPED = process.env.E2E_SWITCH_APP_SKIPPED;
export const PASSWORD = "gatehouse-demo";
/** The next-auth v4 fixture app (e2e/v4-app, e2e/servers/v4-app.js), on each Next version it runs on. */
export const V4_APPS = [
  { next: 16, url: "http://127.0.0.1:3217", folder: "v4-app" },
  { next: 15, url: "http://127.0.0.1:3221", folder: "v4-app-next15" },
  { next: 14, url: "http://127.0.0.1:3220", folder: "v4-app-next14" },
  { next: 13, url: "http://127.0.0.1:3218", folder: "v4-app-next13" },
  { next: 12, url: "http://127.0.0.1:3219", folder: "v4-app-next12" },
] as const;

/** Whether the context holds a session cookie. */
export async function hasSessionCookie(context: BrowserContext): Promise<boolean> {
  return (await context.cookies()).some((cookie) => cookie.name.includes("session-token"));
}

/** The built-in page's credentials form (the page also lists the email and OAuth providers). */
export function credentialsForm(page: Page): Locator {
  return page.locator('form[action$="/callback/credentials"]');
}

/** Signs in on the built-in page (already open). */
export async function signInOnBuiltInPage(page: Page, email: string, password = PASSWORD): Promise<void> {
  const form = credentialsForm(page);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.locator('button[type="submit"]').click();
}

/** Signs in through the demo's custom login page. */
export async function signInOnDemo(page: Page, email: string, callbackUrl = "/"): Promise<void> {
  await page.goto(`${DEMO}/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${DEMO}${callbackUrl}`);
}
