/**
 * "The database dies mid sign-in", for any adapter: the real server behind a {@link CuttableProxy}
 * that each scenario cuts at a chosen message. Whatever the point, the browser gets a clean 503
 * and no session cookie, the database holds no user without its account and no session, and the
 * next request works once the database is back. database-failure.test.ts does the same for
 * PostgreSQL with its own SQL; the MariaDB, Redis and Prisma suites run these.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AuthConfig, AuthHandler, DatabaseAdapter } from "../src/index.js";
import Email, { type SendVerificationRequestParams } from "../src/providers/email.js";
import {
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

/** What a scenario reads straight from the database (not through the proxy). */
export interface DatabaseProbe {
  /** The id of the user with this email, or null. */
  userIdByEmail(email: string): Promise<string | null>;
  /** How many accounts link `provider`/`providerAccountId`. */
  accounts(provider: string, providerAccountId: string): Promise<number>;
  /** How many sessions the user has. */
  sessions(userId: string): Promise<number>;
}

/** One database for the scenarios. */
export interface DyingDatabase {
  name: string;
  /** From `serviceAvailable`: false skips the suite (outside CI). */
  available: boolean;
  /** The real server. */
  target: { host: string; port: number };
  /** An adapter connected through `proxy`, a probe connected directly, and how to clean up. */
  open(proxy: CuttableProxy): Promise<{ adapter: DatabaseAdapter; probe: DatabaseProbe; close: () => Promise<void> }>;
  /** Messages to cut at, as they appear on the wire. */
  messages: {
    /** The write that stores a new user's account (with or after the user, in one transaction). */
    account: string | RegExp;
    /** The write of a new session. */
    session: string | RegExp;
    /** The message whose reply means the new user and its account are stored for good. */
    committed: string | RegExp;
  };
  /** Words that would show the database leaked into a response. */
  leaks: RegExp;
}

const CHECKS = ["next-auth.state", "next-auth.pkce.code_verifier", "next-auth.nonce"];

/** Registers the scenarios for `db`. */
export function describeDatabaseDeath(db: DyingDatabase): void {
  // Each scenario signs in at a real IdP and waits out a dead connection: more than the default
  // 5 s on a loaded machine.
  describe.skipIf(!db.available)(`a database that dies mid sign-in (${db.name})`, { timeout: 20_000 }, () => {
    let proxy: CuttableProxy;
    let adapter: DatabaseAdapter;
    let probe: DatabaseProbe;
    let close: () => Promise<void>;
    let idp: TestIdp;
    // Logins unique to this run, so reruns against one database never meet old rows.
    const run = Date.now().toString(36);
    const login = (name: string) => `${name}-${run}`;

    beforeAll(async () => {
      proxy = await CuttableProxy.start(db.target);
      ({ adapter, probe, close } = await db.open(proxy));
      idp = await startTestIdp();
    }, 60_000);

    afterEach(() => {
      proxy.restore();
    });

    /**
     * The database is back: one read through the adapter (the app's next request) before the
     * test looks at the rows, so a write the client replays on reconnecting has landed too.
     */
    async function restore() {
      proxy.restore();
      expect(await adapter.getUser("gatehouse-test-nobody")).toBeNull();
    }

    afterAll(async () => {
      proxy.restore();
      await idp.close();
      await close();
      await proxy.close();
    });

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
    async function atCallback(auth: AuthHandler, name: string) {
      const jar = new Jar();
      const back = await loginAtIdp(await beginSignIn(auth, "local", jar), name);
      return { jar, finish: () => finish(auth, back, jar) };
    }

    /** The clean failure every scenario expects: 503, no session cookie, nothing of the database shown. */
    async function expectCleanFailure(response: Response, jar: Jar) {
      expect(response.status).toBe(503);
      expect(setCookies(response).some((cookie) => cookie.name === SESSION_COOKIE && cookie.value !== "")).toBe(false);
      expect(jar.cookies.has(SESSION_COOKIE)).toBe(false);
      const body = await response.text();
      expect(body).not.toMatch(db.leaks);
      expect(body).not.toMatch(/ECONN|EPIPE|timed out|\bat .*\.(ts|js):\d+/);
      return body;
    }

    it("OAuth, cut as the new user's account is written: a clean 503, and nothing is left of the user", async () => {
      const { auth, lines } = app();
      const name = login("amy");
      const { jar, finish: back } = await atCallback(auth, name);
      proxy.cutWhen(db.messages.account);
      const response = await back();
      expect(proxy.hits).toBe(1);
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      expect(await expectCleanFailure(response, jar)).toContain("<html");
      for (const check of CHECKS) expect(jar.cookies.has(check), check).toBe(false);
      expect(lines.some(([level, code]) => level === "error" && code === "AdapterError")).toBe(true);

      await restore();
      expect(await probe.userIdByEmail(`${name}@local.test`)).toBeNull();
      expect(await probe.accounts("local", name)).toBe(0);
      expect(await session(auth, jar)).toEqual({});

      // Once the database is back, the same person signs in normally.
      const again = await atCallback(auth, name);
      const ok = await again.finish();
      expect(ok.headers.get("location")).toBe("http://localhost:3000/after");
      expect((await session(auth, again.jar)).user).toMatchObject({ email: `${name}@local.test` });
      expect(await probe.accounts("local", name)).toBe(1);
    });

    it("OAuth, cut as the session is written: a clean 503, the user keeps its account, and there is no session", async () => {
      const { auth } = app();
      const name = login("ben");
      const { jar, finish: back } = await atCallback(auth, name);
      proxy.cutWhen(db.messages.session);
      const response = await back();
      expect(proxy.hits).toBe(1);
      await expectCleanFailure(response, jar);

      await restore();
      const id = await probe.userIdByEmail(`${name}@local.test`);
      expect(id).not.toBeNull();
      expect(await probe.accounts("local", name)).toBe(1);
      expect(await probe.sessions(id!)).toBe(0);
      const again = await atCallback(auth, name);
      await again.finish();
      expect((await session(auth, again.jar)).user).toMatchObject({ id });
      expect(await probe.sessions(id!)).toBe(1);
    });

    it("OAuth, the reply to the committing write is lost: a clean 503, one user with one account, and a retry signs in as that user", async () => {
      const { auth } = app();
      const name = login("cleo");
      const { jar, finish: back } = await atCallback(auth, name);
      proxy.cutWhen(db.messages.committed, { afterReply: true });
      const response = await back();
      expect(proxy.hits).toBe(1);
      await expectCleanFailure(response, jar);

      await restore();
      const id = await probe.userIdByEmail(`${name}@local.test`);
      expect(id).not.toBeNull();
      expect(await probe.accounts("local", name)).toBe(1);
      expect(await probe.sessions(id!)).toBe(0);
      const again = await atCallback(auth, name);
      expect((await again.finish()).headers.get("location")).toBe("http://localhost:3000/after");
      expect((await session(auth, again.jar)).user).toMatchObject({ id });
      expect(await probe.accounts("local", name)).toBe(1);
    });

    it("credentials, cut as the session is written: 503 in JSON for json=true, no cookie, no session", async () => {
      const { auth } = app();
      const jar = new Jar();
      const csrfToken = await csrf(auth, jar);
      proxy.cutWhen(db.messages.session);
      const response = await postForm(
        auth,
        "/callback/credentials",
        { csrfToken, email: "bob@example.com", password: "hunter2hunter2", json: "true" },
        jar,
      );
      expect(proxy.hits).toBe(1);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(JSON.parse(await expectCleanFailure(response, jar))).toEqual({ error: "Default" });

      await restore();
      expect(await probe.sessions("2")).toBe(0);
      const { jar: later } = await signIn(auth, "bob@example.com");
      expect((await session(auth, later)).user).toMatchObject({ id: "2" });
      expect(await probe.sessions("2")).toBe(1);
    });

    it("an email link confirmed while the database dies storing the new user: a clean 503, no user, no session", async () => {
      const sent: SendVerificationRequestParams[] = [];
      const { auth } = app({ providers: [Email({ sendVerificationRequest: (params) => void sent.push(params) })] });
      const email = `${login("dora")}@example.com`;
      const jar = new Jar();
      const csrfToken = await csrf(auth, jar);
      await postForm(auth, "/signin/email", { csrfToken, email }, jar);
      const link = new URL(sent[0]?.url ?? "");
      const confirm = { csrfToken, token: link.searchParams.get("token") ?? "", email };
      proxy.cutWhen(db.messages.account);
      const response = await postForm(auth, "/callback/email", confirm, jar);
      expect(proxy.hits).toBe(1);
      await expectCleanFailure(response, jar);

      await restore();
      expect(await probe.userIdByEmail(email)).toBeNull();
      expect(await probe.accounts("email", email)).toBe(0);
    });

    it("a session check while the database is down: 503, no session for server code, and it works once the database is back", async () => {
      const { auth, lines } = app();
      const { jar } = await signIn(auth);
      proxy.cut();
      // Let the idle connections see the cut first: a database gone while the app idles must
      // not crash the process (an unheard "error" event of a pooled connection would).
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

      await restore();
      expect((await session(auth, jar)).user).toMatchObject({ id: "1" });
    });
  });
}
