import { describe, expect, it } from "vitest";
import Credentials from "../src/providers/credentials.js";
import { AUTH, Jar, SECRET, SESSION_COOKIE, csrf, makeAuth, postForm, recordingLogger, signIn } from "./helpers.js";

describe("logging", () => {
  it("never logs secrets, passwords, tokens or cookies, even with debug on", async () => {
    const { logger, lines } = recordingLogger();
    const auth = makeAuth({
      debug: true,
      logger,
      providers: [
        Credentials({
          credentials: { email: {}, password: { type: "password" } },
          authorize: () => {
            const error = new Error("lookup failed") as Error & { password: string; token: string };
            error.password = "correct horse";
            error.token = "tok_123";
            throw error;
          },
        }),
      ],
      callbacks: {
        session: () => {
          throw Object.assign(new Error("session broke"), { cookie: "next-auth.session-token=abc" });
        },
      },
    });
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    await postForm(
      auth,
      "/callback/credentials",
      { csrfToken, email: "ada@example.com", password: "correct horse" },
      jar,
    );
    const good = makeAuth({
      logger,
      debug: true,
      callbacks: {
        session: () => {
          throw new Error("x");
        },
      },
    });
    const { jar: signedIn } = await signIn(good);
    await good(new Request(`${AUTH}/session`, { headers: { cookie: signedIn.header() } }));

    const logged = JSON.stringify(lines);
    expect(lines.length).toBeGreaterThan(1);
    expect(logged).not.toContain("correct horse");
    expect(logged).not.toContain("tok_123");
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain(csrfToken);
    expect(logged).not.toContain(signedIn.cookies.get(SESSION_COOKIE) as string);
    expect(logged).toContain("[redacted]");
    expect(logged).toContain("lookup failed");
  });
});
