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

describe("credential values in debug logs", () => {
  it("a credentials field named pin or otp is never logged, whatever the names — only the field names are", async () => {
    // Regression: redaction went by a denylist of key names, so `pin` and `otp` values reached
    // the log with `debug: true`, including through what `authorize` threw.
    const { logger, lines } = recordingLogger();
    const auth = makeAuth({
      debug: true,
      logger,
      providers: [
        Credentials({
          credentials: { account: {}, pin: { type: "password" }, otp: {} },
          authorize: (credentials) => {
            throw Object.assign(new Error(`no account for pin ${credentials?.pin ?? ""}`), {
              pin: credentials?.pin,
              attempt: { otp: credentials?.otp },
            });
          },
        }),
      ],
    });
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar);
    await postForm(auth, "/callback/credentials", { csrfToken, account: "acct-1", pin: "482193", otp: "775104" }, jar);
    const logged = JSON.stringify(lines);
    expect(lines.some(([level, code]) => level === "debug" && code === "CREDENTIALS_AUTHORIZE")).toBe(true);
    expect(logged).not.toContain("482193");
    expect(logged).not.toContain("775104");
    expect(logged).not.toContain("acct-1");
    expect(logged).toContain('"pin"');
    expect(logged).toContain('"otp"');
    expect(logged).toContain("no account for pin");
  });
});
