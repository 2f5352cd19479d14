/** The secret outside production when none is set: random, one per process, announced once. */
import type { AuthOptions } from "../types.js";
import { processDevelopmentSecret } from "./env.js";
import { loggerFor } from "./log.js";

/** The per-process secret outside production (see env.ts), saying so once when it is made. */
export function developmentSecret(options?: Pick<AuthOptions, "logger" | "debug">): string {
  return processDevelopmentSecret(() => {
    loggerFor(options).warn(
      "NO_SECRET",
      "No secret set (NEXTAUTH_SECRET / AUTH_SECRET / `secret`): using a random secret for this process, so sessions end when it restarts. Set NEXTAUTH_SECRET to keep them.",
    );
  });
}
