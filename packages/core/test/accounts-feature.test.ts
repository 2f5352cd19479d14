// The accounts feature (unlink a provider account), the example of a feature added as one folder:
// its route, its server operation (`auth.api.accounts.unlink`) and its client function, on SQLite.
import { describe, expect, it } from "vitest";
import { ConfigError, type AuthHandler } from "../src/index.js";
import { memoryDatabase, type TestDatabase } from "./database.js";
import { AUTH, Jar, USERS, csrf, makeAuth, postForm } from "./helpers.js";

async function signedIn(auth: AuthHandler, email: string): Promise<Jar> {
  const jar = new Jar();
  const csrfToken = await csrf(auth, jar);
  const password = USERS[email]?.password ?? "";
  const response = await postForm(auth, "/callback/credentials", { csrfToken, email, password, json: "true" }, jar);
  expect(response.status).toBe(200);
  return jar;
}

async function link(db: TestDatabase, userId: string, provider: string, providerAccountId: string): Promise<void> {
  await db.adapter.linkAccount({ userId, type: "oauth", provider, providerAccountId });
}

async function unlink(auth: AuthHandler, jar: Jar, fields: Record<string, string>): Promise<Response> {
  const csrfToken = await csrf(auth, jar);
  return postForm(auth, "/accounts", { csrfToken, ...fields }, jar);
}

describe("unlinking a provider account", () => {
  it("unlinks an account of the signed-in user, and only theirs", async () => {
    const db = await memoryDatabase();
    const auth = makeAuth({ adapter: db.adapter });
    const ada = await signedIn(auth, "ada@example.com");
    await signedIn(auth, "bob@example.com");
    await link(db, "1", "github", "ada-gh");
    await link(db, "2", "github", "bob-gh");

    // Bob's account, asked for by Ada: refused the same way as an unknown one, and kept.
    const other = await unlink(auth, ada, { action: "unlink", provider: "github", providerAccountId: "bob-gh" });
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ error: "UnknownAccount" });
    expect(await db.adapter.getUserByAccount({ provider: "github", providerAccountId: "bob-gh" })).not.toBeNull();

    const own = await unlink(auth, ada, { action: "unlink", provider: "github", providerAccountId: "ada-gh" });
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual({ unlinked: true });
    expect(await db.adapter.getUserByAccount({ provider: "github", providerAccountId: "ada-gh" })).toBeNull();
  });

  it("answers 401 signed out, 400 for a malformed request, 403 without the CSRF token", async () => {
    const db = await memoryDatabase();
    const auth = makeAuth({ adapter: db.adapter });
    const ada = await signedIn(auth, "ada@example.com");
    await link(db, "1", "github", "ada-gh");
    const stranger = new Jar();
    expect(
      (await unlink(auth, stranger, { action: "unlink", provider: "github", providerAccountId: "ada-gh" })).status,
    ).toBe(401);
    expect(
      (await unlink(auth, ada, { action: "remove", provider: "github", providerAccountId: "ada-gh" })).status,
    ).toBe(400);
    expect(
      (await unlink(auth, ada, { action: "unlink", provider: "github", providerAccountId: "x".repeat(300) })).status,
    ).toBe(400);
    const forged = await postForm(
      auth,
      "/accounts",
      { action: "unlink", provider: "github", providerAccountId: "ada-gh" },
      ada,
    );
    expect(forged.status).toBe(403);
    expect(await db.adapter.getUserByAccount({ provider: "github", providerAccountId: "ada-gh" })).not.toBeNull();
  });

  it("is on only with a database: no route and no operation without one", async () => {
    const auth = makeAuth();
    const response = await auth(new Request(`${AUTH}/accounts`, { method: "POST" }));
    expect(response.status).toBe(404);
    await expect(
      auth.api.accounts.unlink(new Request(`${AUTH}/session`), { provider: "github", providerAccountId: "1" }),
    ).rejects.toThrow(ConfigError);
  });

  it("is a server operation too: auth.api.accounts.unlink(request, account)", async () => {
    const db = await memoryDatabase();
    const auth = makeAuth({ adapter: db.adapter });
    const ada = await signedIn(auth, "ada@example.com");
    await link(db, "1", "gitlab", "ada-gl");
    const request = new Request(`${AUTH}/session`, { headers: { cookie: ada.header() } });
    expect(await auth.api.accounts.unlink(request, { provider: "gitlab", providerAccountId: "ada-gl" })).toEqual({
      value: true,
    });
    expect(await auth.api.accounts.unlink(request, { provider: "gitlab", providerAccountId: "ada-gl" })).toEqual({
      value: false,
    });
    expect(
      await auth.api.accounts.unlink(new Request(`${AUTH}/session`), { provider: "gitlab", providerAccountId: "x" }),
    ).toEqual({ value: false });
  });

  it("its client function posts to its route through the kit", async () => {
    const { unlinkAccount } = await import("../src/features/accounts/client.js");
    const posted: unknown[] = [];
    let changed = 0;
    const kit = {
      get: () => Promise.resolve({ ok: true, status: 200, data: {} }),
      post: (path: string, fields: Readonly<Record<string, string>>) => {
        posted.push([path, fields]);
        return Promise.resolve({ ok: true, status: 200, data: { unlinked: true } });
      },
      url: (path: string) => `/api/auth/${path}`,
      changed: () => {
        changed += 1;
        return Promise.resolve();
      },
    };
    expect(await unlinkAccount(kit, { provider: "github", providerAccountId: "7" })).toBe(true);
    expect(posted).toEqual([["accounts", { action: "unlink", provider: "github", providerAccountId: "7" }]]);
    expect(changed).toBe(1);
  });
});
