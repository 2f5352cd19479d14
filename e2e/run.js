// `npm run test:e2e`: the browser suite, when Chromium is here. Without it, one line says so —
// except under CI (CI=true, CI=1, …: the same rule as every other suite), where a missing browser
// is a failure.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

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
    stdio: "inherit",
  },
);
process.exit(result.status ?? 1);
