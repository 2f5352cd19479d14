import { describe, expect, it, vi } from "vitest";
import { CredentialsSignin } from "../src/index.js";
import Credentials from "../src/providers/credentials.js";
import {
  AUTH,
  BASE,
  Jar,
  SESSION_COOKIE,
  csrf,
  makeAuth,
  passwordProvider,
  postForm,
  recordingLogger,
  session,
  setCookies,
  signIn,
} from "./helpers.js";

describe("credentials sign-in", () => {
  it("signs in with a form post: 302 to the callbackUrl and a session cookie", async () => {
    const auth = makeAuth();
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(
      auth,
      "/callback/credentials",
      { csrfToken, email: "ada@example.com", password: "correct horse", callbackUrl: "/dashboard" },
      jar,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${BASE}/dashboard`);
    expect(setCookies(response).map((c) => c.name)).toEqual([SESSION_COOKIE]);
    expect((await session(auth, jar)).user).toMatchObject({ email: "ada@example.com" });
  });

  it("answers json=true with { url } and status 200", async () => {
    const { response } = await signIn(makeAuth());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ url: `${BASE}/` });
  });

  it("also accepts POST signin/credentials", async () => {
    const auth = makeAuth();
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(
      auth,
      "/signin/credentials",
      { csrfToken, email: "bob@example.com", password: "hunter2hunter2" },
      jar,
    );
    expect(response.status).toBe(302);
    expect((await session(auth, jar)).user).toMatchObject({ id: "2" });
  });

  it("refuses a wrong password: 401 CredentialsSignin, no session cookie", async () => {
    const auth = makeAuth();
    const { jar, response } = await signIn(auth, "ada@example.com", "wrong");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      url: `${AUTH}/signin?error=CredentialsSignin&provider=credentials`,
      error: "CredentialsSignin",
    });
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await session(auth, jar)).toEqual({});
  });

  it("re-renders the built-in page on a failed form post, keeping the email but not the password", async () => {
    const auth = makeAuth();
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(
      auth,
      "/callback/credentials",
      { csrfToken, email: "ada@example.com", password: "wrong-secret-pw" },
      jar,
    );
    expect(response.status).toBe(401);
    const page = await response.text();
    expect(page).toContain('role="alert"');
    expect(page).toContain("don&#39;t match an account");
    expect(page).toContain('value="ada@example.com"');
    expect(page).not.toContain("wrong-secret-pw");
    expect(response.headers.getSetCookie().some((line) => line.startsWith(SESSION_COOKIE))).toBe(false);
  });

  it("redirects a failed attempt to a custom sign-in page with the error", async () => {
    const auth = makeAuth({ pages: { signIn: "/login" } });
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(
      auth,
      "/callback/credentials",
      { csrfToken, email: "ada@example.com", password: "nope", callbackUrl: "/after" },
      jar,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(
      `${BASE}/login?error=CredentialsSignin&callbackUrl=${encodeURIComponent(`${BASE}/after`)}`,
    );
  });

  it("shows the message of a thrown CredentialsSignin, and only that error class's", async () => {
    const { logger, lines } = recordingLogger();
    const locked = makeAuth({
      logger,
      providers: [
        Credentials({
          credentials: { email: {}, password: { type: "password" } },
          authorize: (c) => {
            if (c?.email === "locked@example.com") throw new CredentialsSignin("This account is locked.");
            throw new Error("database password is hunter2");
          },
        }),
      ],
    });
    const first = await signIn(locked, "locked@example.com", "x");
    expect(first.response.status).toBe(401);
    expect(await first.response.json()).toMatchObject({
      error: "CredentialsSignin",
      message: "This account is locked.",
    });

    const second = await signIn(locked, "other@example.com", "x");
    expect(second.response.status).toBe(500);
    const body = await second.response.text();
    expect(body).not.toContain("hunter2");
    expect(JSON.parse(body)).toMatchObject({ error: "Callback" });
    expect(lines.some(([level, code]) => level === "error" && code === "CREDENTIALS_AUTHORIZE_ERROR")).toBe(true);
  });

  it("passes next-auth's authorize arguments: the fields, and the request", async () => {
    // JavaScript apps often return numeric ids.
    const authorize = vi.fn(() => ({ id: 7, name: "Num" }) as unknown as { id: string; name: string });
    const auth = makeAuth({
      providers: [Credentials({ credentials: { username: {}, password: { type: "password" } }, authorize })],
    });
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    await postForm(auth, "/callback/credentials?x=1", { csrfToken, username: "u", password: "p", extra: "e" }, jar, {
      "user-agent": "vitest",
    });
    const [credentials, request] = authorize.mock.calls[0] as unknown as [
      Record<string, string>,
      Record<string, unknown>,
    ];
    expect(credentials).toEqual({ username: "u", password: "p", extra: "e" });
    expect(request).toMatchObject({ method: "POST", query: { x: "1" }, body: credentials });
    expect((request.headers as Record<string, string>)["user-agent"]).toBe("vitest");
    expect(request.request).toBeInstanceOf(Request);
    // A numeric id becomes the string `sub`.
    expect((await session(auth, jar)).user).toMatchObject({ id: "7", name: "Num" });
  });

  it("refuses non-string field values in a JSON body with 400", async () => {
    const auth = makeAuth();
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    const response = await auth(
      new Request(`${AUTH}/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: jar.header() },
        body: JSON.stringify({ csrfToken, email: ["ada@example.com"], password: "correct horse", json: true }),
      }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});

describe("callbacks and events on sign-in", () => {
  it("calls signIn, jwt, session and the signIn event with next-auth's argument shapes", async () => {
    const calls: Record<string, unknown[]> = {};
    const record = (name: string) => (arg: unknown) => {
      (calls[name] ??= []).push(arg);
    };
    const auth = makeAuth({
      callbacks: {
        signIn: (params) => {
          record("signIn")(params);
          return true;
        },
        jwt: (params) => {
          record("jwt")(params);
          if (params.user) params.token.role = params.user.role;
          return params.token;
        },
        session: (params) => {
          record("session")(params);
          return { ...params.session, role: params.token.role };
        },
      },
      events: { signIn: record("event:signIn"), session: record("event:session") },
    });
    const { jar } = await signIn(auth);
    expect(calls.signIn?.[0]).toMatchObject({
      user: { id: "1", email: "ada@example.com", role: "admin" },
      account: { provider: "credentials", type: "credentials", providerAccountId: "1" },
      credentials: { email: "ada@example.com" },
    });
    expect(calls.jwt?.[0]).toMatchObject({
      token: { name: "Ada Lovelace", email: "ada@example.com", sub: "1" },
      user: { id: "1" },
      account: { provider: "credentials" },
      trigger: "signIn",
      isNewUser: false,
    });
    expect(calls["event:signIn"]?.[0]).toMatchObject({
      user: { id: "1" },
      account: { provider: "credentials" },
      isNewUser: false,
    });

    const body = await session(auth, jar);
    expect(body.role).toBe("admin");
    const sessionCall = calls.session?.[0] as { token: Record<string, unknown>; session: unknown };
    expect(sessionCall.token).toMatchObject({ sub: "1", role: "admin" });
    expect(typeof sessionCall.token.jti).toBe("string");
    expect(calls["event:session"]).toHaveLength(1);
    // On a plain session read the jwt callback gets only the token.
    expect(Object.keys(calls.jwt?.[1] as object)).toEqual(["token"]);
  });

  it("refuses with AccessDenied when signIn returns false", async () => {
    const auth = makeAuth({ callbacks: { signIn: () => false } });
    const { response, jar } = await signIn(auth);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ url: `${AUTH}/error?error=AccessDenied` });
    expect(await session(auth, jar)).toEqual({});
  });

  it("redirects without a session when signIn returns a URL on the site, and refuses one off it", async () => {
    const toPath = makeAuth({ callbacks: { signIn: () => "/verify-age" } });
    const first = await signIn(toPath);
    expect(await first.response.json()).toEqual({ url: `${BASE}/verify-age` });
    expect(first.response.headers.getSetCookie()).toEqual([]);

    const offSite = makeAuth({ callbacks: { signIn: () => "https://evil.example/" } });
    const second = await signIn(offSite);
    expect(second.response.status).toBe(403);
    expect(await second.response.json()).toEqual({ url: `${AUTH}/error?error=AccessDenied` });
  });

  it("ends in a clean error when a callback throws, with no session", async () => {
    const { logger, lines } = recordingLogger();
    const auth = makeAuth({
      logger,
      callbacks: {
        jwt: () => {
          throw new Error("boom with secret s3cr3t");
        },
      },
    });
    const { response, jar } = await signIn(auth);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("s3cr3t");
    expect(text).not.toContain("boom");
    expect(await session(auth, jar)).toEqual({});
    expect(lines.some(([, code]) => code === "CallbackError")).toBe(true);
  });

  it("a jwt callback returning null refuses the sign-in", async () => {
    const auth = makeAuth({ callbacks: { jwt: () => null } });
    const { response } = await signIn(auth);
    expect(response.status).toBe(403);
  });

  it("a throwing event is logged and does not break sign-in", async () => {
    const { logger, lines } = recordingLogger();
    const auth = makeAuth({
      logger,
      events: {
        signIn: () => {
          throw new Error("event failed");
        },
      },
    });
    const { response } = await signIn(auth);
    expect(response.status).toBe(200);
    expect(lines.some(([, code]) => code === "EVENT_ERROR")).toBe(true);
  });

  it("uses the default provider id and factory form", async () => {
    const auth = makeAuth({ providers: [passwordProvider] });
    const { response } = await signIn(auth);
    expect(response.status).toBe(200);
  });
});
