/** The session for a request under the configured strategy, and its `session` event. */
import { emitEvent } from "../callbacks.js";
import type { User } from "../../types.js";
import type { RequestState } from "../http/request-state.js";
import { resolveDatabaseSession } from "./database-session.js";
import { resolveSession, type SessionResult } from "./jwt-session.js";

/** Reads (and, when due, refreshes) the session: what `GET /session` answers. */
export async function readSession(state: RequestState, update?: { newSession: unknown }): Promise<SessionResult> {
  const result: SessionResult & { user?: User } =
    state.config.session.strategy === "database"
      ? await resolveDatabaseSession(state, update)
      : await resolveSession(state, update);
  if (result.session !== null) {
    const { user } = result;
    await emitEvent(state.config, "session", {
      session: result.session,
      ...(result.token === null ? {} : { token: result.token }),
      ...(user === undefined ? {} : { user }),
    });
  }
  return result;
}
