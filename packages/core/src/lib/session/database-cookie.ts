/**
 * The database session behind a request's cookie: the cookie holds a random token, the database
 * its SHA-256; one query reads the session with its user, once per request.
 */
import { base64urlEncode, sha256 } from "#crypto";
import type { AdapterSession, AdapterUser } from "../../adapter.js";
import { withAdapter } from "../adapter-call.js";
import { readChunked, type ChunkedRead } from "../cookies/chunked-cookie.js";
import { utf8 } from "../encoding.js";
import type { RequestState } from "../http/request-state.js";

/** The request's session cookie and what the database says about it, read once per request. */
export type StoredSession =
  | { session: AdapterSession; user: AdapterUser; hash: string; read: ChunkedRead }
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
  const created = found.session.createdAt?.getTime();
  const tooOld =
    absoluteMaxAge !== undefined && created !== undefined && created + absoluteMaxAge * 1000 <= state.nowMs;
  if (found.session.expires.getTime() <= state.nowMs || tooOld) return { invalid: true, hash, read };
  return { session: found.session, user: found.user, hash, read };
}
