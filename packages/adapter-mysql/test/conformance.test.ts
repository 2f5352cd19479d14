import mysql from "mysql2/promise";
import { dropTables, runAdapterConformance, serviceAvailable } from "@gatehouse/adapter-test";
import { MySQLAdapter } from "../src/index.js";

const URL = process.env.GATEHOUSE_TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/test";
const available = await serviceAvailable("MariaDB/MySQL", async () => {
  const connection = await mysql.createConnection({ uri: URL, connectTimeout: 3000 });
  await connection.end();
});

runAdapterConformance(
  "MariaDB (mysql2)",
  async () => {
    const prefix = `t${Date.now().toString(36)}_`;
    const adapter = MySQLAdapter(URL, { tablePrefix: prefix });
    await Promise.all([adapter.migrate(), adapter.migrate(), adapter.migrate()]);
    return {
      adapter,
      cleanup: async () => {
        const connection = await mysql.createConnection({ uri: URL });
        for (const statement of dropTables(prefix, "mysql")) await connection.query(statement);
        await connection.end();
        await adapter.close();
      },
    };
  },
  available,
);
