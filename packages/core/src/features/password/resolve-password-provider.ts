/** Validates a password provider once, at configuration. */
import { ConfigError } from "../../errors.js";
import { DEFAULTS } from "../../lib/config/defaults.js";
import { isPlainObject } from "../../lib/encoding.js";
import type { PasswordMailKind, ResolvedPasswordProvider } from "../../provider-types.js";

const KINDS: readonly PasswordMailKind[] = ["verifyEmail", "resetPassword", "passwordChanged", "accountExists"];

function wholeNumber(id: string, option: string, value: unknown, fallback: number, min: number, max: number): number {
  const chosen = value ?? fallback;
  if (typeof chosen !== "number" || !Number.isInteger(chosen) || chosen < min || chosen > max) {
    throw new ConfigError(
      "InvalidProvider",
      `Password provider "${id}": \`${option}\` must be a whole number from ${min} to ${max}.`,
    );
  }
  return chosen;
}

/**
 * The provider with every default filled in.
 * @throws {ConfigError} `InvalidProvider` naming the option to change.
 */
export function resolvePasswordProvider(
  id: string,
  name: string,
  options: Record<string, unknown>,
  production: boolean,
): ResolvedPasswordProvider {
  const defaults = DEFAULTS.password;
  const { server, from, sendMail = {}, requireEmailVerification = true, isBreached, hash = {} } = options;
  if (server !== undefined && server !== "" && typeof server !== "string" && !isPlainObject(server)) {
    throw new ConfigError(
      "InvalidProvider",
      `Password provider "${id}": \`server\` must be an SMTP URL (EMAIL_SERVER) or nodemailer transport options.`,
    );
  }
  if (
    !isPlainObject(sendMail) ||
    Object.entries(sendMail).some(([kind, fn]) => !KINDS.includes(kind as PasswordMailKind) || typeof fn !== "function")
  ) {
    throw new ConfigError(
      "InvalidProvider",
      `Password provider "${id}": \`sendMail\` maps mail kinds (${KINDS.join(", ")}) to functions.`,
    );
  }
  if (typeof requireEmailVerification !== "boolean")
    throw new ConfigError(
      "InvalidProvider",
      `Password provider "${id}": \`requireEmailVerification\` must be true or false.`,
    );
  if (isBreached !== undefined && typeof isBreached !== "function")
    throw new ConfigError("InvalidProvider", `Password provider "${id}": \`isBreached\` must be a function.`);
  if (!isPlainObject(hash))
    throw new ConfigError(
      "InvalidProvider",
      `Password provider "${id}": \`hash\` must be { memoryCost, timeCost, parallelism }.`,
    );
  const hasServer = server !== undefined && server !== "";
  const everyKindSent = KINDS.every((kind) => typeof sendMail[kind] === "function");
  if (!hasServer && !everyKindSent && production) {
    throw new ConfigError(
      "InvalidProvider",
      `Password provider "${id}" has no \`server\` (e.g. server: process.env.EMAIL_SERVER) to send its verification and reset mails, and \`sendMail\` does not cover every kind (${KINDS.join(", ")}).`,
    );
  }
  const minLength = wholeNumber(id, "minLength", options.minLength, defaults.minLength, 8, 128);
  const maxLength = wholeNumber(id, "maxLength", options.maxLength, defaults.maxLength, minLength, 4096);
  return Object.freeze({
    id,
    name,
    type: "password" as const,
    server: hasServer ? server : undefined,
    from: typeof from === "string" && from !== "" ? from : DEFAULTS.email.from,
    sendMail: Object.freeze({ ...(sendMail as ResolvedPasswordProvider["sendMail"]) }),
    requireEmailVerification,
    verificationMaxAge: wholeNumber(
      id,
      "verificationMaxAge",
      options.verificationMaxAge,
      defaults.verificationMaxAge,
      60,
      2_592_000,
    ),
    resetMaxAge: wholeNumber(id, "resetMaxAge", options.resetMaxAge, defaults.resetMaxAge, 60, 86_400),
    minLength,
    maxLength,
    hash: Object.freeze({
      // OWASP's floor: less than 19 MiB with 2 passes is refused, not quietly weakened.
      memoryCost: wholeNumber(id, "hash.memoryCost", hash.memoryCost, defaults.hash.memoryCost, 19_456, 4_194_304),
      timeCost: wholeNumber(id, "hash.timeCost", hash.timeCost, defaults.hash.timeCost, 2, 100),
      parallelism: wholeNumber(id, "hash.parallelism", hash.parallelism, defaults.hash.parallelism, 1, 16),
    }),
    isBreached: isBreached as ResolvedPasswordProvider["isBreached"],
    devMailbox: !hasServer && !everyKindSent,
  });
}
