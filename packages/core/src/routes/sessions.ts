/**
 * Gatehouse's session management (database sessions): `GET sessions` lists the signed-in
 * user's sessions; `POST sessions` revokes one (`{ action: "revoke", id }`), all others
 * (`"revoke-others"`), or all (`"revoke-all"`: sign out everywhere). The `id` of a session is
 * its stored hash — it identifies the row but cannot be used as a cookie.
 */
import type { DatabaseAdapter } from "../adapter.js";
import { fail } from "../lib/http/fail.js";
import type { RequestState } from "../lib/http/request-state.js";
import { jsonResponse } from "../lib/http/respond.js";
import { withAdapter } from "../lib/session/adapter-call.js";
import { readDatabaseSession } from "../lib/session/database-session.js";
import { clearSessionCookies } from "../lib/session/jwt-session.js";
import { readChunked } from "../lib/cookies/chunked-cookie.js";
import type { Route } from "./route.js";

async function signedIn(state: RequestState): Promise<{ userId: string; hash: string } | Response> {
  const adapter = state.config.adapter as Partial<DatabaseAdapter> | undefined;
  if (
    state.config.session.strategy !== "database" ||
    typeof adapter?.listSessions !== "function" ||
    typeof adapter.deleteUserSessions !== "function"
  ) {
    return fail(state, {
      status: 400,
      code: "SessionManagementUnavailable",
      message: "Session management needs database sessions and an adapter with listSessions and deleteUserSessions.",
      json: true,
    });
  }
  const read = await readDatabaseSession(state);
  if ("invalid" in read) return jsonResponse({ error: "SessionRequired" }, 401);
  return { userId: read.user.id, hash: read.hash };
}

export const sessionsRoute: Route = {
  provider: "none",
  api: true,
  async GET(state) {
    const who = await signedIn(state);
    if (who instanceof Response) return who;
    const sessions = await withAdapter(state.config, "listSessions", (adapter) => adapter.listSessions(who.userId));
    return jsonResponse({
      sessions: sessions
        .filter((session) => session.expires.getTime() > state.nowMs)
        .map((session) => ({
          id: session.sessionToken,
          current: session.sessionToken === who.hash,
          createdAt: session.createdAt?.toISOString() ?? null,
          lastSeenAt: session.lastSeenAt?.toISOString() ?? null,
          expires: session.expires.toISOString(),
          userAgent: session.userAgent ?? null,
        })),
    });
  },
  async POST(state, { body }) {
    const who = await signedIn(state);
    if (who instanceof Response) return who;
    const { action, id } = body;
    const clear = clearSessionCookies(state, readChunked(state.cookies, state.cookieNames.sessionToken.name));
    if (action === "revoke" && typeof id === "string") {
      const own = await withAdapter(state.config, "listSessions", (adapter) => adapter.listSessions(who.userId));
      if (!own.some((session) => session.sessionToken === id)) return jsonResponse({ error: "UnknownSession" }, 404);
      await withAdapter(state.config, "deleteSession", (adapter) => adapter.deleteSession(id));
      return jsonResponse({ revoked: 1 }, 200, id === who.hash ? clear : []);
    }
    if (action === "revoke-others") {
      const revoked = await withAdapter(state.config, "deleteUserSessions", (adapter) =>
        adapter.deleteUserSessions(who.userId, who.hash),
      );
      return jsonResponse({ revoked });
    }
    if (action === "revoke-all") {
      const revoked = await withAdapter(state.config, "deleteUserSessions", (adapter) =>
        adapter.deleteUserSessions(who.userId),
      );
      return jsonResponse({ revoked }, 200, clear);
    }
    return jsonResponse(
      { error: "BadRequest", message: 'Send action "revoke" (with id), "revoke-others" or "revoke-all".' },
      400,
    );
  },
};
