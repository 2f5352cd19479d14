/**
 * The signed-in user's sessions and revoking them, through whichever strategy keeps them — for
 * the `sessions` route and the server API (`auth.sessions`).
 */
import { ConfigError } from "../../errors.js";
import type { RequestState } from "../../lib/http/request-state.js";
import type { RevocationResult, SessionInfo, SessionRevocation } from "../../lib/session/strategy.js";

function unsupported(): ConfigError {
  return new ConfigError(
    "InvalidOption",
    'Listing sessions needs `session.strategy: "database"` and an adapter with listSessions and deleteUserSessions (every first-party adapter has them); JWT sessions can only revoke "others" or "all".',
  );
}

/**
 * The signed-in user's live sessions, newest first; `null` when signed out.
 * @throws {ConfigError} when the session strategy cannot list sessions.
 */
export function listUserSessions(state: RequestState): Promise<SessionInfo[] | null> {
  const { strategy } = state.runtime;
  if (strategy.list === undefined) throw unsupported();
  return strategy.list(state);
}

/**
 * Ends sessions of the signed-in user; `null` when signed out.
 * @throws {ConfigError} when the session strategy cannot revoke sessions (or, with JWT sessions,
 *   one session by id).
 * @throws {RevocationStoreError} when the store cannot record a JWT revocation.
 */
export function revokeUserSessions(state: RequestState, target: SessionRevocation): Promise<RevocationResult | null> {
  const { strategy } = state.runtime;
  if (strategy.revoke === undefined) throw unsupported();
  return strategy.revoke(state, target);
}
