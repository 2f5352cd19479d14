/**
 * Revoking JWT sessions, which live in the browser's cookie and cannot be deleted from the server:
 *
 * - **sign-out** remembers the token's id (`jti`) in the store until `now + maxAge` — past the
 *   expiry of any copy of that token, however late it was re-issued (a re-issued copy keeps its
 *   id, and nothing is re-issued once the id is revoked);
 * - **sign-out everywhere** stores the user's session epoch: every session of theirs that started
 *   at or before it is over. A token carries when its session started ({@link SESSION_START_CLAIM},
 *   set at sign-in, kept through every re-issue).
 *
 * A token is refused when either says so. Both are read together, once per request.
 */
import { AuthError } from "../../errors.js";
import type { EphemeralStore, JWT } from "../../types.js";
import type { SetCookie } from "../cookies/set-cookie.js";
import { CLOCK_TOLERANCE } from "../token.js";

/**
 * The claim that says when the session started, in milliseconds since the epoch. Gatehouse sets
 * it at sign-in and keeps it through re-issues, whatever the `jwt` callback returns.
 */
export const SESSION_START_CLAIM = "sat";

/** Slack added to every revocation's lifetime, in seconds, beyond the clock tolerance. */
const MARGIN_SECONDS = 60;

/** Key under which a signed-out token id is remembered. */
export function revokedKey(jti: string): string {
  return `gatehouse:revoked:${jti}`;
}

/** Key of a user's session epoch (the time of their last sign-out everywhere). */
export function epochKey(userId: string): string {
  return `gatehouse:epoch:${encodeURIComponent(userId)}`;
}

/**
 * How long a revocation must be kept, in milliseconds: until no token it covers can still be
 * accepted — `maxAge` from now (the latest a copy re-issued before now can expire), or the
 * presented token's own `exp` if a custom encoder set it later, plus the clock tolerance.
 */
export function revocationTtlMs(nowMs: number, maxAge: number, exp?: unknown): number {
  const nowSeconds = Math.floor(nowMs / 1000);
  const left = typeof exp === "number" && Number.isFinite(exp) ? Math.max(exp - nowSeconds, maxAge) : maxAge;
  return (left + CLOCK_TOLERANCE + MARGIN_SECONDS) * 1000;
}

/**
 * The store could not record a revocation: the browser's session cookies are cleared anyway
 * (`cookies`), and the request is answered 503 — a copy of the token would still work, so this
 * is never reported as a success.
 */
export class RevocationStoreError extends AuthError {
  /** The cookies that clear the browser's session. */
  readonly cookies: readonly SetCookie[];
  /**
   * @param cookies the cookies that clear the session.
   * @param cause the store's error.
   */
  constructor(cookies: readonly SetCookie[], cause: unknown) {
    super(
      "StoreError",
      "The store could not record the revocation, so a copy of the session token would still work: the browser's cookies were cleared and the request failed. Check the `store` option (e.g. that Redis is reachable), then sign out again.",
      { cause },
    );
    this.cookies = cookies;
  }
}

/** Records `jti` as signed out. @throws whatever the store throws. */
export async function storeRevokedId(store: EphemeralStore, jti: string, ttlMs: number): Promise<void> {
  await store.set(revokedKey(jti), "1", ttlMs);
}

/**
 * Ends every session of `userId` that started at or before `epochMs`.
 * @throws whatever the store throws.
 */
export async function storeEpoch(store: EphemeralStore, userId: string, epochMs: number, ttlMs: number): Promise<void> {
  await store.set(epochKey(userId), String(epochMs), ttlMs);
}

/**
 * Whether `token` was signed out in `store`: its id revoked, or its user signed out everywhere
 * after its session started (a token without a start time counts as older than any epoch).
 * @throws whatever the store throws.
 */
export async function isRevokedIn(store: EphemeralStore, token: JWT): Promise<boolean> {
  const jti = typeof token.jti === "string" && token.jti !== "" ? token.jti : null;
  const sub = typeof token.sub === "string" && token.sub !== "" ? token.sub : null;
  if (jti === null && sub === null) return false;
  const [revoked, epoch] = await Promise.all([
    jti === null ? null : store.get(revokedKey(jti)),
    sub === null ? null : store.get(epochKey(sub)),
  ]);
  if (revoked !== null) return true;
  if (epoch === null) return false;
  const started = token[SESSION_START_CLAIM];
  return typeof started !== "number" || started <= Number(epoch);
}
