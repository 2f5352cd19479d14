// The MySQL adapter on real MariaDB dies mid sign-in: see database-failure-scenarios.ts.
import mysql from "mysql2/promise";
import { MySQLAdapter } from "@gatehouse/adapter-mysql";
import { dropTables, serviceAvailable } from "@gatehouse/adapter-test";
import { describeDatabaseDeath } from "./database-failure-scenarios.js";

const DATABASE_URL = process.env.GATEHOUSE_TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/test";
const available = await serviceAvailable("MariaDB/MySQL", async () => {
  const connection = await mysql.createConnection({ uri: DATABASE_URL, connectTimeout: 3000 });
  await connection.end();
});
const url = new URL(DATABASE_URL);
const prefix = `fail${Date.now().toString(36)}_`;

describeDatabaseDeath({
  name: "MariaDB",
  available,
  target: { host: url.hostname, port: Number(url.port || 3306) },
  async open(proxy) {
    const adapter = MySQLAdapter(proxy.url(DATABASE_URL), { tablePrefix: prefix });
    await adapter.migrate();
    const direct = mysql.createPool({ uri: DATABASE_URL, connectionLimit: 2 });
    const count = async (sql: string, params: string[]) => {
      const [rows] = await direct.query<mysql.RowDataPacket[]>(sql, params);
      return Number(rows[0]?.n);
    };
    return {
      adapter,
      probe: {
        async userIdByEmail(email) {
          const [rows] = await direct.query<mysql.RowDataPacket[]>(`SELECT id FROM ${prefix}users WHERE email = ?`, [
            email,
          ]);
          return rows.length === 0 ? null : String(rows[0]?.id);
        },
        accounts: (provider, id) =>
          count(`SELECT COUNT(*) AS n FROM ${prefix}accounts WHERE provider = ? AND provider_account_id = ?`, [
            provider,
            id,
          ]),
        sessions: (userId) => count(`SELECT COUNT(*) AS n FROM ${prefix}sessions WHERE user_id = ?`, [userId]),
      },
      async close() {
        await adapter.close();
        for (const statement of dropTables(prefix, "mysql")) await direct.query(statement);
        await direct.end();
      },
    };
  },
  // mysql2's query() sends each statement as text (COM_QUERY).
  messages: { account: `INSERT INTO ${prefix}accounts`, session: `INSERT INTO ${prefix}sessions`, committed: "COMMIT" },
  leaks: new RegExp(`INSERT|SELECT|${prefix}|ER_|PROTOCOL_|mysql`, "i"),
});
