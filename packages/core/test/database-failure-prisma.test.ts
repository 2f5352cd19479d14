// The Prisma adapter (Prisma 7 over @prisma/adapter-pg) on real PostgreSQL dies mid sign-in: see
// database-failure-scenarios.ts. The schema is the one the Prisma adapter's own suite creates.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaAdapter } from "@gatehouse/adapter-prisma";
import { serviceAvailable } from "@gatehouse/adapter-test";
import { PrismaClient } from "../../adapter-prisma/test/dist/with-session-fields/client.js";
import { POSTGRES_URL, createSchema, probe } from "../../adapter-prisma/test/database.js";
import { describeDatabaseDeath } from "./database-failure-scenarios.js";

const available = await serviceAvailable("PostgreSQL", probe);
const url = new URL(POSTGRES_URL);
let schema = "";

describeDatabaseDeath({
  name: "Prisma on PostgreSQL",
  available,
  target: { host: url.hostname, port: Number(url.port || 5432) },
  async open(proxy) {
    const created = await createSchema(true);
    schema = created.schema;
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: proxy.url(POSTGRES_URL) }, { schema }),
    });
    const direct = new pg.Pool({ connectionString: POSTGRES_URL, max: 2 });
    const count = async (sql: string, params: string[]) =>
      Number((await direct.query<{ n: string }>(sql, params)).rows[0]?.n);
    return {
      adapter: PrismaAdapter(prisma),
      probe: {
        async userIdByEmail(email) {
          const { rows } = await direct.query<{ id: string }>(`SELECT id FROM "${schema}"."User" WHERE email = $1`, [
            email,
          ]);
          return rows[0]?.id ?? null;
        },
        accounts: (provider, id) =>
          count(`SELECT COUNT(*) AS n FROM "${schema}"."Account" WHERE provider = $1 AND "providerAccountId" = $2`, [
            provider,
            id,
          ]),
        sessions: (userId) => count(`SELECT COUNT(*) AS n FROM "${schema}"."Session" WHERE "userId" = $1`, [userId]),
      },
      async close() {
        await prisma.$disconnect();
        await direct.end();
        await created.drop();
      },
    };
  },
  // Prisma sends each statement's text in a Parse message; the nested user + account write is
  // one transaction.
  messages: {
    get account() {
      return `INSERT INTO "${schema}"."Account"`;
    },
    get session() {
      return `INSERT INTO "${schema}"."Session"`;
    },
    committed: "COMMIT",
  },
  leaks: /INSERT|SELECT|gatehouse_prisma_|prisma|P\d{4}/i,
});
