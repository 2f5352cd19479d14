/**
 * Gatehouse's session management route: `GET sessions` lists the signed-in user's sessions;
 * `POST sessions` (with the CSRF token) revokes one (`{ action: "revoke", id }`), all the others
 * (`"revoke-others"`), or all of them (`"revoke-all"`: sign out everywhere).
 */
import { ConfigError } from "../../errors.js";
import { fail, serverFailure } from "../../lib/http/fail.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { jsonResponse } from "../../lib/http/respond.js";
import { RevocationStoreError } from "../../lib/session/revocation.js";
import type { SessionRevocation } from "../../lib/session/strategy.js";
import type { Route } from "../feature.js";
import { listUserSessions, revokeUserSessions } from "./manage-sessions.js";

function unavailable(state: RequestState, error: unknown): Response | Promise<Response> {
  // Not recorded: 503, never a success (the cookie is cleared if the caller's session was to end).
  if (error instanceof RevocationStoreError) return serverFailure(state, error, true, error.cookies);
  if (!(error instanceof ConfigError)) throw error;
  return fail(state, { status: 400, code: "SessionManagementUnavailable", message: error.message, json: true });
}

function revocation(body: Record<string, unknown>): SessionRevocation | null {
  if (body.action === "revoke-others") return "others";
  if (body.action === "revoke-all") return "all";
  if (body.action === "revoke" && typeof body.id === "string" && body.id.length > 0 && body.id.length <= 64) {
    return { id: body.id };
  }
  return null;
}

export const sessionsRoute: Route = {
  provider: "none",
  api: true,
  async GET(state) {
    try {
      const sessions = await listUserSessions(state);
      if (sessions === null) return jsonResponse({ error: "SessionRequired" }, 401);
      return jsonResponse({ sessions });
    } catch (error) {
      return unavailable(state, error);
    }
  },
  async POST(state, { body }) {
    const target = revocation(body);
    if (target === null) {
      return jsonResponse(
        {
          error: "BadRequest",
          message: 'Send action "revoke" (with the session id), "revoke-others" or "revoke-all".',
        },
        400,
      );
    }
    try {
      const result = await revokeUserSessions(state, target);
      if (result === null) return jsonResponse({ error: "SessionRequired" }, 401);
      if (typeof target === "object" && result.revoked === 0) return jsonResponse({ error: "UnknownSession" }, 404);
      return jsonResponse({ revoked: result.revoked }, 200, result.cookies);
    } catch (error) {
      return unavailable(state, error);
    }
  },
};
