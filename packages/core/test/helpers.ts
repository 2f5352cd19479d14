/**
 * Test helpers: build requests, read cookies off responses, keep a cookie jar — everything
 * through the public API (`createAuth` → `(Request) => Response`).
 */
import { createAuth, type AuthConfig, type AuthHandler } from "../src/index.js";
import Credentials from "../src/providers/credentials.js";

export const SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
export const BASE = "http://localhost:3000";
export const AUTH = `${BASE}/api/auth`;

export const USERS: Record<string, { id: string; name: string; email: string; password: string; role: string }> = {
  "ada@example.com": {
    id: "1",
    name: "Ada Lovelace",
    email: "ada@example.com",
    password: "correct horse",
    role: "admin",
  },
  "bob@example.com": { id: "2", name: "Bob", email: "bob@example.com", password: "hunter2hunter2", role: "user" },
};

/** The credentials provider used across the suite. */
export function passwordProvider(): ReturnType<typeof Credentials> {
  return Credentials({
    name: "Password",
    credentials: {
      email: { label: "Email", type: "email", placeholder: "you@example.com" },
      password: { label: "Password", type: "password" },
    },
    authorize: (credentials) => {
      const user = credentials === undefined ? undefined : USERS[credentials.email];
      if (user === undefined || user.password !== credentials?.password) return null;
      return { id: user.id, name: user.name, email: user.email, role: user.role };
    },
  });
}

/** A logger that records instead of printing. */
export function recordingLogger(): { logger: Required<AuthConfig>["logger"]; lines: unknown[][] } {
  const lines: unknown[][] = [];
  return {
    lines,
    logger: {
      error: (code, metadata) => lines.push(["error", code, metadata]),
      warn: (code, message) => lines.push(["warn", code, message]),
      debug: (code, metadata) => lines.push(["debug", code, metadata]),
    },
  };
}

/**
 * The `session` callback v4 apps write to expose the user's id — next-auth's default session,
 * and so Gatehouse's, has none: the token's `sub` (JWT sessions) or the stored user's id.
 */
export const sessionWithUserId: NonNullable<NonNullable<AuthConfig["callbacks"]>["session"]> = ({
  session,
  token,
  user,
}) => {
  const id = (token as { sub?: unknown } | undefined)?.sub ?? (user as { id?: unknown } | undefined)?.id;
  if (session.user !== undefined && typeof id === "string") session.user.id = id;
  return session;
};

/**
 * An auth instance with sensible test defaults; `overrides` replace top-level options, except
 * `callbacks`, which are laid over {@link sessionWithUserId} (tests identify users by id).
 */
export function makeAuth(overrides: Partial<AuthConfig> = {}): AuthHandler {
  return createAuth({
    secret: SECRET,
    url: BASE,
    providers: [passwordProvider()],
    logger: recordingLogger().logger,
    ...overrides,
    callbacks: { session: sessionWithUserId, ...overrides.callbacks },
  });
}

/** One cookie from a `Set-Cookie` line. */
export interface ParsedSetCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

export function parseSetCookie(line: string): ParsedSetCookie {
  const [pair = "", ...attrs] = line.split(";");
  const eq = pair.indexOf("=");
  const attributes: Record<string, string | true> = {};
  for (const attr of attrs) {
    const [k = "", ...v] = attr.trim().split("=");
    attributes[k.toLowerCase()] = v.length === 0 ? true : v.join("=");
  }
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes };
}

export function setCookies(response: Response): ParsedSetCookie[] {
  return response.headers.getSetCookie().map(parseSetCookie);
}

/** A browser-like cookie jar. */
export class Jar {
  readonly cookies = new Map<string, string>();

  /** Applies a response's `Set-Cookie`s (expiry removes). */
  take(response: Response): this {
    for (const cookie of setCookies(response)) {
      const maxAge = cookie.attributes["max-age"];
      if (cookie.value === "" || maxAge === "0") this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return this;
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** GET `path` (relative to the auth base) with the jar's cookies. */
export async function get(
  auth: AuthHandler,
  path: string,
  jar?: Jar,
  headers: Record<string, string> = {},
): Promise<Response> {
  const response = await auth(
    new Request(path.startsWith("http") ? path : `${AUTH}${path}`, {
      headers: { ...(jar === undefined ? {} : { cookie: jar.header() }), ...headers },
    }),
  );
  jar?.take(response);
  return response;
}

/** Fetches a CSRF token into the jar. */
export async function csrf(auth: AuthHandler, jar: Jar, base = AUTH): Promise<string> {
  const response = await get(auth, `${base}/csrf`, jar);
  const body = (await response.json()) as { csrfToken: string };
  return body.csrfToken;
}

/** POSTs a form to `path` with the jar's cookies. */
export async function postForm(
  auth: AuthHandler,
  path: string,
  fields: Record<string, string>,
  jar?: Jar,
  headers: Record<string, string> = {},
): Promise<Response> {
  const response = await auth(
    new Request(path.startsWith("http") ? path : `${AUTH}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(jar === undefined ? {} : { cookie: jar.header() }),
        ...headers,
      },
      body: new URLSearchParams(fields),
    }),
  );
  jar?.take(response);
  return response;
}

/** Signs in through the credentials callback (json mode) and returns the jar. */
export async function signIn(
  auth: AuthHandler,
  email = "ada@example.com",
  password = USERS[email]?.password ?? "",
  jar = new Jar(),
): Promise<{ jar: Jar; response: Response }> {
  const csrfToken = await csrf(auth, jar);
  const response = await postForm(auth, "/callback/credentials", { csrfToken, email, password, json: "true" }, jar);
  return { jar, response };
}

/** The session as `GET /session` returns it. */
export async function session(auth: AuthHandler, jar: Jar): Promise<Record<string, unknown>> {
  const response = await get(auth, "/session", jar);
  return (await response.json()) as Record<string, unknown>;
}

export const SESSION_COOKIE = "next-auth.session-token";

/** A clock the test moves by hand (pass `now` to the config). */
export function clock(start = Date.now()): { now: () => number; advance: (seconds: number) => number } {
  let t = start;
  return { now: () => t, advance: (seconds: number) => (t += seconds * 1000) };
}
