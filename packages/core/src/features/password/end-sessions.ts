/**
 * After a password reset or change, the user's other sessions end. Database sessions are deleted
 * (every one after a reset; all but the caller's after a change). JWT sessions end through the
 * session strategy's revocation when it offers one; the store-wide per-user session epoch is what
 * makes copies of a user's tokens elsewhere stop working.
 */
import { withAdapter } from "../../lib/adapter-call.js";
import type { SetCookie } from "../../lib/cookies/set-cookie.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { RevocationStoreError, revocationTtlMs, storeEpoch } from "../../lib/session/revocation.js";

/**
 * Ends every session of `userId` (a reset: nobody proved to be that user's session).
 * @returns the cookies that sign this browser out too.
 */
export async function endEverySession(state: RequestState, userId: string): Promise<readonly SetCookie[]> {
  const { runtime } = state;
  let cookies: readonly SetCookie[] = [];
  const current = await runtime.strategy.currentUser(state).catch(() => null);
  if (current?.id === userId) cookies = (await runtime.strategy.end(state)).cookies;
  if (runtime.strategy.name === "database") {
    await withAdapter(runtime, "deleteUserSessions", (adapter) => adapter.deleteUserSessions(userId));
  } else {
    // JWT sessions: the user's session epoch moves to now, so every token issued before it,
    // wherever it was copied, is refused (the store keeps the epoch for the tokens' lifetime).
    const ttl = revocationTtlMs(state.nowMs, state.config.jwt.maxAge);
    await storeEpoch(runtime.store, userId, state.nowMs, ttl).catch((error: unknown) => {
      throw new RevocationStoreError(cookies, error);
    });
  }
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
