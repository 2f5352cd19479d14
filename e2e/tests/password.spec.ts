// Password accounts in the demo (database sessions on SQLite), in Chromium against a real SMTP
// server (the life is in password-life.ts; password-postgres.https.spec.ts runs it on
// PostgreSQL). Then the same life over plain HTTP with fetch, for the JSON API.
import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers.js";
import { linkIn, passwordLife } from "./password-life.js";
import { startMailSink, type MailSink } from "./mail-sink.js";

let sink: MailSink;
test.beforeAll(async () => {
  sink = await startMailSink();
});
test.afterAll(async () => {
  await sink.close();
});

const AUTH = `${DEMO}/api/auth`;

test("the whole life of a password account in Chromium, with no JavaScript needed", async ({
  page,
  context,
  browser,
}) => {
  await passwordLife({ page, context, browser }, DEMO, sink);
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
