import { DEFAULT_BASE_PATH } from "./defaults.js";

/**
 * The secret used in development when none is configured: stable across restarts (sessions
 * survive them) and the same wherever it is derived (the Next.js middleware needs it too).
 * Public knowledge by design, so it is refused in production.
 *
 * @param basePath - The auth routes' base path; it is part of the secret. @default "/api/auth"
 * @returns The development secret for `basePath`.
 *
 * @example
 * ```ts
 * const secret = options.secret ?? developmentSecret(); // development only
 * ```
 */
export function developmentSecret(basePath: string = DEFAULT_BASE_PATH): string {
  return `gatehouse-development-secret|${basePath}`;
}
