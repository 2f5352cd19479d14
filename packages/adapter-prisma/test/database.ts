/**
 * A PostgreSQL schema of its own per suite, with the tables `prisma migrate` would make for
 * test/prisma/schema.prisma (or with-session-fields.prisma): Prisma's migration engine is a
 * native binary that cannot be downloaded here, so the tests write its SQL themselves.
 */
import pg from "pg";

export const POSTGRES_URL = process.env.GATEHOUSE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Prisma's PostgreSQL mapping: quoted model names, camelCase columns, `timestamp(3)`. */
function tables(sessionFields: boolean): string[] {
  const sessionColumns = sessionFields
    ? `, "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "lastSeenAt" TIMESTAMP(3), "userAgent" TEXT, "authenticatedAt" TIMESTAMP(3), "amr" TEXT`
    : "";
  const twoFactor = sessionFields
    ? [
        `CREATE TABLE "TwoFactor" ("userId" TEXT NOT NULL, "secret" TEXT NOT NULL, "enabledAt" TIMESTAMP(3),
          "lastUsedStep" INTEGER, "trustedAfter" TIMESTAMP(3), CONSTRAINT "TwoFactor_pkey" PRIMARY KEY ("userId"))`,
        `CREATE TABLE "BackupCode" ("userId" TEXT NOT NULL, "codeHash" TEXT NOT NULL,
          CONSTRAINT "BackupCode_pkey" PRIMARY KEY ("userId", "codeHash"))`,
      ]
    : [];
  return [
    ...twoFactor,
    `CREATE TABLE "User" ("id" TEXT NOT NULL, "name" TEXT, "email" TEXT, "emailVerified" TIMESTAMP(3), "image" TEXT,
      CONSTRAINT "User_pkey" PRIMARY KEY ("id"))`,
    `CREATE TABLE "Account" ("id" TEXT NOT NULL, "userId" TEXT NOT NULL, "type" TEXT NOT NULL,
      "provider" TEXT NOT NULL, "providerAccountId" TEXT NOT NULL, "refresh_token" TEXT, "access_token" TEXT,
      "expires_at" INTEGER, "token_type" TEXT, "scope" TEXT, "id_token" TEXT, "session_state" TEXT,
      CONSTRAINT "Account_pkey" PRIMARY KEY ("id"))`,
    `CREATE TABLE "Session" ("id" TEXT NOT NULL, "sessionToken" TEXT NOT NULL, "userId" TEXT NOT NULL,
      "expires" TIMESTAMP(3) NOT NULL${sessionColumns}, CONSTRAINT "Session_pkey" PRIMARY KEY ("id"))`,
    `CREATE TABLE "VerificationToken" ("identifier" TEXT NOT NULL, "token" TEXT NOT NULL, "expires" TIMESTAMP(3) NOT NULL)`,
    ...(sessionFields
      ? [
          `CREATE TABLE "Password" ("userId" TEXT NOT NULL, "hash" TEXT NOT NULL, "updatedAt" TIMESTAMP(3) NOT NULL,
            CONSTRAINT "Password_pkey" PRIMARY KEY ("userId"))`,
          `ALTER TABLE "Password" ADD CONSTRAINT "Password_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id")
            ON DELETE CASCADE ON UPDATE CASCADE`,
          `CREATE TABLE "Passkey" ("id" TEXT NOT NULL, "userId" TEXT NOT NULL, "publicKey" TEXT NOT NULL,
            "counter" BIGINT NOT NULL, "transports" TEXT NOT NULL, "deviceType" TEXT NOT NULL,
            "backedUp" BOOLEAN NOT NULL, "name" TEXT NOT NULL, "createdAt" TIMESTAMP(3) NOT NULL,
            "lastUsedAt" TIMESTAMP(3), CONSTRAINT "Passkey_pkey" PRIMARY KEY ("id"))`,
          `CREATE INDEX "Passkey_userId_idx" ON "Passkey"("userId")`,
          `ALTER TABLE "Passkey" ADD CONSTRAINT "Passkey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id")
            ON DELETE CASCADE ON UPDATE CASCADE`,
        ]
      : []),
    `CREATE UNIQUE INDEX "User_email_key" ON "User"("email")`,
    `CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId")`,
    `CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken")`,
    `CREATE UNIQUE INDEX "VerificationToken_token_key" ON "VerificationToken"("token")`,
    `CREATE UNIQUE INDEX "VerificationToken_identifier_token_key" ON "VerificationToken"("identifier", "token")`,
    `ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id")
      ON DELETE CASCADE ON UPDATE CASCADE`,
    `ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id")
      ON DELETE CASCADE ON UPDATE CASCADE`,
  ];
}

/** Creates a fresh schema with the tables; `drop` removes it and everything in it. */
export async function createSchema(sessionFields: boolean): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `gatehouse_prisma_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(`SET search_path TO "${schema}"`);
    for (const statement of tables(sessionFields)) await client.query(statement);
  } finally {
    await client.end();
  }
  return {
    schema,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: POSTGRES_URL });
      await dropper.connect();
      await dropper.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await dropper.end();
    },
  };
}

/** Whether the server answers (see `serviceAvailable`). */
export async function probe(): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  await client.end();
}
