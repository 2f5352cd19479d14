/**
 * One core instance per options object, created on first use (so importing the route at build
 * time needs no secret) and shared by the route handler, `auth()`, `getServerSession()` and the
 * server actions. A configuration error is kept and re-thrown: the app fails the same way, with
 * the same message, until it is fixed.
 */
import { createAuth, type AuthHandler } from "@gatehouse/core";
import type { AuthOptions, GatehouseTypes } from "../types.js";
import { readEnv } from "./env.js";
import { toCoreConfig } from "./options.js";

const instances = new WeakMap<AuthOptions, { auth?: AuthHandler; error?: unknown }>();

/**
 * The core instance for `options`.
 * @throws {ConfigError} when the options (or environment) are invalid.
 */
export function instanceFor(options: AuthOptions): AuthHandler {
  let entry = instances.get(options);
  if (entry === undefined) {
    try {
      entry = { auth: createAuth<GatehouseTypes>(toCoreConfig(options, readEnv())) };
    } catch (error) {
      entry = { error };
    }
    instances.set(options, entry);
  }
  if (entry.auth === undefined) throw entry.error;
  return entry.auth;
}
