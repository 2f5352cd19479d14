/**
 * The one answer to "is this a CI run?", for every place that turns a missing service into a
 * failure instead of a skip (the adapter suites, the browser suite, its HTTPS server). CI
 * services set `CI` differently (`true`, `1`, `True`); only an unset, empty, `0` or `false`
 * value means "not CI".
 */

/**
 * Whether `env` describes a CI run.
 *
 * @param env - the environment to read. @default process.env
 * @returns `true` when `CI` is set to anything but `""`, `"0"` or `"false"` (any case).
 * @example underCI({ CI: "1" }) // true
 */
export function underCI(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== "" && value !== "0" && value !== "false";
}
