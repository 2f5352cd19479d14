/**
 * The demo's database: embedded SQLite in apps/demo/auth.db unless DATABASE_URL names another
 * (postgres://…, mysql://…, redis://…). Gatehouse creates the tables on first use.
 */
import { databaseAdapter } from "gatehouse/adapters";

export const DATABASE_URL = process.env.DATABASE_URL ?? "sqlite:./auth.db";

/** The same adapter (and connection) the `database` option uses, for the app's own writes. */
export const db = databaseAdapter(DATABASE_URL);
