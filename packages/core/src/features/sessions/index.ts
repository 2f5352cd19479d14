/**
 * Session management: list the signed-in user's sessions and revoke one, the others, or all
 * (`sessions` route; `auth.sessions` on the server; `getSessions`/`revokeSessions` in React).
 */
import { defineFeature } from "../feature.js";
import { SESSIONS_ERRORS } from "./errors.js";
import { sessionsRoute } from "./route.js";

export { listUserSessions, revokeUserSessions } from "./manage-sessions.js";

export const sessionsFeature = defineFeature({
  name: "sessions",
  enabled: () => true,
  routes: { sessions: sessionsRoute },
  errors: SESSIONS_ERRORS,
});
