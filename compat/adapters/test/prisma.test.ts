// @next-auth/prisma-adapter (next-auth v4's, seed 001) and @auth/prisma-adapter (Auth.js), as
// published, on seed 001's Prisma schema: Prisma 7 through @prisma/adapter-pg, on PostgreSQL.
import { PrismaAdapter as AuthPrismaAdapter } from "@auth/prisma-adapter";
import { serviceAvailable } from "@gatehouse/adapter-test";
import { PrismaAdapter as NextAuthPrismaAdapter } from "@next-auth/prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../dist/prisma/client.js";
import { POSTGRES_URL, createSchema, migration, probe } from "./database.js";
import { describeAdapterLife, published, type AdapterUnderTest } from "./life.js";

const available = await serviceAvailable("PostgreSQL", probe);

/** The tables `prisma migrate` makes for prisma/schema.prisma (its migration engine cannot run here). */
const TABLES = migration(new URL("../prisma/migration.sql", import.meta.url));

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
