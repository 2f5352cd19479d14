/** Validates the `twoFactor` option once, at configuration. */
import { ConfigError } from "../../errors.js";
import { DEFAULTS } from "../../lib/config/defaults.js";
import type { ResolvedTwoFactor } from "../../lib/config/resolved-config.js";
import type { TwoFactorOptions } from "../../types.js";

function seconds(value: unknown, option: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 30 || value > 31_536_000) {
    throw new ConfigError(
      "InvalidOption",
      `\`twoFactor.${option}\` must be a whole number of seconds from 30 to 31536000.`,
    );
  }
  return value;
}

/**
 * The two-factor options with their defaults, or `null` when the option is absent.
 * @throws {ConfigError} `InvalidOption` naming the sub-option to change.
 */
export function resolveTwoFactor(options: TwoFactorOptions | undefined): ResolvedTwoFactor | null {
  if (options === undefined) return null;
  const given: unknown = options; // JavaScript callers may pass anything
  if (typeof given !== "object" || given === null) {
    throw new ConfigError("InvalidOption", "`twoFactor` must be an object such as `{}` (or left out to turn it off).");
  }
  const requireFor = options.requireFor ?? DEFAULTS.twoFactor.requireFor;
  if (!Array.isArray(requireFor) || !requireFor.every((entry) => typeof entry === "string" && entry !== "")) {
    throw new ConfigError(
      "InvalidOption",
      '`twoFactor.requireFor` must list provider types or ids, e.g. `["credentials", "oauth"]`.',
    );
  }
  const issuer = options.issuer ?? null;
  if (issuer !== null && (typeof issuer !== "string" || issuer === "" || issuer.length > 64 || issuer.includes(":"))) {
    throw new ConfigError("InvalidOption", "`twoFactor.issuer` must be a name of 1 to 64 characters without a colon.");
  }
  const trust = options.trustDeviceMaxAge ?? DEFAULTS.twoFactor.trustDeviceMaxAge;
  return Object.freeze({
    requireFor: new Set<string>(requireFor),
    issuer,
    pendingMaxAge: seconds(options.pendingMaxAge ?? DEFAULTS.twoFactor.pendingMaxAge, "pendingMaxAge"),
    trustDeviceMaxAge: trust === false ? false : seconds(trust, "trustDeviceMaxAge"),
  });
}
