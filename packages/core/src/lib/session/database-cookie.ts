/**
 * The database session behind a request's cookie: the cookie holds a random token and the
 * session's start (see `session-cookie-value.ts`), the database the SHA-256 of that value; one
 * query reads the session with its user, once per request.
 */
import { base64urlEncode, sha256 } from "#crypto";
import type { AdapterSession, AdapterUser } from "../../adapter.js";
import { withAdapter } from "../adapter-call.js";
import { readChunked, type ChunkedRead } from "../cookies/chunked-cookie.js";
import { utf8 } from "../encoding.js";
import type { RequestState } from "../http/request-state.js";
import { sessionStart } from "./session-cookie-value.js";

/** The request's session cookie and what the database says about it, read once per request. */
export type StoredSession =
  /** `started`: when the session began (from the cookie, or the row), in ms. */
  | { session: AdapterSession; user: AdapterUser; hash: string; read: ChunkedRead; started: number | null }
  | { invalid: true; hash: string | null; read: ChunkedRead };

const STORED = Symbol("database session cookie");

/** The stored form of a session token. */
export async function hashSessionToken(token: string): Promise<string> {
  return base64urlEncode(await sha256(utf8.encode(token)));
}

/** The session and user behind the request's cookie, if it is valid now (no callbacks, no writes). */
export function readStoredSession(state: RequestState): Promise<StoredSession> {
  let stored = state.memo.get(STORED) as Promise<StoredSession> | undefined;
  if (stored === undefined) {
    stored = lookUp(state);
    state.memo.set(STORED, stored);
  }
  return stored;
}

async function lookUp(state: RequestState): Promise<StoredSession> {
  const read = readChunked(state.cookies, state.cookieNames.sessionToken.name);
  const token = read.value;
  if (token === null || token.length > 512) return { invalid: true, hash: null, read };
  const hash = await hashSessionToken(token);
  const found = await withAdapter(state.runtime, "getSessionAndUser", (adapter) => adapter.getSessionAndUser(hash));
  if (found === null) return { invalid: true, hash: null, read };
  const { absoluteMaxAge } = state.config.session;
  // The start comes from the cookie (covered by its hash) or the row; with neither, an absolute
  // lifetime cannot be vouched for, so the session ends rather than outlive it.
  const started = sessionStart(token, found.session.createdAt);
  const tooOld = absoluteMaxAge !== undefined && (started === null || started + absoluteMaxAge * 1000 <= state.nowMs);
  if (found.session.expires.getTime() <= state.nowMs || tooOld) return { invalid: true, hash, read };
  return { session: found.session, user: found.user, hash, read, started };
}
