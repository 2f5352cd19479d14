/**
 * `GET session`: the current session, or `{}` when signed out (next-auth's contract), refreshing
 * the cookie when due. `POST session`: update it — the `jwt` callback runs with
 * `trigger: "update"` and the posted `data` as `session`.
 */
import type { RequestState } from "../../lib/http/request-state.js";
import { jsonResponse } from "../../lib/http/respond.js";
import { readSession } from "../../lib/session/read-session.js";
import type { Route } from "../feature.js";

async function respond(state: RequestState, update?: { newSession: unknown }): Promise<Response> {
  const { session, cookies } = await readSession(state, update);
  return jsonResponse(session ?? {}, 200, cookies);
}

export const sessionRoute: Route = {
  provider: "none",
  api: true,
  GET: (state) => respond(state),
  POST: (state, { body }) => respond(state, { newSession: body.data }),
};
