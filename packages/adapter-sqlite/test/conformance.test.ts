import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAdapterConformance } from "@gatehouse/adapter-test";
import { SQLiteAdapter } from "../src/index.js";

runAdapterConformance("SQLite (@libsql/client, a file)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gatehouse-sqlite-"));
  const adapter = SQLiteAdapter(`sqlite:${join(dir, "auth.db")}`);
  await adapter.migrate();
  await adapter.migrate(); // idempotent
  return {
    adapter,
    cleanup: async () => {
      await adapter.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
