// One provider with bad options (a missing environment variable, a shape it refuses) used to
// take every auth route down with a 500. Now it turns off that provider only, as next-auth does:
// listed nowhere, its own routes answer a Configuration error, said once in the log; the rest
// of auth keeps working. Mistakes that make the whole configuration unusable stay fatal.
import { describe, expect, it } from "vitest";
import { ConfigError, createAuth, type AuthConfig } from "../src/index.js";
import Apple from "../src/providers/apple.js";
import {
  AUTH,
  Jar,
  SECRET,
  csrf,
  get,
  makeAuth,
  passwordProvider,
  postForm,
  recordingLogger,
  session,
  signIn,
} from "./helpers.js";

const env: Record<string, string | undefined> = {};

function app() {
  const { logger, lines } = recordingLogger();
  const auth = makeAuth({
    logger,
    providers: [
      // As an app writes it, with AUTH_APPLE_ID missing from the environment.
      Apple({ clientId: env.AUTH_APPLE_ID as string, clientSecret: "secret" }),
      { id: "saml", name: "SAML", type: "saml" } as never,
      passwordProvider(),
    ],
  });
  return { auth, lines };
}

describe("a provider with bad options", () => {
  it("is listed nowhere: not in /providers, not on the sign-in page", async () => {
    const { auth } = app();
    expect(Object.keys((await (await get(auth, "/providers")).json()) as object)).toEqual(["credentials"]);
    const page = await get(auth, "/signin");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain("Apple");
    expect(html).not.toContain("SAML");
    expect(html).toContain('name="password"');
  });

  it("answers its own sign-in and callback with the Configuration error, JSON for json=true", async () => {
    const { auth } = app();
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const form = await postForm(auth, "/signin/apple", { csrfToken }, jar);
    expect(form.status).toBe(302);
    expect(form.headers.get("location")).toBe(`${AUTH}/error?error=Configuration`);
    expect(form.headers.getSetCookie()).toEqual([]);
    const json = await postForm(auth, "/signin/apple", { csrfToken, json: "true" }, jar);
    expect(await json.json()).toEqual({ url: `${AUTH}/error?error=Configuration` });
    for (const response of [
      await get(auth, "/callback/apple?code=c&state=s", jar),
      await postForm(auth, "/callback/apple", { code: "c", state: "s" }, jar),
      await postForm(auth, "/signin/saml", { csrfToken }, jar),
    ]) {
      expect(response.headers.get("location")).toBe(`${AUTH}/error?error=Configuration`);
    }
    const error = await get(auth, "/error?error=Configuration");
    expect(await error.text()).toContain("Sign-in is unavailable");
    // An unknown id is still just unknown.
    expect((await postForm(auth, "/signin/nobody", { csrfToken }, jar)).status).toBe(404);
  });

  it("leaves every other route working, and says what to change once", async () => {
    const { auth, lines } = app();
    const { jar, response } = await signIn(auth);
    expect(response.status).toBe(200);
    expect((await session(auth, jar)).user).toMatchObject({ id: "1" });
    await postForm(auth, "/signin/apple", { csrfToken: await csrf(auth, jar) }, jar);
    await get(auth, "/callback/apple?code=c&state=s", jar);
    const apple = lines.filter(([, , message]) => String(message).includes('"apple"'));
    expect(apple).toHaveLength(1);
    expect(apple[0]?.[0]).toBe("error");
    expect(String(apple[0]?.[2])).toMatch(/`clientId`.*AUTH_APPLE_ID/);
    expect(lines.filter(([, , message]) => String(message).includes('"saml"'))).toHaveLength(1);
  });

  it("stays fatal where the whole configuration is unusable", () => {
    const base = { secret: SECRET, url: "https://example.com" };
    const broken = Apple({ clientId: env.AUTH_APPLE_ID as string, clientSecret: "secret" });
    const start = (config: unknown) => () => createAuth(config as AuthConfig);
    expect(start({ ...base, providers: [broken, broken] })).toThrow(/Two providers have the id "apple"/);
    expect(start({ ...base, providers: "apple" })).toThrow(ConfigError);
    expect(start({ ...base, secret: undefined, providers: [broken, passwordProvider()] })).toThrow(/No secret/);
  });
});
