/**
 * One core instance per options object, created on first use (so importing the route at build
 * time needs no secret) and shared by the route handler, `auth()`, `getServerSession()` and the
 * server actions. A configuration error is kept and re-thrown: the app fails the same way, with
 * the same message, until it is fixed.
 */
import { ConfigError, createAuth, type AuthHandler } from "@gatehouse/core";
import type { AuthOptions, GatehouseTypes } from "../types.js";
import { readEnv } from "./env.js";
import { loggerFor } from "./log.js";
import { toCoreConfig } from "./options.js";

/**
 * The instance (or the configuration error) of each options object the app has used. Keyed
 * weakly by the app's own object; each instance's state lives in its core runtime.
 */
const instances = new WeakMap<AuthOptions, { auth?: AuthHandler; error?: unknown; reported?: boolean }>();

/**
 * The core instance for `options`.
 * @throws {ConfigError} when the options (or environment) are invalid.
 */
export function instanceFor(options: AuthOptions): AuthHandler {
  const entry = entryFor(options);
  if (entry.auth === undefined) throw entry.error;
  return entry.auth;
}

/**
 * The instance for `options`, or the configuration error — logged the first time it is seen,
 * so an app that keeps failing says why once, not once per request.
 */
export function tryInstanceFor(options: AuthOptions): { auth: AuthHandler } | { error: unknown } {
  const entry = entryFor(options);
  if (entry.auth !== undefined) return { auth: entry.auth };
  if (entry.reported !== true) {
    entry.reported = true;
    const { error } = entry;
    loggerFor(options).error(
      error instanceof ConfigError ? error.code : "Error",
      error instanceof Error ? error.message : String(error),
    );
  }
  return { error: entry.error };
}

function entryFor(options: AuthOptions): { auth?: AuthHandler; error?: unknown; reported?: boolean } {
  let entry = instances.get(options);
  if (entry === undefined) {
    try {
      entry = { auth: createAuth<GatehouseTypes>(toCoreConfig(options, readEnv())) };
    } catch (error) {
      entry = { error };
    }
    instances.set(options, entry);
  }
  return entry;
}
