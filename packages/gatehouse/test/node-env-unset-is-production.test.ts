// NODE_ENV unset used to mean development, with a published secret (issue 9, item 3): a custom
// server or a container run without NODE_ENV let anyone forge a session and read the dev
// mailbox's live sign-in links. Now anything but an explicit "development" or "test" is
// production, and development's secret is random, per process.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import NextAuth, { type NextAuthResult } from "../src/index.js";
import { encode, getToken } from "../src/jwt/index.js";
import Email from "../src/providers/email.js";
import { SECRET, provider } from "./helpers.js";

const URL_ = "http://localhost:3000";
const COOKIE = "next-auth.session-token";
/** The secret every development setup used to share: public knowledge. */
const PUBLISHED_SECRET = "gatehouse-development-secret|/api/auth";

beforeEach(() => {
  vi.stubEnv("NEXTAUTH_URL", URL_);
  vi.stubEnv("NEXTAUTH_SECRET", undefined);
  vi.stubEnv("AUTH_SECRET", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function forged(): Promise<string> {
  return encode({ token: { sub: "1", name: "Ada", email: "ada@example.com" }, secret: PUBLISHED_SECRET, salt: COOKIE });
}

async function sessionWith(handler: NextAuthResult, cookie: string): Promise<Response> {
  return handler.handlers.GET(new Request(`${URL_}/api/auth/session`, { headers: { cookie } }));
}

describe("NODE_ENV unset (or anything but development/test) is production", () => {
  it.each([
    ["unset", undefined],
    ["staging", "staging"],
    ["prod", "prod"],
  ])(
    "NODE_ENV %s without a secret: no published secret, a clear MissingSecret naming NEXTAUTH_SECRET / AUTH_SECRET",
    async (_name, value) => {
      vi.stubEnv("NODE_ENV", value);
      const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const handler = NextAuth({ providers: [provider()] });
      const response = await sessionWith(handler, `${COOKIE}=${await forged()}`);
      expect(response.status).toBe(500);
      expect(await response.text()).not.toContain("ada@example.com");
      const logged = error.mock.calls.map((call) => call.map(String).join(" ")).join("\n");
      expect(logged).toMatch(/MissingSecret/);
      expect(logged).toContain("NEXTAUTH_SECRET or AUTH_SECRET");
      expect(logged).toContain("`secret`");
    },
  );

  it("NODE_ENV unset with a secret: no dev mailbox, even for a loopback browser", async () => {
    vi.stubEnv("NODE_ENV", undefined);
    vi.stubEnv("NEXTAUTH_SECRET", SECRET);
    const handler = NextAuth({
      database: "sqlite::memory:",
      providers: [Email({ sendVerificationRequest: () => undefined })],
    });
    const response = await handler.handlers.GET(
      new Request(`${URL_}/api/auth/dev-mailbox`, { headers: { "x-forwarded-for": "127.0.0.1" } }),
    );
    expect(response.status).toBe(404);
  });
});

describe("development without a secret", () => {
  it("a session forged with the formerly published development secret is refused, by the handler and by getToken", async () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const handler = NextAuth({ providers: [provider()] });
    const token = await forged();
    expect(await (await sessionWith(handler, `${COOKIE}=${token}`)).json()).toEqual({});
    expect(await getToken({ req: { headers: { cookie: `${COOKIE}=${token}` } } })).toBeNull();
  });

  it("one random secret per process: the handler's sessions are read by getToken, shared by every instance", async () => {
    vi.stubEnv("NODE_ENV", "development");
    const handler = NextAuth({ providers: [provider()] });
    const csrf = await handler.handlers.GET(new Request(`${URL_}/api/auth/csrf`));
    const cookie = csrf.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signedIn = await handler.handlers.POST(
      new Request(`${URL_}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, email: "ada@example.com", password: "correct horse", json: "true" }),
      }),
    );
    const session = signedIn.headers
      .getSetCookie()
      .find((line) => line.startsWith(`${COOKIE}=`))
      ?.split(";")[0];
    expect(session).toBeDefined();
    expect(await getToken({ req: { headers: { cookie: session ?? "" } } })).toMatchObject({ sub: "1" });
    // Another instance in the same process agrees (the middleware, a second NextAuth()).
    const other = NextAuth({ providers: [provider()] });
    expect(await (await sessionWith(other, session ?? "")).json()).toMatchObject({
      user: { email: "ada@example.com" },
    });
  });
});
