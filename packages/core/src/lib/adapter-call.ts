/** Calls into the adapter: a failure becomes an `AdapterError` (a clean 503, no session). */
import type { DatabaseAdapter } from "../adapter.js";
import { AuthError } from "../errors.js";
import type { AuthRuntime } from "./runtime.js";

/** Runs `call` with the adapter, wrapping any rejection. */
export async function withAdapter<T>(
  runtime: AuthRuntime,
  method: string,
  call: (adapter: DatabaseAdapter) => T | PromiseLike<T>,
): Promise<T> {
  const adapter = runtime.adapter as DatabaseAdapter | undefined;
  if (adapter === undefined) throw new AuthError("AdapterError", `No adapter is configured, but ${method} needs one.`);
  try {
    return await call(adapter);
  } catch (error) {
    if (error instanceof AuthError) throw error;
    throw new AuthError("AdapterError", `The adapter's ${method} failed; see \`cause\`.`, { cause: error });
  }
}
