// The three libraries under test, each set up the way an app would use it, with the same
// secret, the same claims and a credentials provider.
import { createAuth } from "@gatehouse/core";
import * as gatehouseJwt from "@gatehouse/core/jwt";
import Credentials from "@gatehouse/core/providers/credentials";
import { createRequire } from "node:module";
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

/**
 * Each subject: token `encode`/`decode`, and its session route as an app would mount it —
 * `session(request)` is timed; `read(result)` only checks the answer once, outside the timing.
 */
export const SUBJECTS = {
  async gatehouse() {
    const salt = "next-auth.session-token";
    const auth = createAuth({ secret: SECRET, url: ORIGIN, providers: [Credentials({ credentials: {}, authorize })] });
    const encode = () => gatehouseJwt.encode({ token: CLAIMS, secret: SECRET, salt });
    return {
      encode,
      decode: (token) => gatehouseJwt.decode({ token, secret: SECRET, salt }),
      token: encode,
      sessionRequest: (token) => new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie: `${salt}=${token}` } }),
      session: (request) => auth(request),
      read: (response) => response.json(),
    };
  },

  async "next-auth"() {
    process.env.NEXTAUTH_URL = ORIGIN;
    const jwt = await import("next-auth/jwt");
    // next-auth does not export its core; load the file its own Next.js handler uses.
    const { AuthHandler } = createRequire(import.meta.url)(nextAuthFile("core/index.js"));
    const credentials = await import("next-auth/providers/credentials");
    const CredentialsProvider = credentials.default.default ?? credentials.default;
    const options = {
      secret: SECRET,
      providers: [CredentialsProvider({ credentials: {}, authorize })],
      logger: quiet(),
    };
    const encode = () => jwt.encode({ token: CLAIMS, secret: SECRET });
    return {
      encode,
      decode: (token) => jwt.decode({ token, secret: SECRET }),
      token: encode,
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

  async "@auth/core"() {
    const { Auth } = await import("@auth/core");
    const jwt = await import("@auth/core/jwt");
    const { default: CredentialsProvider } = await import("@auth/core/providers/credentials");
    const salt = "authjs.session-token";
    const config = {
      secret: SECRET,
      trustHost: true,
      basePath: "/api/auth",
      providers: [CredentialsProvider({ credentials: {}, authorize })],
      logger: quiet(),
    };
    const encode = () => jwt.encode({ token: CLAIMS, secret: SECRET, salt });
    return {
      encode,
      decode: (token) => jwt.decode({ token, secret: SECRET, salt }),
      token: encode,
      sessionRequest: (token) => new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie: `${salt}=${token}` } }),
      session: (request) => Auth(request, config),
      read: (response) => response.json(),
    };
  },
};

function quiet() {
  return { error: () => {}, warn: () => {}, debug: () => {} };
}
