#!/usr/bin/env node
/**
 * `npx gatehouse`: the command line.
 *
 *   npx gatehouse migrate [url]   create or upgrade the auth tables
 *
 * The URL is the argument, else DATABASE_URL from the environment, `.env.local` or `.env` (as
 * Next.js would read them). Migrations are versioned and idempotent; running them while the app
 * is up is safe (they take a lock), and the app also runs them on first use.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { databaseKind, migrateDatabase, redact, hidePassword } from "./lib/database.js";
import { readEnv } from "./lib/env.js";

const HELP = `Usage: npx gatehouse <command>

Commands:
  migrate [url]   Create or upgrade Gatehouse's tables in the database at url
                  (default: DATABASE_URL from the environment, .env.local or .env).
                  sqlite:./auth.db, postgres://…, mysql://…, redis://…
  help            Show this help.
`;

/** DATABASE_URL from the environment, else from the first `.env*` file in `cwd` that sets it. */
function databaseUrlFromEnv(cwd: string): { url: string; from: string } | null {
  const fromEnv = readEnv().databaseUrl;
  if (fromEnv) return { url: fromEnv, from: "DATABASE_URL" };
  for (const file of [".env.local", ".env"]) {
    const path = join(cwd, file);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
      const match = /^\s*(?:export\s+)?DATABASE_URL\s*=\s*(.*)$/.exec(line);
      const value = match?.[1]?.trim().replace(/^(["'])(.*)\1$/, "$2");
      if (value) return { url: value, from: `DATABASE_URL in ${file}` };
    }
  }
  return null;
}

async function migrate(argument: string | undefined): Promise<number> {
  const source = argument === undefined ? databaseUrlFromEnv(process.cwd()) : { url: argument, from: "the argument" };
  if (source === null) {
    process.stderr.write(
      "✗ No database to migrate. Pass its URL (npx gatehouse migrate sqlite:./auth.db) or set DATABASE_URL.\n",
    );
    return 1;
  }
  const { url, from } = source;
  try {
    databaseKind(url);
  } catch (error) {
    process.stderr.write(`✗ ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  process.stdout.write(`▸ Migrating ${redact(url)} (${from}) …\n`);
  try {
    const report = await migrateDatabase(url);
    if (report === null) process.stdout.write("✓ Connected. Redis keeps no schema: nothing to migrate.\n");
    else if (report.applied.length === 0) process.stdout.write(`✓ Up to date (schema version ${report.version}).\n`);
    else {
      const versions = report.applied.join(", ");
      process.stdout.write(
        `✓ Applied schema version${report.applied.length > 1 ? "s" : ""} ${versions}; now at ${report.version}.\n`,
      );
    }
    return 0;
  } catch (error) {
    const reason = hidePassword(error instanceof Error ? error.message : String(error), url);
    process.stderr.write(`✗ Could not migrate ${redact(url)}: ${reason}\n`);
    return 1;
  }
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case "migrate":
      return migrate(rest[0]);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(HELP);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`✗ Unknown command "${command}".\n\n${HELP}`);
      return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
