/** Session management on the server (app router): the signed-in user's sessions, and revoking them. */
import type { SessionInfo, SessionRevocation } from "@gatehouse/core";
import type { AuthOptions } from "../types.js";
import { instanceFor } from "./instance.js";
import { requestFromNext, writeNextCookies } from "./next-request.js";

/** The signed-in user's sessions, newest first, or `null` when signed out. */
export async function listSessionsFromNext(options: AuthOptions): Promise<SessionInfo[] | null> {
  const request = await requestFromNext();
  return instanceFor(options).sessions.list(request);
}

/**
 * Ends sessions of the signed-in user (one by id, `"others"`, or `"all"`); resolves with how many
 * ended. Ending the current session also clears its cookie (in server actions and route handlers).
 */
export async function revokeSessionsFromNext(options: AuthOptions, target: SessionRevocation): Promise<number> {
  const request = await requestFromNext();
  const result = await instanceFor(options).sessions.revoke(request, target);
  if (result === null) return 0;
  await writeNextCookies(result.cookies);
  return result.revoked;
}
