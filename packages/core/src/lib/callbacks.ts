/**
 * Calling user code. A callback that throws is a server fault: it becomes an {@link AuthError}
 * with code `CallbackError` (the original as `cause`), which the routes turn into a clean error
 * response. An event that throws is logged and otherwise ignored; events never decide anything.
 */
import { AuthError } from "../errors.js";
import type { EventCallbacks } from "../types.js";
import type { AuthRuntime } from "./runtime.js";

/** Runs a user callback, wrapping anything it throws. */
export async function runCallback<T>(name: string, call: () => T | PromiseLike<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AuthError) throw error;
    throw new AuthError("CallbackError", `The \`${name}\` callback threw; see \`cause\`.`, { cause: error });
  }
}

/** Calls the user's event handler, if any; failures are logged. */
export async function emitEvent<K extends keyof EventCallbacks>(
  runtime: AuthRuntime,
  name: K,
  message: Parameters<EventCallbacks[K]>[0],
): Promise<void> {
  const handler = runtime.config.events[name] as ((message: Parameters<EventCallbacks[K]>[0]) => unknown) | undefined;
  if (handler === undefined) return;
  try {
    await handler(message);
  } catch (error) {
    runtime.logger.error("EVENT_ERROR", { event: name, error });
  }
}
