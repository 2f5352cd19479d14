// A refused sign-in must not create the account (issue 9, item 5): the `signIn` callback runs
// before any user or account is written — next-auth v4's order — so `false` or a redirect
// string leaves the database as it was. A real OpenID provider (local IdP), a real SMTP server
// and a real database (SQLite), counting rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthHandler, CallbacksOptions } from "../src/index.js";
import Email from "../src/providers/email.js";
import { memoryDatabase, type TestDatabase } from "./database.js";
import { BASE, Jar, csrf, get, makeAuth, passwordProvider, postForm, signIn } from "./helpers.js";
import { oauthSignIn, startTestIdp, type TestIdp } from "./oauth/harness.js";
import { startSmtp, type TestSmtp } from "./smtp.js";

let idp: TestIdp;
let smtp: TestSmtp;
beforeAll(async () => {
  [idp, smtp] = await Promise.all([startTestIdp(), startSmtp()]);
});
afterAll(async () => {
  await Promise.all([idp.close(), smtp.close()]);
});

type Answer = false | string;

async function setup(answer: Answer) {
  const db = await memoryDatabase();
  const seen: { users: number; accounts: number }[] = [];
  const signInCallback: CallbacksOptions["signIn"] = async ({ email }) => {
    // Sending the link is allowed; the sign-in itself is what is refused.
    if (email?.verificationRequest === true) return true;
    // What the database holds while the callback decides.
    seen.push({ users: await db.count("users"), accounts: await db.count("accounts") });
    return answer;
  };
  const auth = makeAuth({
    adapter: db.adapter,
    providers: [
      { id: "local", name: "Local", type: "oidc", issuer: idp.issuer, clientId: "local", clientSecret: "local-secret" },
      Email({ server: smtp.url, from: "auth@gatehouse.test" }),
      passwordProvider(),
    ],
    callbacks: { signIn: signInCallback },
  });
  return { db, auth, seen };
}

async function rows(db: TestDatabase) {
  return { users: await db.count("users"), accounts: await db.count("accounts"), sessions: await db.count("sessions") };
}

async function emailSignIn(auth: AuthHandler, address: string): Promise<Response> {
  const jar = new Jar();
  await postForm(auth, "/signin/email", { csrfToken: await csrf(auth, jar), email: address }, jar);
  const text = smtp.inbox(address).at(-1)?.text ?? "";
  const link = /http:\/\/localhost:3000\/api\/auth\/callback\/email\?\S+/.exec(text)?.[0] ?? "";
  const opened = await get(auth, link, jar);
  // In the browser that asked for it the link signs in at once; elsewhere it shows a button.
  if (opened.status === 302) return opened;
  const page = await opened.text();
  const fields = Object.fromEntries(
    [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
      m[1] as string,
      (m[2] as string).replace(/&amp;/g, "&"),
    ]),
  );
  return postForm(auth, "/callback/email", fields, jar);
}

const EMPTY = { users: 0, accounts: 0, sessions: 0 };

const CASES: [string, Answer, string | null][] = [
  ["false", false, "AccessDenied"],
  ["a redirect string", "/not-allowed", null],
];

describe.each(CASES)("a sign-in the signIn callback refuses with %s writes nothing", (_name, answer, errorCode) => {
  function expectRefused(response: Response): void {
    const location = new URL(response.headers.get("location") ?? "");
    if (errorCode === null) expect(location.href).toBe(`${BASE}/not-allowed`);
    else expect(location.searchParams.get("error")).toBe(errorCode);
  }

  it("OAuth: no user, no account — and the callback ran before anything was created", async () => {
    const { db, auth, seen } = await setup(answer);
    const { response } = await oauthSignIn(auth, "local", "refused");
    expectRefused(response);
    expect(seen).toEqual([{ users: 0, accounts: 0 }]);
    expect(await rows(db)).toEqual(EMPTY);
  });

  it("email link: no user, no account", async () => {
    const { db, auth, seen } = await setup(answer);
    const response = await emailSignIn(auth, `refused-${errorCode === null ? "redirect" : "false"}@example.com`);
    expectRefused(response);
    expect(seen).toEqual([{ users: 0, accounts: 0 }]);
    expect(await rows(db)).toEqual(EMPTY);
  });

  it("credentials with database sessions: no user", async () => {
    const { db, auth, seen } = await setup(answer);
    const { response } = await signIn(auth);
    expect(response.status, await response.clone().text()).toBe(errorCode === null ? 200 : 403);
    expect(seen).toEqual([{ users: 0, accounts: 0 }]);
    expect(await rows(db)).toEqual(EMPTY);
  });
});
