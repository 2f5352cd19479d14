/**
 * The logger every module uses. Output goes through the user's `logger` (next-auth v4 shape) or
 * the console; `debug` only with `debug: true`. Metadata is scrubbed on the way out: any key that
 * looks like a secret or token is replaced, so nothing sensitive reaches a log by accident.
 */
import type { LoggerInstance } from "../types.js";

const SENSITIVE = /secret|token|password|passwd|verifier|nonce|cookie|authorization|code|csrf|key/i;
const MAX_DEPTH = 4;

/**
 * A copy of `value` safe to log: every field whose name looks like a secret (secret, token,
 * password, verifier, nonce, cookie, authorization, code, csrf, key) becomes `"[redacted]"`,
 * except a `code` that is an error code (`"CredentialsSignin"`). Errors become plain objects
 * (name, message, code, cause); nesting deeper than 4 levels becomes `"[…]"`.
 *
 * @param value - Anything: log metadata, an error, a primitive (returned as is).
 * @param depth - How deep `value` already is (for the recursion). @default 0
 * @returns The scrubbed copy; `value` itself is never changed.
 *
 * @example
 * ```ts
 * redact({ user: "ada", access_token: "gho_…", error: { code: "OAuthCallback" } });
 * // { user: "ada", access_token: "[redacted]", error: { code: "OAuthCallback" } }
 * ```
 */
export function redact(value: unknown, depth = 0): unknown {
  if (value instanceof Error) {
    const out: Record<string, unknown> = { name: value.name, message: value.message };
    if ("code" in value && isErrorCode("code", value.code)) out.code = value.code;
    if (value.cause !== undefined && depth < MAX_DEPTH) out.cause = redact(value.cause, depth + 1);
    for (const [key, item] of Object.entries(value)) {
      if (key in out) continue;
      out[key] = SENSITIVE.test(key) && !isErrorCode(key, item) ? "[redacted]" : redact(item, depth + 1);
    }
    return out;
  }
  if (typeof value !== "object" || value === null) return value;
  if (depth >= MAX_DEPTH) return "[…]";
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SENSITIVE.test(key) && !isErrorCode(key, item) ? "[redacted]" : redact(item, depth + 1);
  }
  return out;
}

/**
 * Returns a copy of `value` in which every string containing one of `values` (what a user typed
 * into a credentials form, whatever its fields are called) has it replaced by "[redacted]".
 */
export function withoutValues(value: unknown, values: readonly string[], depth = 0): unknown {
  const secrets = values.filter((item) => item !== "");
  if (secrets.length === 0) return value;
  if (typeof value === "string") return secrets.reduce((text, secret) => text.split(secret).join("[redacted]"), value);
  if (typeof value !== "object" || value === null) return value;
  if (depth >= MAX_DEPTH) return "[…]";
  if (Array.isArray(value)) return value.map((item) => withoutValues(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = withoutValues(item, secrets, depth + 1);
  return out;
}

/** `code: "CredentialsSignin"` is an error code, not an OAuth authorization code. */
function isErrorCode(key: string, value: unknown): boolean {
  return key === "code" && typeof value === "string" && /^[A-Za-z_]{1,40}$/.test(value);
}

/**
 * Builds the logger for one auth instance: each level goes to the matching method of `user` if
 * it has one, else to the console with a `[gatehouse][level][code]` prefix. Metadata passes
 * through {@link redact} first; a warning code is reported once per logger; `debug` messages
 * only when `debug` is on.
 *
 * @param user - The app's `logger` option (next-auth v4's shape; any method may be missing).
 * @param debug - The `debug` option.
 * @returns The logger (`error`, `warn`, `debug`).
 *
 * @example
 * ```ts
 * const logger = createLogger({ error: (code, meta) => sentry.capture(code, meta) }, false);
 * logger.error("OAUTH_CALLBACK_ERROR", { provider: "github", code_verifier: "…" }); // verifier redacted
 * ```
 */
export function createLogger(user: Partial<LoggerInstance> | undefined, debug: boolean): LoggerInstance {
  const warned = new Set<string>();
  return {
    error(code, metadata) {
      const safe = redact(metadata);
      if (user?.error) user.error(code, safe);
      // A plain message stays on the one line with its code.
      else if (typeof safe === "string") console.error(`[gatehouse][error][${code}] ${safe}`);
      else console.error(`[gatehouse][error][${code}]`, safe);
    },
    warn(code, message) {
      if (warned.has(code)) return;
      warned.add(code);
      if (user?.warn) user.warn(code, message);
      else console.warn(`[gatehouse][warn][${code}]${message === undefined ? "" : ` ${message}`}`);
    },
    debug(code, metadata) {
      if (!debug) return;
      const safe = redact(metadata);
      if (user?.debug) user.debug(code, safe);
      else console.debug(`[gatehouse][debug][${code}]`, safe);
    },
  };
}
