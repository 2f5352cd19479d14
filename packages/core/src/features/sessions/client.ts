/** Session management from the browser (bound to the React client's routes by `gatehouse/react`). */
import type { ClientKit } from "../../lib/client-kit.js";
import type { SessionInfo, SessionRevocation } from "../../lib/session/strategy.js";

/**
 * The signed-in user's sessions (database sessions), newest first; `null` when signed out or
 * when the app has no database sessions.
 * @returns Each session's id, whether it is this one, and its dates and user agent.
 * @example `const sessions = await listSessions()`
 */
export async function listSessions(kit: ClientKit): Promise<SessionInfo[] | null> {
  const { ok, data } = await kit.get("sessions");
  return ok ? (data.sessions as SessionInfo[]) : null;
}

/**
 * Ends sessions of the signed-in user: one (`{ id }` from {@link listSessions}), `"others"`, or
 * `"all"` (sign out everywhere, this tab included). When any ended, the session is read again
 * here and in the other tabs.
 * @param target - `{ id }`, `"others"` or `"all"`.
 * @returns How many sessions ended (`0` when signed out or none matched).
 * @example `await revokeSessions("others")`
 */
export async function revokeSessions(kit: ClientKit, target: SessionRevocation): Promise<number> {
  const action = target === "others" ? "revoke-others" : target === "all" ? "revoke-all" : "revoke";
  const { data } = await kit.post("sessions", typeof target === "object" ? { action, id: target.id } : { action });
  const revoked = typeof data.revoked === "number" ? data.revoked : 0;
  if (target === "all" || revoked > 0) await kit.changed();
  return revoked;
}
