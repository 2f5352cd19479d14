/**
 * Sessions kept in an encrypted cookie (the `jwt` strategy). The token is re-issued only when
 * there is something to write: it is older than `updateAge`, the `jwt` callback changed it, it
 * was sealed by next-auth v4 or with a rotated-out secret, or the session was updated. A token
 * whose id was revoked at sign-out reads as no session.
 */
import { AuthError } from "../../errors.js";
import type { JWT, Session, User } from "../../types.js";
import { runCallback } from "../callbacks.js";
import { readChunked, writeChunked, expireAll, type ChunkedRead } from "../cookies/chunked-cookie.js";
import type { SetCookie } from "../cookies/set-cookie.js";
import type { RequestState } from "../http/request-state.js";
import { refreshIfDue } from "../oauth/refresh.js";
import { openToken, sealToken } from "../token.js";

/** The session cookie as read from a request, before any callback. */
export interface StoredToken {
  token: JWT | null;
  /** What was in the cookie jar (names to expire or overwrite). */
  read: ChunkedRead;
  /** Why the token must be written again even if unchanged. */
  reissue: boolean;
}

/** The outcome of reading the session for a response. */
export interface SessionResult {
  session: Session | null;
  token: JWT | null;
  cookies: SetCookie[];
}

/** Key under which a signed-out token id is remembered. */
export function revokedKey(jti: string): string {
  return `gatehouse:revoked:${jti}`;
}

function secretParam(state: RequestState): string | string[] {
  const { secrets } = state.config;
  return secrets.length === 1 ? (secrets[0] as string) : [...secrets];
}

/** Reads and decrypts the session cookie, and checks the revocation list. */
export async function readStoredToken(state: RequestState): Promise<StoredToken> {
  const { config } = state;
  const name = state.cookieNames.sessionToken.name;
  const read = readChunked(state.cookies, name);
  if (read.value === null) return { token: null, read, reissue: false };

  let token: JWT | null;
  let reissue = false;
  const nowSeconds = Math.floor(state.nowMs / 1000);
  if (config.jwt.decode !== undefined) {
    const decode = config.jwt.decode;
    token = await runCallback("jwt.decode", () =>
      decode({ token: read.value, secret: secretParam(state), salt: name }),
    ).catch((error: unknown) => {
      config.logger.error("JWT_DECODE_ERROR", error);
      return null;
    });
  } else {
    const opened = await openToken(config.keyring, read.value, {
      salt: name,
      legacy: true,
      nowSeconds,
      maxLength: config.maxTokenLength,
    });
    token = opened?.payload ?? null;
    reissue = opened !== null && (opened.legacy || opened.rotated);
  }
  if (token !== null && typeof token.jti === "string" && (await isRevoked(state, token.jti))) token = null;
  if (token !== null && !reissue && typeof token.iat === "number") {
    reissue = nowSeconds - token.iat >= config.session.updateAge;
  }
  return { token, read, reissue };
}

async function isRevoked(state: RequestState, jti: string): Promise<boolean> {
  try {
    return (await state.config.store.get(revokedKey(jti))) !== null;
  } catch (error) {
    throw new AuthError("StoreError", "The store could not be read to check for revoked sessions.", { cause: error });
  }
}

/** Seals `token` into session cookies (replacing whatever pieces `previous` names). */
export async function writeSessionCookies(
  state: RequestState,
  token: JWT,
  previous: readonly string[],
): Promise<SetCookie[]> {
  const { config } = state;
  const cookie = state.cookieNames.sessionToken;
  const maxAge = config.jwt.maxAge;
  const value =
    config.jwt.encode !== undefined
      ? await runCallback("jwt.encode", () =>
          (config.jwt.encode as NonNullable<typeof config.jwt.encode>)({
            token,
            secret: secretParam(state),
            maxAge,
            salt: cookie.name,
          }),
        )
      : await sealToken(config.keyring, cookie.name, token, Math.floor(state.nowMs / 1000), maxAge);
  const options = { ...cookie.options, expires: new Date(state.nowMs + maxAge * 1000) };
  return writeChunked(cookie.name, value, options, previous, config.session.maxCookieBytes);
}

/** Expires every session cookie piece present in the request. */
export function clearSessionCookies(state: RequestState, read: ChunkedRead): SetCookie[] {
  return expireAll(read.names, state.cookieNames.sessionToken.options);
}

/** The session object next-auth builds from a token before the `session` callback. */
export function defaultSession(token: JWT, expires: number): Session {
  const user: NonNullable<Session["user"]> = {};
  if (token.name !== undefined) user.name = token.name;
  if (token.email !== undefined) user.email = token.email;
  if (token.picture !== undefined) user.image = token.picture;
  if (token.sub !== undefined) user.id = token.sub;
  const session: Session = { user, expires: new Date(expires).toISOString() };
  // A failed provider-token refresh is the one token fact the client must see, to sign in again.
  if (typeof token.error === "string") session.error = token.error;
  return session;
}

/**
 * The session for `GET /session`, `getServerSession()` and session updates: reads the cookie,
 * runs the `jwt` and `session` callbacks, and returns the cookies to set.
 */
export async function resolveSession(state: RequestState, update?: { newSession: unknown }): Promise<SessionResult> {
  const { config } = state;
  const stored = await readStoredToken(state);
  if (stored.token === null) {
    return { session: null, token: null, cookies: clearSessionCookies(state, stored.read) };
  }
  const before = config.custom.jwt ? JSON.stringify(stored.token) : "";
  // Provider tokens due for refresh are refreshed before the jwt callback, which sees the result.
  const refreshed = await refreshIfDue(state, stored.token);
  const token =
    update === undefined
      ? await runCallback("jwt", () => config.callbacks.jwt({ token: refreshed.token }))
      : await runCallback("jwt", () =>
          config.callbacks.jwt({ token: refreshed.token, trigger: "update", session: update.newSession }),
        );
  if (token === null || typeof token !== "object") {
    return { session: null, token: null, cookies: clearSessionCookies(state, stored.read) };
  }

  const changed = update !== undefined || refreshed.changed || (config.custom.jwt && JSON.stringify(token) !== before);
  let cookies: SetCookie[] = [];
  let expires = typeof token.exp === "number" ? token.exp * 1000 : state.nowMs + config.jwt.maxAge * 1000;
  if (stored.reissue || changed) {
    config.logger.debug("SESSION_REISSUE", {
      reason: stored.reissue ? "age, rotation or migration" : "token changed",
      token,
    });
    cookies = await writeSessionCookies(state, token, stored.read.names);
    expires = (Math.floor(state.nowMs / 1000) + config.jwt.maxAge) * 1000;
  }
  const base = defaultSession(token, expires);
  // JWT sessions have no stored user; the callback's type says `user` anyway, as next-auth's does.
  const user = undefined as unknown as User;
  // A JavaScript `session` callback may return nothing; that reads as signed out.
  const session = config.custom.session
    ? await runCallback<Session | null | undefined>("session", () =>
        config.callbacks.session(
          update === undefined
            ? { session: base, token, user }
            : { session: base, token, user, newSession: update.newSession, trigger: "update" },
        ),
      )
    : base;
  return { session: session ?? null, token, cookies };
}
