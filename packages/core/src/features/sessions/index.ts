/**
 * Session management: list the signed-in user's sessions and revoke one, the others, or all
 * (`sessions` route; `auth.sessions` on the server; `getSessions`/`revokeSessions` in React).
 */
import type { RequestState } from "../../lib/http/request-state.js";
import type { SessionRevocation } from "../../lib/session/strategy.js";
import { defineFeature } from "../feature.js";
import { SESSIONS_ERRORS } from "./errors.js";
import { listUserSessions, revokeUserSessions } from "./manage-sessions.js";
import { sessionsRoute } from "./route.js";

export { listUserSessions, revokeUserSessions } from "./manage-sessions.js";

export const sessionsFeature = defineFeature({
  name: "sessions",
  enabled: () => true,
  routes: { sessions: sessionsRoute },
  errors: SESSIONS_ERRORS,
  api: {
    /** The signed-in user's sessions, newest first; `null` when signed out. */
    list: async (state: RequestState) => ({ value: await listUserSessions(state) }),
    /** Ends sessions of the signed-in user; resolves with how many ended. */
    async revoke(state: RequestState, target: SessionRevocation) {
      const result = await revokeUserSessions(state, target);
      return { value: result?.revoked ?? 0, cookies: result?.cookies ?? [] };
    },
  },
});
