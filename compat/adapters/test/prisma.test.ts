// @next-auth/prisma-adapter (next-auth v4's, seed 001) and @auth/prisma-adapter (Auth.js), as
// published, on seed 001's Prisma schema: Prisma 7 through @prisma/adapter-pg, on PostgreSQL.
import { PrismaAdapter as AuthPrismaAdapter } from "@auth/prisma-adapter";
import { serviceAvailable } from "@gatehouse/adapter-test";
import { PrismaAdapter as NextAuthPrismaAdapter } from "@next-auth/prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../dist/prisma/client.js";
import { POSTGRES_URL, createSchema, probe } from "./database.js";
import { describeAdapterLife, published, type AdapterUnderTest } from "./life.js";

const available = await serviceAvailable("PostgreSQL", probe);

/** The tables `prisma migrate` makes for prisma/schema.prisma (its migration engine cannot run here). */
const TABLES = [
  `CREATE TABLE "User" ("id" TEXT NOT NULL, "name" TEXT, "email" TEXT, "emailVerified" TIMESTAMP(3), "image" TEXT,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id"))`,
  `CREATE TABLE "Account" ("id" TEXT NOT NULL, "userId" TEXT NOT NULL, "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL, "providerAccountId" TEXT NOT NULL, "refresh_token" TEXT, "access_token" TEXT,
    "expires_at" INTEGER, "token_type" TEXT, "scope" TEXT, "id_token" TEXT, "session_state" TEXT,
    CONSTRAINT "Account_pkey" PRIMARY KEY ("id"))`,
  `CREATE TABLE "Session" ("id" TEXT NOT NULL, "sessionToken" TEXT NOT NULL, "userId" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL, CONSTRAINT "Session_pkey" PRIMARY KEY ("id"))`,
  `CREATE TABLE "VerificationToken" ("identifier" TEXT NOT NULL, "token" TEXT NOT NULL, "expires" TIMESTAMP(3) NOT NULL)`,
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

function onSeedSchema(label: string, make: (prisma: PrismaClient) => object): () => Promise<AdapterUnderTest> {
  return async () => {
    const schema = await createSchema(label, TABLES);
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: POSTGRES_URL }, { schema: schema.name }),
    });
    return {
      adapter: published(make(prisma)),
      stored: {
        sessions: async () => (await schema.rows(`SELECT "sessionToken", "userId", expires FROM "Session"`)) as never,
        accounts: async () =>
          (await schema.rows(`SELECT "userId", type, provider, "providerAccountId" FROM "Account"`)) as never,
        users: async () => (await schema.rows(`SELECT id, email, "emailVerified" FROM "User"`)) as never,
      },
      cleanup: async () => {
        await prisma.$disconnect();
        await schema.drop();
      },
    };
  };
}

describeAdapterLife(
  "@next-auth/prisma-adapter 1.0.7",
  onSeedSchema("nextauth_prisma", (prisma) => NextAuthPrismaAdapter(prisma)),
  available,
);

describeAdapterLife(
  "@auth/prisma-adapter 2.11.3",
  onSeedSchema("auth_prisma", (prisma) => AuthPrismaAdapter(prisma)),
  available,
);
