/**
 * Sessions kept in an encrypted cookie (the `jwt` strategy). The cookie is read, reassembled
 * and decrypted once per request. The token is re-issued only when there is something to write:
 * it is older than `updateAge`, the `jwt` callback changed it, it was sealed by next-auth v4 or
 * with a rotated-out secret, or the session was updated. A token whose id was revoked at
 * sign-out, or whose session started before the user signed out everywhere, reads as no session
 * (see revocation.ts).
 */
import { AuthError, ConfigError, SessionTooLargeError } from "../../errors.js";
import type { JWT, Session, User } from "../../types.js";
import { runCallback } from "../callbacks.js";
import { expireAll, readChunked, writeChunked, type ChunkedRead } from "../cookies/chunked-cookie.js";
import { expiredCookie, type SetCookie } from "../cookies/set-cookie.js";
import type { RequestState } from "../http/request-state.js";
import type { ResolvedConfig } from "../config/resolved-config.js";
import { openToken, sealToken } from "../token.js";
import {
  RevocationStoreError,
  SESSION_START_CLAIM,
  isRevokedIn,
  revocationTtlMs,
  storeEpoch,
  storeRevokedId,
} from "./revocation.js";
import { authenticationOf, withAuthentication } from "./authentication.js";
import type {
  Authentication,
  CurrentUser,
  EndedSession,
  RevocationResult,
  SessionResult,
  SessionRevocation,
  SessionStart,
  SessionStrategy,
} from "./strategy.js";

/** The session cookie as read from a request, before any callback. */
export interface StoredToken {
  token: JWT | null;
  /** What was in the cookie jar (names to expire or overwrite). */
  read: ChunkedRead;
  /** Why the token must be written again even if unchanged. */
  reissue: boolean;
}

const STORED = Symbol("jwt session cookie");

function secretParam(state: RequestState): string | string[] {
  const { secrets } = state.config;
  return secrets.length === 1 ? (secrets[0] as string) : [...secrets];
}

/** Reads and decrypts the session cookie and checks the revocation list, once per request. */
function readStoredToken(state: RequestState): Promise<StoredToken> {
  let stored = state.memo.get(STORED) as Promise<StoredToken> | undefined;
  if (stored === undefined) {
    stored = openStoredToken(state);
    state.memo.set(STORED, stored);
  }
  return stored;
}

async function openStoredToken(state: RequestState): Promise<StoredToken> {
  const { config, runtime } = state;
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
      runtime.logger.error("JWT_DECODE_ERROR", error);
      return null;
    });
  } else {
    const opened = await openToken(runtime.keyring, read.value, {
      salt: name,
      legacy: true,
      nowSeconds,
      maxLength: config.maxTokenLength,
    });
    token = opened?.payload ?? null;
    reissue = opened !== null && (opened.legacy || opened.rotated);
  }
  if (token !== null && (await isRevoked(state, token))) token = null;
  if (token !== null && !reissue && typeof token.iat === "number") {
    reissue = nowSeconds - token.iat >= config.session.updateAge;
  }
  return { token, read, reissue };
}

async function isRevoked(state: RequestState, token: JWT): Promise<boolean> {
  try {
    return await isRevokedIn(state.runtime.store, token);
  } catch (error) {
    throw new AuthError("StoreError", "The store could not be read to check for revoked sessions.", { cause: error });
  }
}

/** Seals `token` into session cookies (replacing whatever pieces `previous` names). */
async function writeSessionCookies(state: RequestState, token: JWT, previous: readonly string[]): Promise<SetCookie[]> {
  const { config } = state;
  const cookie = state.cookieNames.sessionToken;
  const maxAge = config.jwt.maxAge;
  const encode = config.jwt.encode;
  const value =
    encode !== undefined
      ? await runCallback("jwt.encode", () => encode({ token, secret: secretParam(state), maxAge, salt: cookie.name }))
      : await sealToken(state.runtime.keyring, cookie.name, token, Math.floor(state.nowMs / 1000), maxAge);
  const options = { ...cookie.options, expires: new Date(state.nowMs + maxAge * 1000) };
  return writeChunked(cookie.name, value, options, previous, config.session.maxCookieBytes);
}

/** Expires every session cookie piece present in the request. */
export function clearSessionCookies(state: RequestState, read: ChunkedRead): SetCookie[] {
  return expireAll(read.names, state.cookieNames.sessionToken.options);
}

/**
 * The session object next-auth v4 builds from a token before the `session` callback: name,
 * email and image — no id (apps add `token.sub` in a `session` callback, as with next-auth).
 */
function defaultSession(config: ResolvedConfig, token: JWT, expires: number): Session {
  const user: NonNullable<Session["user"]> = {};
  if (token.name !== undefined) user.name = token.name;
  if (token.email !== undefined) user.email = token.email;
  if (token.picture !== undefined) user.image = token.picture;
  const session: Session = { user, expires: new Date(expires).toISOString() };
  // A failed provider-token refresh is the one token fact the client must see, to sign in again.
  if (typeof token.error === "string") session.error = token.error;
  const at = typeof token.authenticatedAt === "number" ? token.authenticatedAt * 1000 : null;
  return withAuthentication(config, session, at, token.amr);
}

/** next-auth's starting token: name, email, picture and `sub`, where the user has them. */
function initialToken(user: User): JWT {
  const token: JWT = {};
  if (user.name !== undefined) token.name = user.name;
  if (user.email !== undefined) token.email = user.email;
  if (user.image !== undefined) token.picture = user.image;
  // next-auth v4's `sub: user.id?.toString()` (a credentials user's id may be a number).
  const id: unknown = user.id;
  if ((typeof id === "string" && id.length > 0) || (typeof id === "number" && Number.isFinite(id)))
    token.sub = String(id);
  return token;
}

/**
 * Remembers a token id as signed out until `now + maxAge`: no copy of the token, however late it
 * was re-issued, expires after that.
 * @throws {RevocationStoreError} (clearing with `cookies`) when the store cannot record it.
 */
async function revokeId(state: RequestState, jti: string, exp: unknown, cookies: readonly SetCookie[]): Promise<void> {
  try {
    await storeRevokedId(state.runtime.store, jti, revocationTtlMs(state.nowMs, state.config.jwt.maxAge, exp));
  } catch (error) {
    throw new RevocationStoreError(cookies, error);
  }
}

/**
 * What a re-issued token must keep from the one it replaces, whatever the `jwt` callback
 * returned: its id (so a revocation covers every copy), when its session started (so sign-out
 * everywhere does), and how and when the user last authenticated (step-up).
 */
function keepIdentity(token: JWT, from: JWT): JWT {
  const kept: JWT = { ...token };
  if (typeof from.jti === "string" && from.jti !== "") kept.jti = from.jti;
  for (const claim of [SESSION_START_CLAIM, "authenticatedAt"]) {
    if (typeof from[claim] === "number") kept[claim] = from[claim];
  }
  if (Array.isArray(from.amr)) kept.amr = from.amr;
  return kept;
}

/** Runs every extension's token refresh, in order. */
async function refreshToken(state: RequestState, token: JWT): Promise<{ token: JWT; changed: boolean }> {
  let current = { token, changed: false };
  for (const extension of state.runtime.extensions) {
    if (extension.refreshToken === undefined) continue;
    const next = await extension.refreshToken(state, current.token);
    current = { token: next.token, changed: current.changed || next.changed };
  }
  return current;
}

async function resolve(state: RequestState, update?: { newSession: unknown }): Promise<SessionResult> {
  const { config } = state;
  const stored = await readStoredToken(state);
  if (stored.token === null) {
    return { session: null, token: null, cookies: clearSessionCookies(state, stored.read) };
  }
  const before = config.custom.jwt ? JSON.stringify(stored.token) : "";
  // Provider tokens due for refresh are refreshed before the jwt callback, which sees the result.
  const refreshed = await refreshToken(state, stored.token);
  const returned =
    update === undefined
      ? await runCallback("jwt", () => config.callbacks.jwt({ token: refreshed.token }))
      : await runCallback("jwt", () =>
          config.callbacks.jwt({ token: refreshed.token, trigger: "update", session: update.newSession }),
        );
  if (returned === null || typeof returned !== "object") {
    return { session: null, token: null, cookies: clearSessionCookies(state, stored.read) };
  }
  const token = keepIdentity(returned, stored.token);

  const changed = update !== undefined || refreshed.changed || (config.custom.jwt && JSON.stringify(token) !== before);
  let cookies: SetCookie[] = [];
  let expires = typeof token.exp === "number" ? token.exp * 1000 : state.nowMs + config.jwt.maxAge * 1000;
  if (stored.reissue || changed) {
    state.runtime.logger.debug("SESSION_REISSUE", {
      reason: stored.reissue ? "age, rotation or migration" : "token changed",
      token,
    });
    cookies = await writeSessionCookies(state, token, stored.read.names);
    expires = (Math.floor(state.nowMs / 1000) + config.jwt.maxAge) * 1000;
  }
  const base = defaultSession(config, token, expires);
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

async function issue(state: RequestState, start: SessionStart): Promise<SetCookie[] | null> {
  const { config } = state;
  const { user, account, profile, isNewUser } = start;
  let claims: Record<string, unknown> = {};
  for (const extension of state.runtime.extensions) {
    if (extension.signInClaims !== undefined) claims = { ...claims, ...extension.signInClaims(state, account) };
  }
  const authentication = authenticationOf(start, state.nowMs);
  const recorded = { authenticatedAt: Math.floor(authentication.at / 1000), amr: [...authentication.amr] };
  // The jwt callback sees next-auth's starting token; the authentication is recorded after it.
  const token = await runCallback("jwt", () =>
    config.callbacks.jwt({
      token: { ...claims, ...initialToken(user) },
      user,
      account,
      ...(profile === undefined ? {} : { profile }),
      trigger: isNewUser ? "signUp" : "signIn",
      isNewUser,
    }),
  );
  if (token === null || typeof token !== "object") return null;
  // The session this sign-in replaces ends like a sign-out; if the store cannot say or record
  // that, the sign-in fails (503) rather than leave a copy of the old token working.
  const previous = await readStoredToken(state);
  if (typeof previous.token?.jti === "string") await revokeId(state, previous.token.jti, previous.token.exp, []);
  // A new session starts now: sign-out everywhere ends the sessions that started before it.
  return writeWhatFits(state, { ...token, ...recorded, [SESSION_START_CLAIM]: state.nowMs }, previous.read.names);
}

/**
 * Writes the token; if it does not fit, leaves out the display claims of next-auth's default
 * token that a provider can make huge (`picture` — a `data:` URL, say — then `name`) before
 * giving up. Other claims are never dropped.
 * @throws {SessionTooLargeError} when the token does not fit even so.
 */
async function writeWhatFits(state: RequestState, token: JWT, previous: readonly string[]): Promise<SetCookie[]> {
  let current = token;
  const dropped: string[] = [];
  for (;;) {
    try {
      const cookies = await writeSessionCookies(state, current, previous);
      if (dropped.length > 0) {
        state.runtime.logger.warn(
          "SESSION_CLAIMS_DROPPED",
          `The session token left out ${dropped.join(" and ")} to fit in session.maxCookieBytes.`,
        );
      }
      return cookies;
    } catch (error) {
      const next = (["picture", "name"] as const).find((claim) => current[claim] !== undefined);
      if (!(error instanceof SessionTooLargeError) || next === undefined) throw error;
      const { [next]: _left, ...rest } = current;
      current = rest;
      dropped.push(next);
    }
  }
}

/** Step-up: the same token, with the new authentication recorded. */
async function reauthenticate(state: RequestState, authentication: Authentication): Promise<SetCookie[] | null> {
  const stored = await readStoredToken(state);
  if (stored.token === null) return null;
  const token: JWT = {
    ...stored.token,
    authenticatedAt: Math.floor(authentication.at / 1000),
    amr: [...authentication.amr],
  };
  return writeSessionCookies(state, token, stored.read.names);
}

async function end(state: RequestState): Promise<EndedSession> {
  let stored: StoredToken;
  try {
    stored = await readStoredToken(state);
  } catch (error) {
    // The store could not say whether the token was revoked, so it cannot record that it is now.
    const cookie = state.cookieNames.sessionToken;
    throw new RevocationStoreError([expiredCookie(cookie.name, cookie.options)], error);
  }
  const { token } = stored;
  const cookies = clearSessionCookies(state, stored.read);
  if (typeof token?.jti === "string") await revokeId(state, token.jti, token.exp, cookies);
  const oauth = token?.oauth;
  const provider =
    typeof oauth === "object" && oauth !== null && typeof (oauth as { provider?: unknown }).provider === "string"
      ? (oauth as { provider: string }).provider
      : null;
  return { event: { token }, provider, cookies };
}

/**
 * Sign-out everywhere (`"all"`) or everywhere else (`"others"`): the user's session epoch moves
 * to now, which ends every session of theirs that started before — on every instance sharing the
 * store. With `"others"` the caller's own session is re-issued as starting just after it. The
 * sessions ended cannot be counted: `revoked` is 1 for `"all"` (the caller's) and 0 for `"others"`. One
 * session by id needs sessions that can be listed (the database strategy).
 * @throws {ConfigError} for `{ id }`.
 * @throws {RevocationStoreError} when the store cannot record the epoch (`"all"` clears the cookie).
 */
async function revoke(state: RequestState, target: SessionRevocation): Promise<RevocationResult | null> {
  if (typeof target === "object") {
    throw new ConfigError(
      "InvalidOption",
      'Revoking one session by id needs `session.strategy: "database"` and an adapter with listSessions and deleteUserSessions; JWT sessions can revoke "others" or "all".',
    );
  }
  const stored = await readStoredToken(state);
  const { token } = stored;
  if (typeof token?.sub !== "string" || token.sub === "") return null;
  const epoch = state.nowMs;
  const cleared = clearSessionCookies(state, stored.read);
  await moveEpoch(state, token.sub, target === "all" ? cleared : []);
  // JWT sessions cannot be counted: the count is the caller's own session, the one known to end.
  if (target === "all") return { revoked: 1, cookies: cleared };
  const kept = await writeSessionCookies(state, { ...token, [SESSION_START_CLAIM]: epoch + 1 }, stored.read.names);
  return { revoked: 0, cookies: kept };
}

/**
 * Moves `userId`'s session epoch to now, so every token issued before it is refused wherever it
 * was copied (the store keeps the epoch for the tokens' lifetime).
 * @throws {RevocationStoreError} carrying `cookies` when the store cannot record it.
 */
async function moveEpoch(state: RequestState, userId: string, cookies: readonly SetCookie[]): Promise<void> {
  const epoch = state.nowMs;
  try {
    await storeEpoch(state.runtime.store, userId, epoch, revocationTtlMs(epoch, state.config.jwt.maxAge));
  } catch (error) {
    throw new RevocationStoreError(cookies, error);
  }
}

/** Sessions in an encrypted cookie. */
export const jwtStrategy: SessionStrategy = Object.freeze({
  name: "jwt" as const,
  async currentUser(state: RequestState): Promise<CurrentUser | null> {
    const token = (await readStoredToken(state).catch(() => null))?.token;
    if (typeof token?.sub !== "string" || token.sub === "") return null;
    return {
      id: token.sub,
      ...(typeof token.name === "string" ? { name: token.name } : {}),
      ...(typeof token.email === "string" ? { email: token.email } : {}),
      ...(typeof token.picture === "string" ? { image: token.picture } : {}),
    };
  },
  resolve,
  issue,
  reauthenticate,
  end,
  revoke,
  endUserSessions: (state: RequestState, userId: string) => moveEpoch(state, userId, []),
});
