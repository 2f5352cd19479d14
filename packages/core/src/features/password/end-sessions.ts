/**
 * After a password reset or change, the user's other sessions end. Database sessions are deleted
 * (every one after a reset; all but the caller's after a change). JWT sessions end through the
 * store-wide per-user session epoch, which makes copies of a user's tokens elsewhere stop working.
 * Each strategy knows how: `endUserSessions` and `revoke`.
 */
import type { SetCookie } from "../../lib/cookies/set-cookie.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { RevocationStoreError } from "../../lib/session/revocation.js";

/**
 * Ends every session of `userId` (a reset: nobody proved to be that user's session).
 * @returns the cookies that sign this browser out too.
 */
export async function endEverySession(state: RequestState, userId: string): Promise<readonly SetCookie[]> {
  const { runtime } = state;
  let cookies: readonly SetCookie[] = [];
  const current = await runtime.strategy.currentUser(state).catch(() => null);
  if (current?.id === userId) cookies = (await runtime.strategy.end(state)).cookies;
  await runtime.strategy.endUserSessions(state, userId).catch((error: unknown) => {
    // The browser's own session is over either way: its cookies go out with the 503.
    throw error instanceof RevocationStoreError ? new RevocationStoreError(cookies, error.cause) : error;
  });
  return cookies;
}

/**
 * Ends the signed-in user's other sessions (a change: this one proved the password).
 * @returns the cookies to set (a strategy may re-issue the caller's own).
 */
export async function endOtherSessions(state: RequestState): Promise<readonly SetCookie[]> {
  const { strategy } = state.runtime;
  if (strategy.revoke === undefined) return [];
  return (await strategy.revoke(state, "others"))?.cookies ?? [];
}
