/**
 * Sessions kept in the database (`session.strategy: "database"`). The cookie holds a random
 * token of 256 bits and the session's start (see `session-cookie-value.ts`); the database holds
 * only the SHA-256 of that value, so a leaked table signs nobody in.
 * One query reads a session with its user; writes happen at most once per `updateAge`. An
 * expired or unknown token is refused, its row deleted and its cookie cleared.
 */
import { base64urlDecode, base64urlEncode, randomBytes, sha256 } from "#crypto";
import type { AdapterAccount, AdapterSession, AdapterUser } from "../../adapter.js";
import type { Account, Session, User } from "../../types.js";
import { refreshAccountIfDue, refreshingProvider } from "../oauth/refresh.js";
import { runCallback } from "../callbacks.js";
import { readChunked, writeChunked } from "../cookies/chunked-cookie.js";
import { expiredCookie, type SetCookie } from "../cookies/set-cookie.js";
import { utf8 } from "../encoding.js";
import type { RequestState } from "../http/request-state.js";
import { withAdapter } from "./adapter-call.js";
import { sessionCookieValue, sessionStart } from "./session-cookie-value.js";
import { clearSessionCookies, type SessionResult } from "./jwt-session.js";

/** `maxAge` from now, but never past the absolute lifetime counted from the session's start (ms). */
function slidingExpiry(state: RequestState, createdAt: number): number {
  const { maxAge, absoluteMaxAge } = state.config.session;
  const sliding = state.nowMs + maxAge * 1000;
  return absoluteMaxAge === undefined ? sliding : Math.min(sliding, createdAt + absoluteMaxAge * 1000);
}

/** The stored form of a session token. */
export async function hashSessionToken(token: string): Promise<string> {
  return base64urlEncode(await sha256(utf8.encode(token)));
}

function sessionCookie(state: RequestState, token: string, expires: Date): SetCookie[] {
  const cookie = state.cookieNames.sessionToken;
  const read = readChunked(state.cookies, cookie.name);
  return writeChunked(
    cookie.name,
    token,
    { ...cookie.options, expires },
    read.names,
    state.config.session.maxCookieBytes,
  );
}

/** Which provider account a session signed in with. */
export interface AccountHint {
  provider: string;
  providerAccountId: string;
}

/**
 * A session row does not record its provider account, so for providers that need it later —
 * RP-initiated logout (`logout: true`) and token refresh (`refresh: true`) — it rides in a cookie
 * beside the session's. The cookie grants nothing: only a configured provider is acted on, and
 * only an account of the session's own user is read.
 */
export function accountHintCookie(state: RequestState, hint: AccountHint | null, expires?: Date): SetCookie[] {
  const session = state.cookieNames.sessionToken;
  const name = `${session.name}-idp`;
  if (hint !== null) {
    const value = `${base64urlEncode(utf8.encode(hint.provider))}.${base64urlEncode(utf8.encode(hint.providerAccountId))}`;
    return [{ name, value, options: { ...session.options, expires } }];
  }
  return state.cookies.has(name) ? [expiredCookie(name, session.options)] : [];
}

/** The account {@link accountHintCookie} recorded, if the cookie is there and well formed. */
export function accountHint(state: RequestState): AccountHint | null {
  const value = state.cookies.get(`${state.cookieNames.sessionToken.name}-idp`);
  const [provider, account, extra] = value?.split(".") ?? [];
  if (provider === undefined || account === undefined || extra !== undefined || value === undefined) return null;
  if (value.length > 1024) return null;
  const providerBytes = base64urlDecode(provider);
  const accountBytes = base64urlDecode(account);
  if (providerBytes === null || accountBytes === null) return null;
  try {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    return { provider: decoder.decode(providerBytes), providerAccountId: decoder.decode(accountBytes) };
  } catch {
    return null;
  }
}

/**
 * Starts a session for `userId`; returns the cookies (replacing any session the browser had).
 * `hint` names the provider account, for providers that sign out at the IdP or refresh tokens.
 */
export async function createDatabaseSession(
  state: RequestState,
  userId: string,
  hint: AccountHint | null = null,
): Promise<SetCookie[]> {
  const { config } = state;
  const previous = readChunked(state.cookies, state.cookieNames.sessionToken.name).value;
  if (previous !== null) {
    const hash = await hashSessionToken(previous);
    await withAdapter(config, "deleteSession", (adapter) => adapter.deleteSession(hash));
  }
  const token = sessionCookieValue(
    config.session.generateSessionToken?.() ?? base64urlEncode(randomBytes(32)),
    state.nowMs,
  );
  const now = new Date(state.nowMs);
  const expires = new Date(slidingExpiry(state, state.nowMs));
  await withAdapter(config, "createSession", async (adapter) =>
    adapter.createSession({
      sessionToken: await hashSessionToken(token),
      userId,
      expires,
      createdAt: now,
      lastSeenAt: now,
      userAgent: state.request.headers.get("user-agent")?.slice(0, 512) ?? null,
    }),
  );
  return [...sessionCookie(state, token, expires), ...accountHintCookie(state, hint, expires)];
}

/** The session and user behind the request's cookie, if it is valid now (no callbacks, no writes). */
export async function readDatabaseSession(
  state: RequestState,
): Promise<
  | { session: AdapterSession; user: AdapterUser; hash: string; started: number | null }
  | { invalid: true; hash: string | null }
> {
  const token = readChunked(state.cookies, state.cookieNames.sessionToken.name).value;
  if (token === null || token.length > 512) return { invalid: true, hash: null };
  const hash = await hashSessionToken(token);
  const found = await withAdapter(state.config, "getSessionAndUser", (adapter) => adapter.getSessionAndUser(hash));
  if (found === null) return { invalid: true, hash: null };
  const { absoluteMaxAge } = state.config.session;
  // The start comes from the cookie (covered by its hash) or the row; with neither, an absolute
  // lifetime cannot be vouched for, so the session ends rather than outlive it.
  const started = sessionStart(token, found.session.createdAt);
  const tooOld = absoluteMaxAge !== undefined && (started === null || started + absoluteMaxAge * 1000 <= state.nowMs);
  if (found.session.expires.getTime() <= state.nowMs || tooOld) return { invalid: true, hash };
  return { session: found.session, user: found.user, hash, started };
}

function publicUser(user: AdapterUser): NonNullable<Session["user"]> {
  const out: NonNullable<Session["user"]> = { id: user.id };
  if (user.name !== undefined) out.name = user.name;
  out.email = user.email;
  if (user.image !== undefined) out.image = user.image;
  return out;
}

/** `GET /session` (and updates) with database sessions. */
export async function resolveDatabaseSession(
  state: RequestState,
  update?: { newSession: unknown },
): Promise<SessionResult & { user?: User }> {
  const { config } = state;
  const read = await readDatabaseSession(state);
  if ("invalid" in read) {
    if (read.hash !== null) {
      const hash = read.hash;
      await withAdapter(config, "deleteSession", (adapter) => adapter.deleteSession(hash));
    }
    return {
      session: null,
      token: null,
      cookies: clearSessionCookies(state, readChunked(state.cookies, state.cookieNames.sessionToken.name)),
    };
  }

  let expires = read.session.expires;
  let cookies: SetCookie[] = [];
  const lastSeen = read.session.lastSeenAt?.getTime() ?? expires.getTime() - config.session.maxAge * 1000;
  if (state.nowMs - lastSeen >= config.session.updateAge * 1000) {
    expires = new Date(slidingExpiry(state, read.started ?? state.nowMs));
    const hash = read.hash;
    await withAdapter(config, "updateSession", (adapter) =>
      adapter.updateSession({ sessionToken: hash, expires, lastSeenAt: new Date(state.nowMs) }),
    );
    const token = readChunked(state.cookies, state.cookieNames.sessionToken.name).value as string;
    cookies = sessionCookie(state, token, expires);
  }
  const refresh = await refreshedAccount(state, read.user.id);
  const base: Session = {
    user: publicUser(read.user),
    expires: expires.toISOString(),
    ...(refresh?.failed === true ? { error: "RefreshAccessTokenError" } : {}),
  };
  const user = read.user as User;
  const account = refresh === null ? {} : { account: callbackAccount(refresh.account) };
  const session = config.custom.session
    ? await runCallback<Session | null | undefined>("session", () =>
        config.callbacks.session(
          update === undefined
            ? { session: base, token: {}, user, ...account }
            : { session: base, token: {}, user, ...account, newSession: update.newSession, trigger: "update" },
        ),
      )
    : base;
  return { session: session ?? null, token: null, cookies, user };
}

/**
 * For a session that signed in with a refreshing provider (`refresh: true`): its account, with
 * the access token refreshed if it was due (and the rotated tokens stored). `null` otherwise.
 */
async function refreshedAccount(
  state: RequestState,
  userId: string,
): Promise<{ account: AdapterAccount; failed: boolean } | null> {
  const hint = accountHint(state);
  if (hint === null) return null;
  const provider = refreshingProvider(state, hint.provider);
  if (provider === null) return null;
  const found = await withAdapter(state.config, "getAccount", (adapter) =>
    adapter.getAccount(hint.providerAccountId, hint.provider),
  );
  // Only the session's own user's account: the cookie is a hint, not a credential.
  if (found === null || found.userId !== userId) return null;
  return refreshAccountIfDue(state, provider, found);
}

/** An adapter account as callbacks see accounts: absent fields rather than `null`s. */
function callbackAccount(account: AdapterAccount): Account {
  return Object.fromEntries(Object.entries(account).filter(([, value]) => value !== null)) as Account;
}

/** Signs out: deletes the session row; returns the session (for the event) and the cookies to clear. */
export async function endDatabaseSession(
  state: RequestState,
): Promise<{ session: AdapterSession | null; cookies: SetCookie[] }> {
  const read = readChunked(state.cookies, state.cookieNames.sessionToken.name);
  let session: AdapterSession | null = null;
  if (read.value !== null) {
    const hash = await hashSessionToken(read.value);
    try {
      const found = await withAdapter(state.config, "getSessionAndUser", (adapter) => adapter.getSessionAndUser(hash));
      session = found?.session ?? null;
      await withAdapter(state.config, "deleteSession", (adapter) => adapter.deleteSession(hash));
    } catch (error) {
      // The browser is signed out regardless: its cookie goes. The row cannot be deleted now and
      // simply expires; the cookie holding its only key is gone.
      state.config.logger.error("SIGNOUT_ADAPTER_ERROR", error);
    }
  }
  return { session, cookies: clearSessionCookies(state, read) };
}
