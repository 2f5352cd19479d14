/** The session for a request under the configured strategy, and its `session` event. */
import { emitEvent } from "../callbacks.js";
import type { RequestState } from "../http/request-state.js";
import type { SessionResult } from "./strategy.js";

/** Reads (and, when due, refreshes) the session: what `GET /session` answers. */
export async function readSession(state: RequestState, update?: { newSession: unknown }): Promise<SessionResult> {
  const result = await state.runtime.strategy.resolve(state, update);
  if (result.session !== null) {
    const { user } = result;
    await emitEvent(state.runtime, "session", {
      session: result.session,
      ...(result.token === null ? {} : { token: result.token }),
      ...(user === undefined ? {} : { user }),
    });
  }
  return result;
}
