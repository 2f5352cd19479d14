/**
 * The adapter requirement, assembled from what the configuration turns on: database sessions
 * need users and sessions, and each enabled feature declares the groups it needs. A missing
 * method is a ConfigError at start-up that names the methods and the feature.
 */
import { ADAPTER_GROUPS, type Adapter } from "../adapter.js";
import { ConfigError } from "../errors.js";
import type { AdapterNeed, Feature } from "../features/feature.js";
import type { ResolvedConfig } from "../lib/config/resolved-config.js";

/** The groups `config` needs, database sessions first. */
export function adapterNeeds(config: ResolvedConfig, features: readonly Feature[]): AdapterNeed[] {
  const needs: AdapterNeed[] = [];
  if (config.session.strategy === "database")
    needs.push({ group: "users", why: "database sessions" }, { group: "sessions", why: "database sessions" });
  for (const feature of features) needs.push(...(feature.adapterNeeds?.(config) ?? []));
  return needs;
}

/**
 * Checks `adapter` has every method the configuration will call.
 * @throws {ConfigError} naming what is missing and why it is needed.
 */
export function checkAdapter(adapter: Adapter | undefined, needs: readonly AdapterNeed[]): void {
  if (adapter === undefined) {
    const first = needs[0];
    if (first === undefined) return;
    throw new ConfigError(
      "InvalidOption",
      `${first.why[0]?.toUpperCase() ?? ""}${first.why.slice(1)} needs a database: set \`adapter\`, or \`database\` to a connection URL (e.g. DATABASE_URL).`,
    );
  }
  if (typeof adapter !== "object" || (adapter as unknown) === null)
    throw new ConfigError("InvalidOption", "`adapter` must be an adapter object.");
  for (const { group, why, methods = [] } of needs) {
    const missing = [...ADAPTER_GROUPS[group].required, ...methods].filter(
      (method) => typeof adapter[method] !== "function",
    );
    if (missing.length > 0) {
      throw new ConfigError("InvalidOption", `The \`adapter\` lacks ${missing.join(", ")}, which ${why} need.`);
    }
  }
}
