// The three libraries under test, each set up the way an app would use it, with the same
// secret, the same claims and a credentials provider.
import { createAuth } from "@gatehouse/core";
import * as gatehouseJwt from "@gatehouse/core/jwt";
import Credentials from "@gatehouse/core/providers/credentials";
import { createHash, randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function nextAuthFile(path) {
  const main = fileURLToPath(import.meta.resolve("next-auth/jwt"));
  return join(dirname(dirname(main)), path);
}

export const SECRET = "bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
export const ORIGIN = "http://localhost:3000";
export const CLAIMS = {
  name: "Ada Lovelace",
  email: "ada@example.com",
  picture: "https://example.com/ada.png",
  sub: "1",
};

const authorize = () => null;

export const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * A database with Ada and one live session, through Gatehouse's own adapter — handed to all three
 * libraries alike (it fits next-auth's Adapter), so the figure is each library's session path
 * over the same queries. `stored` is what the session row keeps for the cookie's token: the
 * token itself for next-auth and @auth/core, its SHA-256 for Gatehouse.
 */
export async function sessionDatabase(kind, stored) {
  let adapter;
  let cleanup;
  if (kind === "sqlite") {
    const { SQLiteAdapter } = await import("@gatehouse/adapter-sqlite");
    const file = join(tmpdir(), `gatehouse-bench-${process.pid}.db`);
    adapter = SQLiteAdapter(`file:${file}`);
    cleanup = async () => {
      await adapter.close();
      rmSync(file, { force: true });
    };
  } else {
    const { PostgresAdapter } = await import("@gatehouse/adapter-postgres");
    const { default: pg } = await import("pg");
    const prefix = `bench${process.pid}_`;
    adapter = PostgresAdapter(POSTGRES_URL, { tablePrefix: prefix });
    cleanup = async () => {
      await adapter.close();
      const pool = new pg.Pool({ connectionString: POSTGRES_URL });
      for (const table of ["accounts", "sessions", "verification_tokens", "users", "migrations"])
        await pool.query(`DROP TABLE IF EXISTS ${prefix}${table} CASCADE`);
      await pool.end();
    };
  }
  await adapter.migrate();
  const token = randomBytes(32).toString("base64url");
  const now = Date.now();
  await adapter.createUser({
    id: "1",
    name: CLAIMS.name,
    email: CLAIMS.email,
    emailVerified: null,
    image: CLAIMS.picture,
  });
  await adapter.createSession({
    sessionToken: stored(token),
    userId: "1",
    expires: new Date(now + 30 * 24 * 3600 * 1000),
    createdAt: new Date(now),
    lastSeenAt: new Date(now),
  });
  return { adapter, token, cleanup };
}

const sha256 = (token) => createHash("sha256").update(token).digest("base64url");
const asIs = (token) => token;

/**
 * Each subject: token `encode`/`decode`, and its session route as an app would mount it —
 * `session(request)` is timed; `read(result)` only checks the answer once, outside the timing.
 */
export const SUBJECTS = {
  async gatehouse(database) {
    const salt = "next-auth.session-token";
    const db = database === undefined ? undefined : await sessionDatabase(database, sha256);
    const auth = createAuth({
      secret: SECRET,
      url: ORIGIN,
      providers: [Credentials({ credentials: {}, authorize })],
      ...(db === undefined ? {} : { adapter: db.adapter }),
    });
    const encode = () => gatehouseJwt.encode({ token: CLAIMS, secret: SECRET, salt });
    return {
      encode,
      decode: (token) => gatehouseJwt.decode({ token, secret: SECRET, salt }),
      token: db === undefined ? encode : () => db.token,
      cleanup: db?.cleanup,
      sessionRequest: (token) => new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie: `${salt}=${token}` } }),
      session: (request) => auth(request),
      read: (response) => response.json(),
    };
  },

  async "next-auth"(database) {
    process.env.NEXTAUTH_URL = ORIGIN;
    const db = database === undefined ? undefined : await sessionDatabase(database, asIs);
    const jwt = await import("next-auth/jwt");
    // next-auth does not export its core; load the file its own Next.js handler uses.
    const { AuthHandler } = createRequire(import.meta.url)(nextAuthFile("core/index.js"));
    const credentials = await import("next-auth/providers/credentials");
    const CredentialsProvider = credentials.default.default ?? credentials.default;
    // next-auth refuses credentials with database sessions; any OAuth provider does for /session.
    const github = (await import("next-auth/providers/github")).default;
    const GitHub = github.default ?? github;
    const options = {
      secret: SECRET,
      providers: [
        db === undefined
          ? CredentialsProvider({ credentials: {}, authorize })
          : GitHub({ clientId: "x", clientSecret: "y" }),
      ],
      logger: quiet(),
      ...(db === undefined ? {} : { adapter: db.adapter, session: { strategy: "database" } }),
    };
    const encode = () => jwt.encode({ token: CLAIMS, secret: SECRET });
    return {
      encode,
      decode: (token) => jwt.decode({ token, secret: SECRET }),
      token: db === undefined ? encode : () => db.token,
      cleanup: db?.cleanup,
      // next-auth's core returns an internal object; its Next.js adapter then builds the Response
      // (not counted here, which flatters next-auth slightly).
      sessionRequest: (token) =>
        new Request(`${ORIGIN}/api/auth/session`, {
          headers: { cookie: `next-auth.session-token=${token}`, host: "localhost:3000" },
        }),
      session: (request) => AuthHandler({ req: request, options }),
      read: (result) => result.body,
    };
  },

  async "@auth/core"(database) {
    const { Auth } = await import("@auth/core");
    const db = database === undefined ? undefined : await sessionDatabase(database, asIs);
    const jwt = await import("@auth/core/jwt");
    const { default: CredentialsProvider } = await import("@auth/core/providers/credentials");
    const salt = "authjs.session-token";
    const config = {
      secret: SECRET,
      trustHost: true,
      basePath: "/api/auth",
      // Like next-auth, Auth.js refuses credentials with database sessions.
      providers: [
        db === undefined
          ? CredentialsProvider({ credentials: {}, authorize })
          : (await import("@auth/core/providers/github")).default({ clientId: "x", clientSecret: "y" }),
      ],
      logger: quiet(),
      ...(db === undefined ? {} : { adapter: db.adapter, session: { strategy: "database" } }),
    };
    const encode = () => jwt.encode({ token: CLAIMS, secret: SECRET, salt });
    return {
      encode,
      decode: (token) => jwt.decode({ token, secret: SECRET, salt }),
      token: db === undefined ? encode : () => db.token,
      cleanup: db?.cleanup,
      sessionRequest: (token) => new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie: `${salt}=${token}` } }),
      session: (request) => Auth(request, config),
      read: (response) => response.json(),
    };
  },
};

function quiet() {
  return { error: () => {}, warn: () => {}, debug: () => {} };
}
