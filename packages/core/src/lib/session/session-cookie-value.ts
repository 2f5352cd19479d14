/**
 * The database-session cookie's value: `<token>.<start>` — a random token of 256 bits (or the
 * app's `session.generateSessionToken()`) and the session's start, in whole seconds since the
 * epoch. The database keys the session by the SHA-256 of the whole value, so the start cannot be
 * edited: a changed value is an unknown session. Carrying the start in the cookie keeps
 * `session.absoluteMaxAge` enforced with every adapter, also those (written for next-auth) that
 * store no `createdAt`.
 */

const START = /^[0-9]{1,12}$/;

/** The cookie value for a new session that starts at `nowMs`. */
export function sessionCookieValue(token: string, nowMs: number): string {
  return `${token}.${Math.floor(nowMs / 1000)}`;
}

/**
 * When the session behind a cookie value began (ms), from the value itself and from the row's
 * `createdAt` where the adapter keeps one: the row's to the millisecond when it falls in the
 * cookie's second, else the earlier of the two; `null` when neither says (a cookie from before
 * starts were carried, on an adapter without `createdAt`).
 */
export function sessionStart(value: string, createdAt: Date | null | undefined): number | null {
  const dot = value.lastIndexOf(".");
  const suffix = dot === -1 ? "" : value.slice(dot + 1);
  const fromCookie = START.test(suffix) ? Number(suffix) * 1000 : null;
  const fromRow = createdAt instanceof Date && !Number.isNaN(createdAt.getTime()) ? createdAt.getTime() : null;
  if (fromCookie === null) return fromRow;
  if (fromRow === null) return fromCookie;
  return fromRow >= fromCookie && fromRow < fromCookie + 1000 ? fromRow : Math.min(fromCookie, fromRow);
}
