// An identity provider that sends a huge profile (hundreds of group claims, a photo as a data:
// URL) must not turn the OAuth callback into a 500, nor leave cookies that make the browser's
// next request fail: the session keeps what fits, or the sign-in ends on the sign-in page with a
// clear code. The profile comes from a real IdP (oidc-provider) configured to send it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthHandler, Provider } from "../src/index.js";
import { AUTH, BASE, SESSION_COOKIE, get, makeAuth, recordingLogger, session, setCookies } from "./helpers.js";
import { oauthSignIn, startTestIdp, type TestIdp } from "./oauth/harness.js";
import { GROUPS, PHOTO } from "./oauth/huge-profile.js";

let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp({ profileClaims: { groups: GROUPS, picture: PHOTO } });
});
afterAll(async () => {
  await idp.close();
});

function local(): Provider {
  return {
    id: "local",
    name: "Local",
    type: "oidc",
    issuer: idp.issuer,
    clientId: "local",
    clientSecret: "local-secret",
  };
}

/** The browser's next request after the callback: it must be answered, and normally. */
async function nextRequestWorks(auth: AuthHandler, cookie: string): Promise<Record<string, unknown>> {
  // Every cookie the browser now holds goes out in one header; servers refuse past ~8 KB.
  expect(cookie.length).toBeLessThan(8 * 1024);
  const response = await get(auth, "/session", undefined, { cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe("a huge profile from the IdP", () => {
  it("with the default token: signs in, keeping what fits (the photo is left out)", async () => {
    const { logger, lines } = recordingLogger();
    const auth = makeAuth({ logger, providers: [local()] });
    const { jar, response } = await oauthSignIn(auth, "local", "hana");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${BASE}/after`);
    const body = await nextRequestWorks(auth, jar.header());
    expect(body.user).toEqual({ id: "local:hana", name: "hana", email: "hana@local.test" });
    expect(lines.some(([level, code]) => level === "warn" && code === "SESSION_CLAIMS_DROPPED")).toBe(true);
  });

  it("copied into the token by the app's jwt callback: the sign-in page with a clear code, never a 500", async () => {
    const { logger, lines } = recordingLogger();
    const auth = makeAuth({
      logger,
      providers: [local()],
      callbacks: {
        // A common pattern for role-based access, with a directory that has many groups.
        jwt: ({ token, profile }) => (profile === undefined ? token : { ...token, groups: profile.groups }),
      },
    });
    const { jar, response } = await oauthSignIn(auth, "local", "ivo");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${AUTH}/signin?error=SessionTooLarge`);
    expect(setCookies(response).some((c) => c.name.startsWith(SESSION_COOKIE) && c.value !== "")).toBe(false);
    // The page it lands on explains, and the next request is fine.
    const page = await get(auth, "/signin?error=SessionTooLarge", jar);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("more information than this site can keep in a session");
    expect(await nextRequestWorks(auth, jar.header())).toEqual({});
    expect(await session(auth, jar)).toEqual({});
    const logged = lines.find(([level, code]) => level === "error" && code === "SessionTooLarge");
    expect(JSON.stringify(logged)).toContain("strategy: 'database'");
  });
});
