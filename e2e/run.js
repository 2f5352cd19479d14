// `npm run test:e2e`: the browser suite, when Chromium is here. Without it, one line says so —
// except under CI (CI=true, CI=1, …: the same rule as every other suite), where a missing browser
// is a failure.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";

const { underCI } = await import("@gatehouse/adapter-test/under-ci").catch((error) => {
  console.error(`The browser tests need the packages built first (npm run build): ${error.message}`);
  process.exit(1);
});

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  const message = `Browser tests skipped: no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH).`;
  if (underCI()) {
    console.error(`${message} CI requires them.`);
    process.exit(1);
  }
  console.log(message);
  process.exit(0);
}
// The switching test (servers/switch-app.js) installs a next-auth app on PostgreSQL. Without one,
// it is skipped with one line — except under CI, where PostgreSQL is required.
const postgresUrl = process.env.GATEHOUSE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const env = { ...process.env };
try {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  await client.end();
} catch (error) {
  const message = `The switching test needs PostgreSQL (GATEHOUSE_TEST_POSTGRES_URL), which did not answer: ${error instanceof Error ? error.message : String(error)}.`;
  if (process.env.CI === "true" || process.env.CI === "1") {
    console.error(`${message} CI requires it.`);
    process.exit(1);
  }
  console.log(`Skipping the switching test. ${message}`);
  env.E2E_SWITCH_APP_SKIPPED = message;
}
const cwd = fileURLToPath(new URL(".", import.meta.url));
const result = spawnSync(
  process.execPath,
  [
    fileURLToPath(new URL("../node_modules/@playwright/test/cli.js", import.meta.url)),
    "test",
    ...process.argv.slice(2),
  ],
  {
    cwd,
    env,
    stdio: "inherit",
  },
);
process.exit(result.status ?? 1);
