import { PrismaPg } from "@prisma/adapter-pg";
import { serviceAvailable } from "@gatehouse/adapter-test";
import type { DatabaseAdapter } from "@gatehouse/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaAdapter } from "../src/index.js";
import { PrismaClient } from "./dist/seed/client.js";
import { PrismaClient as ClientWithSessionFields } from "./dist/with-session-fields/client.js";
import { POSTGRES_URL, createSchema, probe } from "./database.js";

const available = await serviceAvailable("PostgreSQL", probe);
const unique = () => globalThis.crypto.randomUUID();
const inHours = (hours: number) => new Date(Math.floor(Date.now() / 1000) * 1000 + 123 + hours * 3_600_000);

// The adapter learns which columns a schema has from this (internal) property of Prisma 7's
// clients: a Prisma release that renames it fails here first.
describe("Prisma's runtime data model", () => {
  it("is on every client, extended ones included, and names the Session columns", () => {
    const adapter = new PrismaPg({ connectionString: POSTGRES_URL });
    const sessionColumns = (client: object) =>
      (
        Reflect.get(client, "_runtimeDataModel") as { models: Record<string, { fields: { name: string }[] }> }
      ).models.Session?.fields.map((field) => field.name) ?? [];
    const seed = new PrismaClient({ adapter });
    const withFields = new ClientWithSessionFields({ adapter });
    expect(sessionColumns(seed)).not.toContain("createdAt");
    expect(sessionColumns(seed.$extends({}))).toContain("sessionToken");
    expect(sessionColumns(withFields)).toEqual(expect.arrayContaining(["createdAt", "lastSeenAt", "userAgent"]));
    expect(sessionColumns(withFields.$extends({}))).toContain("userAgent");
  });
});

// test/prisma/schema.prisma is the next-auth tutorial's schema: no createdAt, lastSeenAt or
// userAgent on Session, so the shared suite (which checks them) runs on with-session-fields.prisma
// in conformance.test.ts, and this covers what differs.
describe.skipIf(!available)("Prisma adapter on the next-auth tutorial's schema", () => {
  let prisma: PrismaClient;
  let adapter: DatabaseAdapter;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const created = await createSchema(false);
    drop = created.drop;
    // Extended, as apps often have it: the adapter reads the columns through the extension.
    prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: POSTGRES_URL }, { schema: created.schema }),
    });
    adapter = PrismaAdapter(prisma.$extends({}));
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await drop();
  });

  const newUser = () => adapter.createUser({ email: `ada-${unique()}@example.com`, emailVerified: null, name: "Ada" });

  it("keeps sessions without Gatehouse's columns, which read as null", async () => {
    const user = await newUser();
    const sessionToken = unique();
    const created = await adapter.createSession({
      sessionToken,
      userId: user.id,
      expires: inHours(1),
      createdAt: inHours(0),
      lastSeenAt: inHours(0),
      userAgent: "Mozilla/5.0",
    });
    expect(created).toEqual({
      sessionToken,
      userId: user.id,
      expires: inHours(1),
      createdAt: null,
      lastSeenAt: null,
      userAgent: null,
      authenticatedAt: null,
      amr: null,
    });
    const found = await adapter.getSessionAndUser(sessionToken);
    expect(found?.user).toMatchObject({ id: user.id, email: user.email });
    expect(found?.session).toEqual(created);

    const updated = await adapter.updateSession({ sessionToken, expires: inHours(2), lastSeenAt: inHours(1) });
    expect(updated).toEqual({ ...created, expires: inHours(2) });
  });

  it("lists unexpired sessions by expiry, latest first, and counts what it deletes", async () => {
    const user = await newUser();
    const tokens = [unique(), unique(), unique()];
    for (const [index, sessionToken] of tokens.entries())
      await adapter.createSession({ sessionToken, userId: user.id, expires: inHours(index + 1) });
    await adapter.createSession({ sessionToken: unique(), userId: user.id, expires: inHours(-1) });

    const listed = await adapter.listSessions(user.id);
    expect(listed.map((session) => session.sessionToken)).toEqual([...tokens].reverse());
    expect(await adapter.deleteUserSessions(user.id, tokens[0])).toBe(3); // the expired one too
    expect((await adapter.listSessions(user.id)).map((session) => session.sessionToken)).toEqual([tokens[0]]);
  });

  it("writes only the columns the schema has", async () => {
    // A custom profile field and OAuth 1's tokens have no column in the tutorial's schema.
    const user = await adapter.createUser({
      email: `role-${unique()}@example.com`,
      emailVerified: null,
      role: "admin",
    });
    expect(user).not.toHaveProperty("role");
    const providerAccountId = unique();
    await adapter.linkAccount({
      userId: user.id,
      type: "oauth",
      provider: "twitter",
      providerAccountId,
      access_token: "at",
      oauth_token: "ot",
      oauth_token_secret: "ots",
    });
    expect(await adapter.getUserByAccount({ provider: "twitter", providerAccountId })).toMatchObject({ id: user.id });
    const stored = await prisma.account.findUnique({
      where: { provider_providerAccountId: { provider: "twitter", providerAccountId } },
    });
    expect(stored).toMatchObject({ userId: user.id, type: "oauth", access_token: "at", refresh_token: null });
  });

  it("answers null, never an error, for what is not there", async () => {
    const missing = unique();
    expect(await adapter.getUser(missing)).toBeNull();
    expect(await adapter.getUserByAccount({ provider: "github", providerAccountId: missing })).toBeNull();
    expect(await adapter.getSessionAndUser(missing)).toBeNull();
    expect(await adapter.updateSession({ sessionToken: missing, expires: inHours(1) })).toBeNull();
    expect(await adapter.deleteSession(missing)).toBeNull();
    expect(await adapter.deleteUser(missing)).toBeNull();
    expect(await adapter.unlinkAccount({ provider: "github", providerAccountId: missing })).toBeUndefined();
    expect(await adapter.useVerificationToken({ identifier: missing, token: missing })).toBeNull();
    expect(await adapter.listSessions(missing)).toEqual([]);
    expect(await adapter.deleteUserSessions(missing)).toBe(0);
  });

  it("creates a user with its account in one transaction", async () => {
    const providerAccountId = unique();
    const email = `grace-${unique()}@example.com`;
    const user = await adapter.createUserWithAccount(
      { email, emailVerified: null },
      { type: "oidc", provider: "google", providerAccountId },
    );
    expect(await adapter.getUserByAccount({ provider: "google", providerAccountId })).toMatchObject({ id: user.id });
    const second = `second-${unique()}@example.com`;
    await expect(
      Promise.resolve(
        adapter.createUserWithAccount(
          { email: second, emailVerified: null },
          { type: "oidc", provider: "google", providerAccountId },
        ),
      ),
    ).rejects.toThrow();
    expect(await adapter.getUserByEmail(second)).toBeNull();
  });
});
