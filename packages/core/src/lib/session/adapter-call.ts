/** Calls into the adapter: a failure becomes an `AdapterError` (a clean 503, no session). */
import type { DatabaseAdapter } from "../../adapter.js";
import { AuthError } from "../../errors.js";
import type { ResolvedConfig } from "../config/resolved-config.js";

/** Runs `call` with the adapter, wrapping any rejection. */
export async function withAdapter<T>(
  config: ResolvedConfig,
  method: string,
  call: (adapter: DatabaseAdapter) => T | PromiseLike<T>,
): Promise<T> {
  const adapter = config.adapter as DatabaseAdapter | undefined;
  if (adapter === undefined) throw new AuthError("AdapterError", `No adapter is configured, but ${method} needs one.`);
  try {
    return await call(adapter);
  } catch (error) {
    if (error instanceof AuthError) throw error;
    throw new AuthError("AdapterError", `The adapter's ${method} failed; see \`cause\`.`, { cause: error });
  }
}
