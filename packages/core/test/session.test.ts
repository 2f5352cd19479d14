import { describe, expect, it } from "vitest";
import { AUTH, Jar, SESSION_COOKIE, csrf, get, makeAuth, postForm, session, signIn, clock } from "./helpers.js";

async function update(auth: ReturnType<typeof makeAuth>, jar: Jar, data: unknown): Promise<Response> {
  const csrfToken = await csrf(auth, jar);
  const response = await auth(
    new Request(`${AUTH}/session`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: jar.header() },
      body: JSON.stringify({ csrfToken, data }),
    }),
  );
  jar.take(response);
  return response;
}

describe("session refresh (updateAge)", () => {
  it("does not rewrite the cookie on every read, only once updateAge has passed", async () => {
    const time = clock();
    const auth = makeAuth({ now: time.now, session: { maxAge: 3600, updateAge: 600 } });
    const { jar } = await signIn(auth);
    const first = jar.cookies.get(SESSION_COOKIE);

    time.advance(300);
    const fresh = await get(auth, "/session", jar);
    expect(fresh.headers.getSetCookie()).toEqual([]);
    const { expires: unchanged } = (await fresh.json()) as { expires: string };

    time.advance(400);
    const due = await get(auth, "/session", jar);
    expect(due.headers.getSetCookie()).toHaveLength(1);
    const { expires: slid } = (await due.json()) as { expires: string };
    expect(Date.parse(slid) - Date.parse(unchanged)).toBe(700 * 1000);
    expect(jar.cookies.get(SESSION_COOKIE)).not.toBe(first);
  });

  it("expires an idle session after maxAge and clears its cookie", async () => {
    const time = clock();
    const auth = makeAuth({ now: time.now, session: { maxAge: 3600 } });
    const { jar } = await signIn(auth);
    time.advance(3600 + 10);
    const copy = new Jar();
    copy.cookies.set(SESSION_COOKIE, jar.cookies.get(SESSION_COOKIE) as string);
    expect(await session(auth, copy)).toMatchObject({ user: { id: "1" } });
    time.advance(6);
    const response = await get(auth, "/session", jar);
    expect(await response.json()).toEqual({});
    expect(response.headers.getSetCookie()[0]).toMatch(/^next-auth\.session-token=; .*Max-Age=0/);
    expect(jar.cookies.has(SESSION_COOKIE)).toBe(false);
  });

  it("rewrites the cookie when the jwt callback changes the token", async () => {
    let counter = 0;
    const auth = makeAuth({
      callbacks: {
        jwt: ({ token, trigger }) => {
          if (trigger === undefined) token.reads = ++counter;
          return token;
        },
      },
    });
    const { jar } = await signIn(auth);
    const response = await get(auth, "/session", jar);
    expect(response.headers.getSetCookie()).toHaveLength(1);
    const unchanged = makeAuth({ callbacks: { jwt: ({ token }) => token } });
    const second = await signIn(unchanged);
    expect((await get(unchanged, "/session", second.jar)).headers.getSetCookie()).toEqual([]);
  });

  it("ends the session when the jwt callback returns null", async () => {
    let allow = true;
    const auth = makeAuth({ callbacks: { jwt: ({ token }) => (allow ? token : null) } });
    const { jar } = await signIn(auth);
    allow = false;
    const response = await get(auth, "/session", jar);
    expect(await response.json()).toEqual({});
    expect(jar.cookies.has(SESSION_COOKIE)).toBe(false);
  });
});

describe("session expiry against the clock", () => {
  it("reads a token past exp (plus 15 s) as signed out", async () => {
    const time = clock(Date.now() - 3700 * 1000);
    const past = makeAuth({ now: time.now, session: { maxAge: 3600 } });
    const { jar } = await signIn(past);
    // Sealed an hour and 100 seconds ago with a one-hour lifetime: expired now.
    const response = await get(makeAuth(), "/session", jar);
    expect(await response.json()).toEqual({});
    expect(jar.cookies.has(SESSION_COOKIE)).toBe(false);
  });
});

describe("POST session (update)", () => {
  it("runs jwt with trigger 'update' and the posted data, and returns the new session", async () => {
    const seen: unknown[] = [];
    const auth = makeAuth({
      callbacks: {
        jwt: ({ token, trigger, session: data }) => {
          if (trigger === "update") {
            seen.push(data);
            token.name = (data as { name: string }).name;
          }
          return token;
        },
        session: ({ session: s, trigger, newSession }) => ({ ...s, trigger, newSession }),
      },
    });
    const { jar } = await signIn(auth);
    const response = await update(auth, jar, { name: "Augusta Ada" });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toHaveLength(1);
    expect(await response.json()).toMatchObject({
      user: { name: "Augusta Ada" },
      trigger: "update",
      newSession: { name: "Augusta Ada" },
    });
    expect(seen).toEqual([{ name: "Augusta Ada" }]);
    expect(await session(auth, jar)).toMatchObject({ user: { name: "Augusta Ada" } });
  });

  it("returns {} when signed out", async () => {
    const auth = makeAuth();
    const response = await update(auth, new Jar(), { name: "x" });
    expect(await response.json()).toEqual({});
  });
});

describe("sign-out", () => {
  it("clears the session and auth cookies and redirects to a safe callbackUrl", async () => {
    const events: unknown[] = [];
    const auth = makeAuth({ events: { signOut: (message) => void events.push(message) } });
    const { jar } = await signIn(auth);
    jar.cookies.set("next-auth.callback-url", "http://localhost:3000/x");
    jar.cookies.set("next-auth.state", "s");
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(auth, "/signout", { csrfToken, callbackUrl: "/goodbye" }, jar);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://localhost:3000/goodbye");
    expect(jar.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(jar.cookies.has("next-auth.callback-url")).toBe(false);
    expect(jar.cookies.has("next-auth.state")).toBe(false);
    expect(jar.cookies.has("next-auth.csrf-token")).toBe(true);
    expect(events).toMatchObject([{ token: { sub: "1" } }]);
  });

  it("answers json=true with { url }", async () => {
    const auth = makeAuth();
    const { jar } = await signIn(auth);
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(auth, "/signout", { csrfToken, json: "true" }, jar);
    expect(await response.json()).toEqual({ url: "http://localhost:3000/" });
  });

  it("revokes the token: a copy taken before sign-out stops working", async () => {
    const auth = makeAuth();
    const { jar } = await signIn(auth);
    const stolen = new Jar();
    stolen.cookies.set(SESSION_COOKIE, jar.cookies.get(SESSION_COOKIE) as string);
    expect(await session(auth, stolen)).toMatchObject({ user: { id: "1" } });
    const csrfToken = await csrf(auth, jar);
    await postForm(auth, "/signout", { csrfToken, json: "true" }, jar);
    expect(await session(auth, stolen)).toEqual({});
  });

  it("revokes across a re-issue: the session id survives refreshes", async () => {
    const time = clock();
    const auth = makeAuth({ now: time.now, session: { updateAge: 60 } });
    const { jar } = await signIn(auth);
    const stolen = new Jar();
    stolen.cookies.set(SESSION_COOKIE, jar.cookies.get(SESSION_COOKIE) as string);
    time.advance(120);
    await get(auth, "/session", jar);
    expect(jar.cookies.get(SESSION_COOKIE)).not.toBe(stolen.cookies.get(SESSION_COOKIE));
    const csrfToken = await csrf(auth, jar);
    await postForm(auth, "/signout", { csrfToken, json: "true" }, jar);
    expect(await session(auth, stolen)).toEqual({});
  });

  it("shows a confirmation page on GET", async () => {
    const response = await get(makeAuth(), "/signout?callbackUrl=%2Fbye");
    const page = await response.text();
    expect(page).toContain(`action="${AUTH}/signout"`);
    expect(page).toContain('name="csrfToken"');
    expect(page).toContain('value="http://localhost:3000/bye"');
  });
});
