// A database that dies mid sign-in: real PostgreSQL behind a TCP proxy the test cuts at a chosen
// statement. Whatever the point, the browser gets a clean error and no session, and the database
// is left with no user missing its account and no session row.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dropTables, serviceAvailable } from "@gatehouse/adapter-test";
import { PostgresAdapter } from "@gatehouse/adapter-postgres";
import type { AuthConfig, AuthHandler } from "../src/index.js";
import Email, { type SendVerificationRequestParams } from "../src/providers/email.js";
import {
  BASE,
  Jar,
  SESSION_COOKIE,
  csrf,
  get,
  makeAuth,
  passwordProvider,
  postForm,
  recordingLogger,
  session,
  setCookies,
  signIn,
} from "./helpers.js";
import { beginSignIn, finish, loginAtIdp, startTestIdp, type TestIdp } from "./oauth/harness.js";
import { CuttableProxy } from "./tcp-proxy.js";

const DATABASE_URL = process.env.GATEHOUSE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const available = await serviceAvailable("PostgreSQL", async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  await client.end();
});

describe.skipIf(!available)("a database that dies mid sign-in (PostgreSQL)", () => {
  const prefix = `fail${Date.now().toString(36)}_`;
  let proxy: CuttableProxy;
  let adapter: ReturnType<typeof PostgresAdapter>;
  let direct: pg.Pool;
  let idp: TestIdp;

  beforeAll(async () => {
    const url = new URL(DATABASE_URL);
    proxy = await CuttableProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = "127.0.0.1";
    url.port = String(proxy.port);
    adapter = PostgresAdapter(url.href, { tablePrefix: prefix });
    await adapter.migrate();
    direct = new pg.Pool({ connectionString: DATABASE_URL });
    idp = await startTestIdp();
  }, 30_000);

  afterEach(() => {
    proxy.restore();
  });

  afterAll(async () => {
    await idp.close();
    await adapter.close();
    await proxy.close();
    for (const statement of dropTables(prefix, "postgres")) await direct.query(statement);
    await direct.end();
  });

  async function count(table: "users" | "accounts" | "sessions" | "verification_tokens", where = "TRUE") {
    const result = await direct.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${prefix}${table} WHERE ${where}`);
    return Number(result.rows[0]?.n);
  }

  function app(overrides: Partial<AuthConfig> = {}) {
    const { logger, lines } = recordingLogger();
    const auth = makeAuth({
      adapter,
      logger,
      providers: [
        {
          id: "local",
          name: "Local",
          type: "oidc",
          issuer: idp.issuer,
          clientId: "local",
          clientSecret: "local-secret",
        },
        passwordProvider(),
      ],
      ...overrides,
    });
    return { auth, lines };
  }

  /** Up to the redirect back from the IdP; the test decides what happens to the database first. */
  async function atCallback(auth: AuthHandler, login: string) {
    const jar = new Jar();
    const back = await loginAtIdp(await beginSignIn(auth, "local", jar), login);
    return { jar, finish: () => finish(auth, back, jar) };
  }

  /** A clean failure: no session cookie, no details of the failure in the body. */
  async function expectCleanFailure(response: Response, jar: Jar) {
    expect(response.status).toBeGreaterThanOrEqual(300);
    expect(setCookies(response).some((c) => c.name === SESSION_COOKIE && c.value !== "")).toBe(false);
    expect(jar.cookies.has(SESSION_COOKIE)).toBe(false);
    const body = await response.text();
    expect(body).not.toMatch(/INSERT|SELECT|prefix|Connection terminated|ECONN|\bat .*\.(ts|js):\d+/);
    expect(body).not.toContain(prefix);
  }

  it("cut after the user row is written, before its account: nothing is left of the user", async () => {
    const { auth, lines } = app();
    const { jar, finish: back } = await atCallback(auth, "pg-amy");
    proxy.cutWhen(`INSERT INTO ${prefix}accounts`);
    const response = await back();
    expect(response.status).toBe(503);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    // The flow's checks are spent: cleared even though the sign-in failed.
    for (const name of ["next-auth.state", "next-auth.pkce.code_verifier", "next-auth.nonce"])
      expect(jar.cookies.has(name), name).toBe(false);
    await expectCleanFailure(response, jar);
    expect(lines.some(([level, code]) => level === "error" && code === "AdapterError")).toBe(true);

    proxy.restore();
    expect(await count("users", "email = 'pg-amy@local.test'")).toBe(0);
    expect(await count("accounts", "provider_account_id = 'pg-amy'")).toBe(0);
    expect(await session(auth, jar)).toEqual({});

    // Once the database is back, the same person signs in normally.
    const again = await atCallback(auth, "pg-amy");
    const ok = await again.finish();
    expect(ok.headers.get("location")).toBe("http://localhost:3000/after");
    expect((await session(auth, again.jar)).user).toMatchObject({ email: "pg-amy@local.test" });
    expect(await count("accounts", "provider_account_id = 'pg-amy'")).toBe(1);
  });

  it("cut before the session is created: the user keeps its account, and there is no session row", async () => {
    const { auth } = app();
    const { jar, finish: back } = await atCallback(auth, "pg-ben");
    proxy.cutWhen(`INSERT INTO ${prefix}sessions`);
    const response = await back();
    expect(response.status).toBe(503);
    await expectCleanFailure(response, jar);
    for (const name of ["next-auth.state", "next-auth.pkce.code_verifier", "next-auth.nonce"])
      expect(jar.cookies.has(name), name).toBe(false);

    proxy.restore();
    const users = await direct.query<{ id: string }>(`SELECT id FROM ${prefix}users WHERE email = 'pg-ben@local.test'`);
    expect(users.rows).toHaveLength(1);
    const id = users.rows[0]?.id ?? "";
    expect(await count("accounts", `user_id = '${id}'`)).toBe(1);
    expect(await count("sessions", `user_id = '${id}'`)).toBe(0);
    const again = await atCallback(auth, "pg-ben");
    await again.finish();
    expect((await session(auth, again.jar)).user).toMatchObject({ id });
  });

  it("credentials sign-in, cut before the session: 503 in JSON for json=true, no cookie, no session row", async () => {
    const { auth } = app();
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    proxy.cutWhen(`INSERT INTO ${prefix}sessions`);
    const response = await postForm(
      auth,
      "/callback/credentials",
      { csrfToken, email: "bob@example.com", password: "hunter2hunter2", json: "true" },
      jar,
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.clone().json()).toEqual({ error: "Default" });
    await expectCleanFailure(response, jar);
    proxy.restore();
    expect(await count("sessions", "user_id = '2'")).toBe(0);
    const { jar: later } = await signIn(auth, "bob@example.com");
    expect((await session(auth, later)).user).toMatchObject({ id: "2" });
  });

  it("email link confirmed while the database dies creating the user: no user, no session", async () => {
    const sent: SendVerificationRequestParams[] = [];
    const { auth } = app({
      providers: [Email({ sendVerificationRequest: (params) => void sent.push(params) })],
    });
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    await postForm(auth, "/signin/email", { csrfToken, email: "pg-cat@example.com" }, jar);
    const link = new URL(sent[0]?.url ?? "");
    proxy.cutWhen(`INSERT INTO ${prefix}accounts`);
    const response = await postForm(
      auth,
      "/callback/email",
      {
        csrfToken,
        token: link.searchParams.get("token") ?? "",
        email: link.searchParams.get("email") ?? "",
      },
      jar,
    );
    expect(response.status).toBe(503);
    await expectCleanFailure(response, jar);
    proxy.restore();
    expect(await count("users", "email = 'pg-cat@example.com'")).toBe(0);
    expect(await count("accounts", "provider_account_id = 'pg-cat@example.com'")).toBe(0);
  });

  it("a link request while the database is down: a clean 503 and nothing sent", async () => {
    const sent: unknown[] = [];
    const { auth } = app({ providers: [Email({ sendVerificationRequest: (params) => void sent.push(params) })] });
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    proxy.cut();
    const response = await postForm(
      auth,
      "/signin/email",
      { csrfToken, email: "pg-dan@example.com", json: "true" },
      jar,
    );
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: "Default" });
    expect(sent).toEqual([]);
  });

  it("a session check while the database is down: no session, no crash, and the cookie is kept", async () => {
    const { auth, lines } = app();
    const { jar } = await signIn(auth);
    proxy.cut();
    // Let the pool's idle connections see the cut first (a database gone while the app idles).
    // Regression: an idle connection dropping crashed the process (the pool's unheard "error").
    await new Promise((resolve) => setTimeout(resolve, 30));
    const response = await get(auth, "/session", jar);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: "Default" });
    expect(response.headers.getSetCookie()).toEqual([]);
    const lookup = await auth.getSession(
      new Request("http://localhost:3000/page", { headers: { cookie: jar.header() } }),
    );
    expect(lookup.session).toBeNull();
    expect(lines.filter(([level]) => level === "error").length).toBeGreaterThanOrEqual(2);

    proxy.restore();
    expect((await session(auth, jar)).user).toMatchObject({ id: "1" });
  });

  it("sign-out while the database is down still signs the browser out: its cookie goes", async () => {
    const { auth } = app();
    const { jar } = await signIn(auth);
    proxy.cut();
    const csrfToken = await csrf(auth, jar);
    const response = await postForm(auth, "/signout", { csrfToken, json: "true" }, jar);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ url: `${BASE}/` });
    expect(jar.cookies.has(SESSION_COOKIE)).toBe(false);
    proxy.restore();
  });

  it("session management while the database is down: 503 JSON", async () => {
    const { auth } = app();
    const { jar } = await signIn(auth);
    proxy.cut();
    const response = await get(auth, "/sessions", jar);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: "Default" });
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});
