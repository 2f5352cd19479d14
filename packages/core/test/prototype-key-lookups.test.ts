// `?error=constructor` used to be looked up with `in` and render "function Object()" (issue 9,
// item 12). Wherever a request picks a key — an error code, a provider id, an action, a body
// field — only own entries count: Object.prototype's names are unknown keys like any other.
import { describe, expect, it } from "vitest";
import Email from "../src/providers/email.js";
import { memoryDatabase } from "./database.js";
import { AUTH, Jar, csrf, get, makeAuth, passwordProvider } from "./helpers.js";

const PROTOTYPE_KEYS = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "__defineGetter__"];
/** What a prototype function or object looks like once rendered. */
const LEAK = /function |native code|\[object |Object\(\)/;

async function setup() {
  const db = await memoryDatabase();
  return makeAuth({
    adapter: db.adapter,
    session: { strategy: "jwt" },
    providers: [Email({ sendVerificationRequest: () => undefined }), passwordProvider()],
  });
}

describe("prototype names picked by a request are unknown keys", () => {
  it.each(PROTOTYPE_KEYS)("?error=%s is the default error, never a prototype member", async (key) => {
    const auth = await setup();
    const heading = (html: string) => /<h1[^>]*>([^<]*)</.exec(html)?.[1];
    const unknown = await get(auth, "/error?error=NoSuchCode");
    const page = await get(auth, `/error?error=${encodeURIComponent(key)}`);
    expect(page.status).toBe(unknown.status);
    const html = await page.text();
    expect(html).not.toMatch(LEAK);
    expect(heading(html)).toBe(heading(await unknown.text()));
    const signIn = await get(auth, `/signin?error=${encodeURIComponent(key)}`);
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).not.toMatch(LEAK);
  });

  it.each(PROTOTYPE_KEYS)("%s as a provider id or an action is a 404, never a crash", async (key) => {
    const auth = await setup();
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    for (const path of [`/signin/${key}`, `/callback/${key}`, `/${key}`]) {
      const read = await get(auth, path, jar);
      expect(read.status, path).toBeLessThan(500);
      expect(await read.text()).not.toMatch(LEAK);
      const posted = await auth(
        new Request(`${AUTH}${path}`, {
          method: "POST",
          headers: { cookie: jar.header(), "content-type": "application/json" },
          body: JSON.stringify({ csrfToken, json: "true", [key]: "x" }),
        }),
      );
      expect(posted.status, path).toBeGreaterThanOrEqual(400);
      expect(posted.status, path).toBeLessThan(500);
      expect(await posted.text()).not.toMatch(LEAK);
    }
  });
});
