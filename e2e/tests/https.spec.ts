// The demo over real HTTPS in Chromium (servers/demo-https.js: a certificate made at test time,
// TLS in front of `next start`). What unit tests can only assert on Set-Cookie lines is checked
// in the browser's own cookie store here: the __Secure- session cookie, the __Host- CSRF cookie,
// and a form_post provider whose check cookies must survive the IdP's cross-site POST back.
import { expect, test, type BrowserContext, type Cookie } from "@playwright/test";
import { signInOnBuiltInPage } from "./helpers.js";

const APP = "https://localhost:3212";
const IDP = /^http:\/\/127\.0\.0\.1:3311\//;
const CHECKS = ["__Secure-next-auth.state", "__Secure-next-auth.pkce.code_verifier", "__Secure-next-auth.nonce"];

async function cookie(context: BrowserContext, name: string): Promise<Cookie | undefined> {
  return (await context.cookies(APP)).find((candidate) => candidate.name === name);
}

test("over HTTPS: a __Secure- HttpOnly session cookie and a __Host- CSRF cookie; sign-in and sign-out work", async ({
  page,
  context,
}) => {
  await page.goto(`${APP}/api/auth/signin`);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  const csrf = await cookie(context, "__Host-next-auth.csrf-token");
  // __Host-: Secure, Path=/, and no Domain (a host-only cookie).
  expect(csrf).toMatchObject({ secure: true, httpOnly: true, path: "/", domain: "localhost", sameSite: "Lax" });

  await signInOnBuiltInPage(page, "ada@example.com");
  await expect(page).toHaveURL(`${APP}/`);
  await expect(page.getByTestId("server-status")).toHaveText("authenticated");
  await expect(page.getByTestId("client-status")).toHaveText("authenticated");
  const session = await cookie(context, "__Secure-next-auth.session-token");
  expect(session).toMatchObject({ secure: true, httpOnly: true, path: "/", sameSite: "Lax" });
  const names = (await context.cookies(APP)).map((entry) => entry.name);
  expect(names.filter((name) => name.startsWith("next-auth."))).toEqual([]);
  // HttpOnly, as the page's scripts see it.
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${APP}/`);
  await expect(page.getByTestId("server-status")).toHaveText("unauthenticated");
  expect(await cookie(context, "__Secure-next-auth.session-token")).toBeUndefined();
});

test("a form_post provider over HTTPS: its SameSite=None; Secure check cookies come back on the IdP's cross-site POST", async ({
  page,
  context,
}) => {
  await page.goto(`${APP}/api/auth/signin?callbackUrl=%2Fdashboard`);
  await page.getByRole("button", { name: "Sign in with Local IdP (form_post)", exact: true }).click();
  await expect(page).toHaveURL(IDP);
  for (const name of CHECKS) {
    expect(await cookie(context, name), name).toMatchObject({ secure: true, httpOnly: true, sameSite: "None" });
  }

  const callback = page.waitForRequest((request) => request.url() === `${APP}/api/auth/callback/local-post`);
  await page.locator('input[name="login"]').fill("fiona");
  await page.locator('input[name="password"]').fill("anything");
  await page.locator('button[type="submit"]').click();
  // The IdP's page posts the code back: a POST from another site, carrying the check cookies.
  const posted = await callback;
  expect(posted.method()).toBe("POST");
  const headers = await posted.allHeaders();
  expect(headers["sec-fetch-site"]).toBe("cross-site");
  for (const name of CHECKS) expect(headers.cookie ?? "", name).toContain(`${name}=`);

  await expect(page).toHaveURL(`${APP}/dashboard`);
  await expect(page.getByTestId("dashboard-user")).toContainText("fiona@local.test");
  expect(await cookie(context, "__Secure-next-auth.session-token")).toMatchObject({ secure: true, httpOnly: true });
  for (const name of CHECKS) expect(await cookie(context, name), name).toBeUndefined();
});
