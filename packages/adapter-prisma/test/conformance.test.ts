import { PrismaPg } from "@prisma/adapter-pg";
import { runAdapterConformance, serviceAvailable } from "@gatehouse/adapter-test";
import { PrismaAdapter } from "../src/index.js";
import { PrismaClient } from "./dist/with-session-fields/client.js";
import { POSTGRES_URL, createSchema, probe } from "./database.js";

const available = await serviceAvailable("PostgreSQL", probe);

// The whole suite needs Gatehouse's session columns (createdAt, lastSeenAt, userAgent);
// seed-schema.test.ts covers the tutorial's schema, which lacks them.
runAdapterConformance(
  "Prisma 7 (PostgreSQL through @prisma/adapter-pg)",
  async () => {
    const { schema, drop } = await createSchema(true);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: POSTGRES_URL }, { schema }) });
    return {
      adapter: PrismaAdapter(prisma),
      cleanup: async () => {
        await prisma.$disconnect();
        await drop();
      },
    };
  },
  available,
);
