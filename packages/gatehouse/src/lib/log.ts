/**
 * The Next.js package's logging, for what happens outside an auth instance (an instance that
 * could not be created, the middleware, the CLI): through the app's `logger` option when there
 * is one, else the console — the same logger core builds, with the same redaction.
 */
import type { LoggerInstance } from "@gatehouse/core";
import { createLogger } from "@gatehouse/core/logger";
import type { AuthOptions } from "../types.js";

/** The logger for `options` (or the console's, without options). */
export function loggerFor(options?: Pick<AuthOptions, "logger" | "debug">): LoggerInstance {
  return createLogger(options?.logger, options?.debug === true);
}
