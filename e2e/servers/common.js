// Shared by the e2e server scripts: run a step with its output, fail loudly.
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const root = fileURLToPath(new URL("../..", import.meta.url));
export const E2E_SECRET = "e2e-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

export function run(title, command, args, options = {}) {
  process.stdout.write(`[e2e] ${title}\n`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    ...options,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env },
  });
  if (result.status !== 0) throw new Error(`[e2e] ${title} failed (exit ${result.status ?? result.signal})`);
}

/**
 * Starts `next start` in the foreground of this process (Playwright owns its lifetime). A server
 * that is up but answers its first auth request with a server error stops here, with what it
 * said: Playwright would otherwise wait out its whole start-up timeout on a broken app.
 */
export function serve(cwd, nextBin, port, env) {
  const child = spawn(process.execPath, [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
  void firstAnswer(`http://127.0.0.1:${port}/api/auth/providers`).then((response) => {
    if (response.status < 500) return;
    process.stderr.write(
      `[e2e] ${cwd}: /api/auth/providers answered ${response.status}: ${response.body.slice(0, 500)}\n`,
    );
    child.removeAllListeners("exit");
    child.kill("SIGTERM");
    process.exit(1);
  });
}

/** The first answer `url` gives, polling until the server listens (up to ten minutes). */
async function firstAnswer(url) {
  for (let tries = 0; tries < 1200; tries++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      return { status: response.status, body: await response.text() };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return { status: 0, body: "" };
}

/** The PostgreSQL server the suite uses (e2e/run.js checks that it answers). */
export const POSTGRES_URL = process.env.GATEHOUSE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Drops and creates the database `<base>_<suffix>` on that server; resolves with its URL. */
export async function freshPostgresDatabase(suffix) {
  const url = new URL(POSTGRES_URL);
  const name = `${url.pathname.slice(1) || "postgres"}_${suffix}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  return url.href;
}
