/** Validates an email provider once, at configuration. */
import { ConfigError } from "../../errors.js";
import { DEFAULTS } from "../../lib/config/defaults.js";
import type { EmailServer, ResolvedEmailProvider } from "../../provider-types.js";

export function resolveEmailProvider(
  id: string,
  name: string,
  options: Record<string, unknown>,
  production: boolean,
): ResolvedEmailProvider {
  const { server, from, maxAge, sendVerificationRequest, generateVerificationToken, normalizeIdentifier } = options;
  if (
    server !== undefined &&
    server !== "" &&
    typeof server !== "string" &&
    (typeof server !== "object" || server === null)
  ) {
    throw new ConfigError(
      "InvalidProvider",
      `Email provider "${id}": \`server\` must be an SMTP URL (EMAIL_SERVER) or nodemailer transport options.`,
    );
  }
  for (const [option, value] of Object.entries({
    sendVerificationRequest,
    generateVerificationToken,
    normalizeIdentifier,
  })) {
    if (value !== undefined && typeof value !== "function")
      throw new ConfigError("InvalidProvider", `Email provider "${id}": \`${option}\` must be a function.`);
  }
  const hasServer = server !== undefined && server !== "";
  if (!hasServer && sendVerificationRequest === undefined && production) {
    throw new ConfigError(
      "InvalidProvider",
      `Email provider "${id}" has no \`server\` (e.g. server: process.env.EMAIL_SERVER, "smtp://user:pass@smtp.example.com:587") and no \`sendVerificationRequest\`.`,
    );
  }
  const lifetime = maxAge ?? DEFAULTS.email.maxAge;
  if (typeof lifetime !== "number" || !Number.isInteger(lifetime) || lifetime <= 0) {
    throw new ConfigError(
      "InvalidProvider",
      `Email provider "${id}": \`maxAge\` must be a positive whole number of seconds.`,
    );
  }
  return Object.freeze({
    id,
    name,
    type: "email" as const,
    server: hasServer ? (server as EmailServer) : undefined,
    from: typeof from === "string" && from !== "" ? from : DEFAULTS.email.from,
    maxAge: lifetime,
    sendVerificationRequest: sendVerificationRequest as ResolvedEmailProvider["sendVerificationRequest"],
    generateVerificationToken: generateVerificationToken as ResolvedEmailProvider["generateVerificationToken"],
    normalizeIdentifier: normalizeIdentifier as ResolvedEmailProvider["normalizeIdentifier"],
    devMailbox: !hasServer && sendVerificationRequest === undefined,
  });
}
