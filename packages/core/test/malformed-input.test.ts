import { describe, expect, it } from "vitest";
import { AUTH, Jar, SESSION_COOKIE, csrf, get, makeAuth, session } from "./helpers.js";

/** POSTs a raw body to the credentials callback with a valid CSRF cookie; returns response and jar. */
async function rawPost(body: BodyInit, contentType: string | null, extraHeaders: Record<string, string> = {}) {
  const auth = makeAuth();
  const jar = new Jar();
  const csrfToken = await csrf(auth, jar);
  const headers: Record<string, string> = { cookie: jar.header(), ...extraHeaders };
  if (contentType !== null) headers["content-type"] = contentType;
  const response = await auth(
    new Request(`${AUTH}/callback/credentials`, { method: "POST", headers, body, duplex: "half" } as RequestInit),
  );
  jar.take(response);
  return { auth, jar, csrfToken, response };
}

async function expectNothingChanged(result: Awaited<ReturnType<typeof rawPost>>, status: number) {
  expect(result.response.status).toBe(status);
  expect(result.response.headers.getSetCookie().some((line) => line.startsWith(SESSION_COOKIE))).toBe(false);
  const text = await result.response.text();
  expect(text).not.toMatch(/\bat .+:\d+:\d+/);
  expect(await session(result.auth, result.jar)).toEqual({});
}

const valid = (csrfToken: string) => `csrfToken=${csrfToken}&email=ada%40example.com&password=correct+horse&json=true`;

describe("malformed request bodies", () => {
  it("refuses bad percent-encoding with 400", async () => {
    const auth = makeAuth();
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    for (const body of [`${valid(csrfToken)}&x=%zz`, `${valid(csrfToken)}&x=%E0%A4%A`, `${valid(csrfToken)}&x=%`]) {
      const response = await auth(
        new Request(`${AUTH}/callback/credentials`, {
          method: "POST",
          headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
          body,
        }),
      );
      expect(response.status, body).toBe(400);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });

  it("refuses a repeated field (an array where a string belongs) with 400", async () => {
    const auth = makeAuth();
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const response = await auth(
      new Request(`${AUTH}/callback/credentials`, {
        method: "POST",
        headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
        body: `${valid(csrfToken)}&email=bob%40example.com`,
      }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("refuses JSON arrays and objects where strings belong", async () => {
    for (const email of [["ada@example.com"], { $ne: "" }, 1, null]) {
      const auth = makeAuth();
      const jar = new Jar();
      const csrfToken = await csrf(auth, jar);
      const response = await auth(
        new Request(`${AUTH}/callback/credentials`, {
          method: "POST",
          headers: { cookie: jar.header(), "content-type": "application/json" },
          body: JSON.stringify({ csrfToken, email, password: "correct horse", json: true }),
        }),
      );
      expect(response.status, JSON.stringify(email)).toBe(400);
      expect(await session(auth, jar)).toEqual({});
    }
  });

  it("refuses a CSRF token that is not a string", async () => {
    const result = await rawPost(JSON.stringify({ csrfToken: ["x"], email: "a", password: "b" }), "application/json");
    await expectNothingChanged(result, 403);
  });

  it("refuses deeply nested JSON with 400", async () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    const result = await rawPost(`{"csrfToken":"x","email":${deep}}`, "application/json");
    await expectNothingChanged(result, 400);
  });

  it("refuses JSON that does not parse, or is not an object", async () => {
    await expectNothingChanged(await rawPost("{not json", "application/json"), 400);
    await expectNothingChanged(await rawPost('["csrfToken"]', "application/json"), 400);
    await expectNothingChanged(await rawPost('"text"', "application/json"), 400);
  });

  it("refuses huge bodies with 413, by Content-Length or by streaming", async () => {
    const huge = `email=${"a".repeat(70 * 1024)}`;
    await expectNothingChanged(await rawPost(huge, "application/x-www-form-urlencoded"), 413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 100; i++) controller.enqueue(new TextEncoder().encode("a".repeat(1024)));
        controller.close();
      },
    });
    await expectNothingChanged(await rawPost(stream, "application/x-www-form-urlencoded"), 413);
  });

  it("refuses too many fields with 413", async () => {
    const body = Array.from({ length: 300 }, (_, i) => `f${i}=1`).join("&");
    await expectNothingChanged(await rawPost(body, "application/x-www-form-urlencoded"), 413);
  });

  it("refuses unknown content types with 415", async () => {
    await expectNothingChanged(await rawPost("email=a", "text/plain"), 415);
    await expectNothingChanged(await rawPost("<x/>", "application/xml"), 415);
    await expectNothingChanged(await rawPost("email=a", null), 415);
    await expectNothingChanged(await rawPost("--b\r\n", "multipart/form-data; boundary=b"), 415);
  });

  it("refuses invalid UTF-8 with 400", async () => {
    await expectNothingChanged(
      await rawPost(new Uint8Array([0x65, 0x3d, 0xff, 0xfe]), "application/x-www-form-urlencoded"),
      400,
    );
  });

  it("ignores __proto__ fields instead of polluting anything", async () => {
    const result = await rawPost(`__proto__=x&constructor=y&email=a&password=b`, "application/x-www-form-urlencoded");
    expect(result.response.status).toBe(403);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe("malformed cookies and headers", () => {
  it("reads garbage session cookies as signed out and clears them", async () => {
    const auth = makeAuth();
    for (const value of ["garbage", "a.b.c.d.e", "%E0%A4%A", "x".repeat(5000), '"quoted"']) {
      const response = await get(auth, "/session", undefined, { cookie: `${SESSION_COOKIE}=${value}` });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({});
      expect(response.headers.getSetCookie()[0]).toMatch(/Max-Age=0/);
    }
  });

  it("survives a malformed Cookie header", async () => {
    const auth = makeAuth();
    for (const cookie of [";;;", "=", "a", "=value", SESSION_COOKIE, "a=1; a=2; ; b"]) {
      const response = await get(auth, "/session", undefined, { cookie });
      expect(response.status, cookie).toBe(200);
    }
  });

  it("does not reflect query strings into pages", async () => {
    const response = await get(makeAuth(), `/signin?error=${encodeURIComponent("<img src=x onerror=alert(1)>")}`);
    const page = await response.text();
    expect(page).not.toContain("<img src=x");
    expect(page).toContain("We couldn&#39;t sign you in");
  });
});
