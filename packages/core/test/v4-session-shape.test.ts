// next-auth 4.24.15's own handler (the pinned devDependency, unmodified) beside ours, for what a
// v4 app sees: the default session's shape (no `user.id`), a credentials user's id as
// authorize() returned it in the callbacks (the token's `sub` its string form), the sign-in
// redirect to a custom page with the callbackUrl v4 adds, and a session cookie minted with
// `encode({ token, secret })` — next-auth's or ours, with v4's defaults (no salt).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { encode as gatehouseEncode } from "../src/jwt/index.js";
import Credentials from "../src/providers/credentials.js";
import { createAuth, type AuthConfig, type AuthHandler, type User } from "../src/index.js";
import { BASE, Jar, SECRET, csrf, get, passwordProvider, postForm, recordingLogger } from "./helpers.js";

/** An instance with no callbacks of the test suite's (its helper adds a user id to sessions). */
function makeAuth(overrides: Partial<AuthConfig> = {}): AuthHandler {
  return createAuth({
    secret: SECRET,
    url: BASE,
    providers: [passwordProvider()],
    logger: recordingLogger().logger,
    ...overrides,
  });
}

const require = createRequire(import.meta.url);
type V4Request = {
  action: string;
  providerId?: string;
  method: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, string>;
  cookies: Record<string, string>;
  host: string;
};
type V4Response = {
  status?: number;
  body?: unknown;
  redirect?: string;
  cookies?: { name: string; value: string }[];
};
// next-auth's handler core, by file (its `exports` map lists only the public entries).
const V4_ROOT = dirname(dirname(require.resolve("next-auth/providers/credentials")));
const { AuthHandler } = require(join(V4_ROOT, "core/index.js")) as {
  AuthHandler: (params: { req: V4Request; options: Record<string, unknown> }) => Promise<V4Response>;
};
const V4Credentials = (require("next-auth/providers/credentials") as { default: (o: unknown) => unknown }).default;
const { encode: nextAuthEncode } = require("next-auth/jwt") as {
  encode: (params: { token: Record<string, unknown>; secret: string }) => Promise<string>;
};

const ADA = { id: 42, name: "Ada", email: "ada@example.com" };
type Seen = { user?: unknown; account?: unknown; token?: unknown };

function recordJwt(seen: Seen) {
  return ({ token, user, account }: { token: Record<string, unknown>; user?: unknown; account?: unknown }) => {
    if (user !== undefined) Object.assign(seen, { user, account, token: { ...token } });
    return token;
  };
}

/** next-auth v4, handling one request as its Next.js route would. */
function v4(options: Record<string, unknown>, req: Partial<V4Request> & { action: string }): Promise<V4Response> {
  return AuthHandler({
    req: { method: "GET", headers: {}, query: {}, body: {}, cookies: {}, host: BASE, ...req },
    options: { secret: SECRET, ...options },
  });
}

/** Signs in with next-auth v4's credentials provider; the callbacks' view and the session. */
async function v4SignIn(): Promise<{ seen: Seen; session: unknown }> {
  const seen: Seen = {};
  const options = {
    providers: [V4Credentials({ credentials: {}, authorize: () => ADA })],
    callbacks: { jwt: recordJwt(seen) },
  };
  const csrfAnswer = await v4(options, { action: "csrf" });
  const csrfCookie = csrfAnswer.cookies?.find((cookie) => cookie.name.includes("csrf-token"));
  const signedIn = await v4(options, {
    action: "callback",
    providerId: "credentials",
    method: "POST",
    body: { csrfToken: (csrfAnswer.body as { csrfToken: string }).csrfToken },
    cookies: { [csrfCookie?.name ?? ""]: csrfCookie?.value ?? "" },
  });
  const sessionCookie = signedIn.cookies?.find((cookie) => cookie.name === "next-auth.session-token");
  const answer = await v4(options, {
    action: "session",
    cookies: { "next-auth.session-token": sessionCookie?.value ?? "" },
  });
  return { seen, session: JSON.parse(JSON.stringify(answer.body)) as unknown };
}

async function gatehouseSignIn(): Promise<{ seen: Seen; session: unknown }> {
  const seen: Seen = {};
  const auth = makeAuth({
    providers: [Credentials({ credentials: {}, authorize: () => ADA as unknown as User })],
    callbacks: { jwt: recordJwt(seen) },
  });
  const jar = new Jar();
  await postForm(auth, "/callback/credentials", { csrfToken: await csrf(auth, jar), json: "true" }, jar);
  return { seen, session: await (await get(auth, "/session", jar)).json() };
}

/** `expires` differs by the moment each was made. */
function withoutExpires(session: unknown): unknown {
  const { expires, ...rest } = session as { expires: string };
  expect(typeof expires).toBe("string");
  return rest;
}

describe("as next-auth 4.24.15", () => {
  it("the default session is { user: { name, email, image }, expires }: no user.id", async () => {
    const [theirs, ours] = await Promise.all([v4SignIn(), gatehouseSignIn()]);
    expect(withoutExpires(theirs.session)).toEqual({ user: { name: "Ada", email: "ada@example.com" } });
    expect(withoutExpires(ours.session)).toEqual(withoutExpires(theirs.session));
  });

  it("a credentials user's numeric id stays a number in the jwt callback's user and account; sub is its string", async () => {
    const [theirs, ours] = await Promise.all([v4SignIn(), gatehouseSignIn()]);
    expect(theirs.seen.user).toEqual(ADA);
    expect(theirs.seen.account).toMatchObject({ providerAccountId: 42, type: "credentials", provider: "credentials" });
    expect(theirs.seen.token).toEqual({ name: "Ada", email: "ada@example.com", sub: "42" });
    expect(ours.seen.user).toEqual(theirs.seen.user);
    expect(ours.seen.account).toMatchObject(theirs.seen.account as object);
    expect(ours.seen.token).toEqual(theirs.seen.token);
  });

  it("GET /signin with a custom pages.signIn redirects there with the callbackUrl (the base URL by default)", async () => {
    const pages = { signIn: "/login" };
    const theirs = await v4({ providers: [], pages }, { action: "signin" });
    const ours = await get(makeAuth({ pages }), "/signin");
    expect(ours.status).toBe(302);
    expect(theirs.redirect).toBe(`/login?callbackUrl=${encodeURIComponent(BASE)}`);
    expect(ours.headers.get("location")).toBe(`${BASE}/login?callbackUrl=${encodeURIComponent(BASE)}`);
  });

  it("GET /signin keeps a given callbackUrl, and one from the callback-url cookie", async () => {
    const auth = makeAuth({ pages: { signIn: "/login" } });
    const given = await get(auth, `/signin?callbackUrl=${encodeURIComponent(`${BASE}/orders`)}`);
    expect(given.headers.get("location")).toBe(`${BASE}/login?callbackUrl=${encodeURIComponent(`${BASE}/orders`)}`);
    const jar = new Jar();
    jar.cookies.set("next-auth.callback-url", `${BASE}/cart`);
    const fromCookie = await get(auth, "/signin", jar);
    expect(fromCookie.headers.get("location")).toBe(`${BASE}/login?callbackUrl=${encodeURIComponent(`${BASE}/cart`)}`);
    // Off-site stays off the redirect: the base URL instead.
    const offSite = await get(auth, `/signin?callbackUrl=${encodeURIComponent("https://evil.example/")}`);
    expect(offSite.headers.get("location")).toMatch(
      new RegExp(`^${BASE}/login\\?callbackUrl=http%3A%2F%2Flocalhost%3A3000(%2F)?$`),
    );
  });

  it("GET /signin keeps a callbackUrl that is the bare base URL as given (no trailing slash), as v4 does", async () => {
    const pages = { signIn: "/login" };
    const auth = makeAuth({ pages });
    const expected = `${BASE}/login?callbackUrl=${encodeURIComponent(BASE)}`;
    // As the parameter, and as the callback-url cookie (v4 sets it to the base URL).
    const theirs = await v4({ providers: [], pages }, { action: "signin", query: { callbackUrl: BASE } });
    expect(`${BASE}${theirs.redirect ?? ""}`).toBe(expected);
    const given = await get(auth, `/signin?callbackUrl=${encodeURIComponent(BASE)}`);
    expect(given.headers.get("location")).toBe(expected);
    const jar = new Jar();
    jar.cookies.set("next-auth.callback-url", BASE);
    expect((await get(auth, "/signin", jar)).headers.get("location")).toBe(expected);
    // A path keeps its slash: only the bare base URL is left as it was.
    const root = await get(auth, `/signin?callbackUrl=${encodeURIComponent(`${BASE}/`)}`);
    expect(root.headers.get("location")).toBe(`${BASE}/login?callbackUrl=${encodeURIComponent(`${BASE}/`)}`);
  });

  it.each([
    ["Gatehouse's", gatehouseEncode],
    ["next-auth 4.24.15's", nextAuthEncode],
  ] as const)("a cookie minted with %s encode({ token, secret }) (no salt) is a session", async (_, encode) => {
    const token = await encode({ token: { sub: "7", name: "Minted", email: "minted@example.com" }, secret: SECRET });
    const auth = makeAuth();
    const jar = new Jar();
    jar.cookies.set("next-auth.session-token", token);
    const response = await get(auth, "/session", jar);
    expect(await response.json()).toMatchObject({ user: { name: "Minted", email: "minted@example.com" } });
    // Re-issued in the session cookie's own format, and that one reads too.
    expect(jar.cookies.get("next-auth.session-token")).not.toBe(token);
    expect(await (await get(auth, "/session", jar)).json()).toMatchObject({ user: { email: "minted@example.com" } });
  });

  it("a token encode() sealed for another purpose (salt) is still no session", async () => {
    const token = await gatehouseEncode({ token: { sub: "7" }, secret: SECRET, salt: "next-auth.pkce.code_verifier" });
    const jar = new Jar();
    jar.cookies.set("next-auth.session-token", token);
    expect(await (await get(makeAuth(), "/session", jar)).json()).toEqual({});
  });
});
