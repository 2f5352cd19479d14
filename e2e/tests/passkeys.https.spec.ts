// Passkeys in Chromium with the DevTools protocol's virtual authenticator (WebAuthn.enable,
// WebAuthn.addVirtualAuthenticator), against the demo over HTTPS on https://localhost (browsers
// refuse WebAuthn on an IP address): register a passkey on the account page, sign out, sign in
// with it (the login page's button, and the built-in page's autofill), remove it; a cloned
// credential that replays its counter and an assertion over another browser's challenge are
// refused.
import { expect, test, type BrowserContext, type CDPSession, type Page } from "@playwright/test";
import { signInOnBuiltInPage } from "./helpers.js";

const APP = "https://localhost:3212";

interface VirtualAuthenticator {
  cdp: CDPSession;
  authenticatorId: string;
}

async function virtualAuthenticator(context: BrowserContext, page: Page): Promise<VirtualAuthenticator> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

async function credentials(authenticator: VirtualAuthenticator) {
  const { credentials: list } = await authenticator.cdp.send("WebAuthn.getCredentials", {
    authenticatorId: authenticator.authenticatorId,
  });
  return list;
}

/** Ada signs in with her password and adds a passkey named `name` on the account page. */
async function addPasskey(page: Page, name: string): Promise<void> {
  await page.goto(`${APP}/api/auth/signin?callbackUrl=${encodeURIComponent(`${APP}/account`)}`);
  await signInOnBuiltInPage(page, "ada@example.com");
  await expect(page).toHaveURL(`${APP}/account`);
  await page.locator("#passkey-name").fill(name);
  await page.getByTestId("add-passkey").click();
  await expect(page.getByTestId("passkey-message")).toHaveText("Passkey added.");
  await expect(page.getByTestId("passkey-list")).toContainText(name);
}

async function signOut(page: Page): Promise<void> {
  await page.goto(`${APP}/account`);
  await page.getByTestId("server-signout").click();
  await expect(page).toHaveURL(`${APP}/`);
  await expect(page.getByTestId("server-status")).toHaveText("unauthenticated");
}

/** Runs a whole passkey sign-in from the page's script; resolves with the verification's answer. */
function signInFromPage(page: Page, options?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  return page.evaluate(async (given) => {
    const csrf = ((await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
    const post = async (path: string, fields: Record<string, unknown>) => {
      const res = await fetch(`/api/auth/${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ...fields, csrfToken: csrf, json: true }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const start = given ?? (await post("passkey/authentication-options", {})).body.options;
    const optionsJson = start as { challenge: string; rpId: string };
    const bytes = (text: string) =>
      Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    const credential = (await navigator.credentials.get({
      publicKey: { challenge: bytes(optionsJson.challenge), rpId: optionsJson.rpId, userVerification: "preferred" },
    })) as PublicKeyCredential;
    return post("callback/passkey", { response: credential.toJSON() });
  }, options);
}

test("register a passkey, sign out, sign in with it (button and autofill), remove it", async ({ page, context }) => {
  const authenticator = await virtualAuthenticator(context, page);
  await addPasskey(page, "Virtual key");
  expect(await credentials(authenticator)).toHaveLength(1);
  await expect(page.getByTestId("passkey-name")).toHaveText(["Virtual key"]);
  await expect(page.getByTestId("passkey-item")).toContainText("last used never");
  await signOut(page);

  // The login page's button: signIn("passkey").
  await page.goto(`${APP}/login?callbackUrl=/account`);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(`${APP}/account`);
  await expect(page.getByTestId("account-email")).toHaveText("ada@example.com");
  await expect(page.getByTestId("passkey-item")).not.toContainText("last used never");
  await signOut(page);

  // The built-in page: its autofill request (conditional mediation on the
  // autocomplete="username webauthn" field) starts on load, and the virtual authenticator, which
  // simulates the user's pick, answers it at once: no button is pressed, and the page signs in.
  await page.goto(`${APP}/api/auth/signin?callbackUrl=${encodeURIComponent(`${APP}/account`)}`);
  await expect(page).toHaveURL(`${APP}/account`);
  await expect(page.getByTestId("account-email")).toHaveText("ada@example.com");

  // Remove it: listed no more, and it signs in no more.
  page.once("dialog", (dialog) => void dialog.accept("Renamed key"));
  await page.getByTestId("rename-passkey").click();
  await expect(page.getByTestId("passkey-name")).toHaveText(["Renamed key"]);
  await page.getByTestId("delete-passkey").click();
  await expect(page.getByTestId("passkey-item")).toHaveCount(0);
  await signOut(page);
  const after = await signInFromPage(page);
  expect(after.status).toBe(401);
  expect(after.body.error).toBe("PasskeySignin");
});

test("a cloned credential replaying its counter, and another browser's challenge, are refused", async ({
  page,
  context,
  browser,
}) => {
  const authenticator = await virtualAuthenticator(context, page);
  await addPasskey(page, "Counter key");
  const [registered] = await credentials(authenticator);
  expect(registered).toBeDefined();
  await signOut(page);

  // The original signs in; its counter moves past the copy's.
  const first = await signInFromPage(page);
  expect(first.status).toBe(200);
  const [used] = await credentials(authenticator);
  expect(used?.signCount ?? 0).toBeGreaterThan(registered?.signCount ?? 0);

  // A clone made before that sign-in: same key, the old counter, in another browser.
  const other = await browser.newContext({ ignoreHTTPSErrors: true });
  const clonePage = await other.newPage();
  await clonePage.goto(`${APP}/api/auth/csrf`);
  const clone = await virtualAuthenticator(other, clonePage);
  await clone.cdp.send("WebAuthn.addCredential", {
    authenticatorId: clone.authenticatorId,
    // It signs with its counter plus one: the count the server has already seen.
    credential: { ...(registered as NonNullable<typeof registered>), signCount: (used?.signCount ?? 1) - 1 },
  });
  const cloned = await signInFromPage(clonePage);
  expect(cloned.status).toBe(401);
  expect(cloned.body.error).toBe("PasskeySignin");
  expect((await other.cookies(APP)).some((cookie) => cookie.name.includes("session-token"))).toBe(false);

  // An assertion over a challenge this browser (the original) was handed, posted from the other.
  await signOut(page);
  const mine = await page.evaluate(async () => {
    const csrf = ((await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
    const res = await fetch("/api/auth/passkey/authentication-options", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ csrfToken: csrf }),
    });
    return ((await res.json()) as { options: unknown }).options;
  });
  const assertion = await page.evaluate(async (given) => {
    const optionsJson = given as { challenge: string; rpId: string };
    const bytes = (text: string) =>
      Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    const credential = (await navigator.credentials.get({
      publicKey: { challenge: bytes(optionsJson.challenge), rpId: optionsJson.rpId },
    })) as PublicKeyCredential;
    return credential.toJSON();
  }, mine);
  const foreign = await clonePage.evaluate(async (response) => {
    const csrf = ((await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
    // This browser's own ceremony (its own challenge cookie), then the other browser's assertion.
    await fetch("/api/auth/passkey/authentication-options", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ csrfToken: csrf }),
    });
    const res = await fetch("/api/auth/callback/passkey", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ csrfToken: csrf, json: true, response }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }, assertion);
  expect(foreign.status).toBe(401);
  expect(foreign.body.error).toBe("PasskeySignin");
  await other.close();
});
