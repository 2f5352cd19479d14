#!/usr/bin/env node
/**
 * `npx gatehouse`: the command line.
 *
 *   npx gatehouse migrate [url]   create or upgrade the auth tables
 *   npx gatehouse switch          point a next-auth v4 app's package.json at Gatehouse
 *
 * The URL is the argument, else DATABASE_URL from the environment, `.env.local` or `.env` (as
 * Next.js would read them). Migrations are versioned and idempotent; running them while the app
 * is up is safe (they take a lock), and the app also runs them on first use.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { databaseKind, migrateDatabase, redact, hidePassword } from "./lib/database.js";
import { readEnv } from "./lib/env.js";
import { switchManifest } from "./lib/switch.js";

const HELP = `Usage: npx gatehouse <command>

Commands:
  migrate [url]   Create or upgrade Gatehouse's tables in the database at url
                  (default: DATABASE_URL from the environment, .env.local or .env).
                  sqlite:./auth.db, postgres://…, mysql://…, redis://…
  switch          In a next-auth v4 app: make package.json install Gatehouse as
                  "next-auth" (with an npm override so next-auth adapters accept it),
                  then run npm install. --dry-run shows the changes only.
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

/** This package's name and version, from its package.json: the alias `switch` writes. */
function ownSpec(): string {
  const own = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    name: string;
    version: string;
  };
  return `npm:${own.name}@^${own.version}`;
}

function switchApp(args: string[]): number {
  const unknown = args.filter((arg) => arg !== "--dry-run");
  if (unknown.length > 0) {
    process.stderr.write(`✗ Unknown argument ${unknown.join(" ")}.\n\n${HELP}`);
    return 1;
  }
  const dryRun = args.includes("--dry-run");
  const path = join(process.cwd(), "package.json");
  if (!existsSync(path)) {
    process.stderr.write("✗ No package.json here: run npx gatehouse switch in your app's folder.\n");
    return 1;
  }
  const text = readFileSync(path, "utf8");
  const result = switchManifest(text, ownSpec());
  if (!result.ok) {
    process.stderr.write(`✗ ${result.problem}\n`);
    return 1;
  }
  if (result.changes.length === 0) {
    process.stdout.write("✓ package.json already installs Gatehouse as next-auth: nothing to change.\n");
    return 0;
  }
  process.stdout.write(`▸ ${dryRun ? "Would change" : "Changed"} package.json:\n`);
  for (const change of result.changes)
    process.stdout.write(
      `  ${change.field}: ${change.from === null ? "(none)" : JSON.stringify(change.from)} → ${JSON.stringify(change.to)}\n`,
    );
  if (dryRun) return 0;
  writeFileSync(path, result.text);
  process.stdout.write(
    "✓ next-auth now installs Gatehouse; the override lets adapters that need next-auth@4 accept it.\n  Next: npm install\n",
  );
  return 0;
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case "migrate":
      return migrate(rest[0]);
    case "switch":
      return switchApp(rest);
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
