/**
 * Session management with database sessions: the signed-in user's sessions, and revoking one,
 * all the others, or all of them (sign out everywhere). The database strategy's `list` and
 * `revoke`; the `sessions` feature's route and the server API (`auth.sessions`) both come here.
 *
 * A session's public `id` is derived from its stored hash, so neither the cookie value nor the
 * database key ever leaves the server; revoking by id only ever matches the caller's own sessions.
 */
import { base64urlEncode, sha256 } from "#crypto";
import type { AdapterSession, DatabaseAdapter } from "../../adapter.js";
import { ConfigError } from "../../errors.js";
import { withAdapter } from "../adapter-call.js";
import { utf8 } from "../encoding.js";
import type { RequestState } from "../http/request-state.js";
import { readStoredSession } from "./database-cookie.js";
import { clearSessionCookies } from "./jwt-strategy.js";
import type { RevocationResult, SessionInfo, SessionRevocation } from "./strategy.js";

type Managing = Pick<DatabaseAdapter, "listSessions" | "deleteUserSessions" | "deleteSession">;

/**
 * The adapter, if session management is possible with this configuration.
 * @throws {ConfigError} naming what to change, when it is not.
 */
function managingAdapter(state: RequestState): Managing {
  const adapter = state.runtime.adapter as Partial<DatabaseAdapter> | undefined;
  if (
    typeof adapter?.listSessions !== "function" ||
    typeof adapter.deleteUserSessions !== "function" ||
    typeof adapter.deleteSession !== "function"
  ) {
    throw new ConfigError(
      "InvalidOption",
      'Session management needs `session.strategy: "database"` and an adapter with listSessions and deleteUserSessions (every first-party adapter has them).',
    );
  }
  return adapter as Managing;
}

async function publicId(hash: string): Promise<string> {
  return base64urlEncode(await sha256(utf8.encode(`session-id:${hash}`))).slice(0, 22);
}

async function toInfo(session: AdapterSession, currentHash: string): Promise<SessionInfo> {
  return {
    id: await publicId(session.sessionToken),
    current: session.sessionToken === currentHash,
    createdAt: session.createdAt?.toISOString() ?? null,
    lastSeenAt: session.lastSeenAt?.toISOString() ?? null,
    expires: session.expires.toISOString(),
    userAgent: session.userAgent ?? null,
  };
}

/** The caller's user id and session hash, or `null` when signed out. */
async function caller(state: RequestState): Promise<{ userId: string; hash: string } | null> {
  const stored = await readStoredSession(state);
  return "invalid" in stored ? null : { userId: stored.user.id, hash: stored.hash };
}

/**
 * The signed-in user's live sessions, newest first; `null` when signed out.
 * @throws {ConfigError} when the adapter cannot list sessions.
 */
export async function listSessions(state: RequestState): Promise<SessionInfo[] | null> {
  managingAdapter(state);
  const who = await caller(state);
  if (who === null) return null;
  const sessions = await withAdapter(state.runtime, "listSessions", (adapter) => adapter.listSessions(who.userId));
  const live = sessions.filter((session) => session.expires.getTime() > state.nowMs);
  return Promise.all(live.map((session) => toInfo(session, who.hash)));
}

/**
 * Ends sessions of the signed-in user; `null` when signed out. Ending the caller's own session
 * returns the cookies that clear it.
 * @throws {ConfigError} when the adapter cannot list sessions.
 */
export async function revokeSessions(state: RequestState, target: SessionRevocation): Promise<RevocationResult | null> {
  managingAdapter(state);
  const who = await caller(state);
  if (who === null) return null;
  const clear = async () => clearSessionCookies(state, (await readStoredSession(state)).read);

  if (target === "others" || target === "all") {
    const keep = target === "others" ? who.hash : undefined;
    const revoked = await withAdapter(state.runtime, "deleteUserSessions", (adapter) =>
      adapter.deleteUserSessions(who.userId, keep),
    );
    return { revoked, cookies: target === "all" ? await clear() : [] };
  }

  const own = await withAdapter(state.runtime, "listSessions", (adapter) => adapter.listSessions(who.userId));
  let match: AdapterSession | undefined;
  for (const session of own) {
    if ((await publicId(session.sessionToken)) === target.id) match = session;
  }
  if (match === undefined) return { revoked: 0, cookies: [] };
  const hash = match.sessionToken;
  await withAdapter(state.runtime, "deleteSession", (adapter) => adapter.deleteSession(hash));
  return { revoked: 1, cookies: hash === who.hash ? await clear() : [] };
}
