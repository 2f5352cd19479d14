/**
 * Sessions kept in the database (`session.strategy: "database"`). The cookie holds a random
 * token of 256 bits and the session's start; the database holds only the SHA-256 of that value,
 * so a leaked table signs nobody in.
 * One query reads a session with its user, once per request; writes happen at most once per
 * `updateAge`. An expired or unknown token is refused, its row deleted and its cookie cleared.
 */
import { base64urlDecode, base64urlEncode, randomBytes } from "#crypto";
import type { AdapterAccount, AdapterSession, AdapterUser } from "../../adapter.js";
import type { Account, Session, User } from "../../types.js";
import { withAdapter } from "../adapter-call.js";
import { runCallback } from "../callbacks.js";
import { readChunked, writeChunked, type ChunkedRead } from "../cookies/chunked-cookie.js";
import { expiredCookie, type SetCookie } from "../cookies/set-cookie.js";
import { utf8 } from "../encoding.js";
import type { RequestState } from "../http/request-state.js";
import { clearSessionCookies } from "./jwt-strategy.js";
import type { AccountHint } from "./session-extension.js";
import { hashSessionToken, readStoredSession } from "./database-cookie.js";
import { sessionCookieValue } from "./session-cookie-value.js";
import { listSessions, revokeSessions } from "./session-management.js";
import { authenticationOf, withAuthentication } from "./authentication.js";
import type {
  Authentication,
  CurrentUser,
  EndedSession,
  SessionResult,
  SessionStart,
  SessionStrategy,
} from "./strategy.js";

/** `maxAge` from now, but never past the absolute lifetime counted from the session's start (ms). */
function slidingExpiry(state: RequestState, createdAt: number): number {
  const { maxAge, absoluteMaxAge } = state.config.session;
  const sliding = state.nowMs + maxAge * 1000;
  return absoluteMaxAge === undefined ? sliding : Math.min(sliding, createdAt + absoluteMaxAge * 1000);
}

function sessionCookie(state: RequestState, token: string, expires: Date, read: ChunkedRead): SetCookie[] {
  const cookie = state.cookieNames.sessionToken;
  return writeChunked(
    cookie.name,
    token,
    { ...cookie.options, expires },
    read.names,
    state.config.session.maxCookieBytes,
  );
}

function hintCookieName(state: RequestState): string {
  return `${state.cookieNames.sessionToken.name}-idp`;
}

/**
 * A session row does not record its provider account, so for features that need it later —
 * RP-initiated logout and token refresh — it rides in a cookie beside the session's. The cookie
 * grants nothing: only a configured provider is acted on, and only an account of the session's
 * own user is read.
 */
function accountHintCookie(state: RequestState, hint: AccountHint | null, expires?: Date): SetCookie[] {
  const session = state.cookieNames.sessionToken;
  const name = hintCookieName(state);
  if (hint !== null) {
    const value = `${base64urlEncode(utf8.encode(hint.provider))}.${base64urlEncode(utf8.encode(hint.providerAccountId))}`;
    return [{ name, value, options: { ...session.options, expires } }];
  }
  return state.cookies.has(name) ? [expiredCookie(name, session.options)] : [];
}

/** The account {@link accountHintCookie} recorded, if the cookie is there and well formed. */
function accountHint(state: RequestState): AccountHint | null {
  const value = state.cookies.get(hintCookieName(state));
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

function publicUser(user: AdapterUser): NonNullable<Session["user"]> {
  const out: NonNullable<Session["user"]> = {};
  if (user.name !== undefined) out.name = user.name;
  out.email = user.email;
  if (user.image !== undefined) out.image = user.image;
  return out;
}

/** An adapter account as callbacks see accounts: absent fields rather than `null`s. */
function callbackAccount(account: AdapterAccount): Account {
  return Object.fromEntries(Object.entries(account).filter(([, value]) => value !== null)) as Account;
}

/** The account an extension adds to the session (tokens refreshed if due), if any. */
async function sessionAccount(
  state: RequestState,
  userId: string,
): Promise<{ account: AdapterAccount; failed: boolean } | null> {
  const hint = accountHint(state);
  if (hint === null) return null;
  for (const extension of state.runtime.extensions) {
    const found = await extension.sessionAccount?.(state, userId, hint);
    if (found !== null && found !== undefined) return found;
  }
  return null;
}

async function resolve(state: RequestState, update?: { newSession: unknown }): Promise<SessionResult> {
  const { config, runtime } = state;
  const stored = await readStoredSession(state);
  if ("invalid" in stored) {
    if (stored.hash !== null) {
      const hash = stored.hash;
      await withAdapter(runtime, "deleteSession", (adapter) => adapter.deleteSession(hash));
    }
    return { session: null, token: null, cookies: clearSessionCookies(state, stored.read) };
  }

  let expires = stored.session.expires;
  let cookies: SetCookie[] = [];
  const lastSeen = stored.session.lastSeenAt?.getTime() ?? expires.getTime() - config.session.maxAge * 1000;
  if (state.nowMs - lastSeen >= config.session.updateAge * 1000) {
    expires = new Date(slidingExpiry(state, stored.started ?? state.nowMs));
    const hash = stored.hash;
    await withAdapter(runtime, "updateSession", (adapter) =>
      adapter.updateSession({ sessionToken: hash, expires, lastSeenAt: new Date(state.nowMs) }),
    );
    cookies = sessionCookie(state, stored.read.value as string, expires, stored.read);
  }
  const refresh = await sessionAccount(state, stored.user.id);
  const base: Session = withAuthentication(
    config,
    {
      user: publicUser(stored.user),
      expires: expires.toISOString(),
      ...(refresh?.failed === true ? { error: "RefreshAccessTokenError" } : {}),
    },
    // An adapter that keeps no authentication time (a foreign one): the session's start.
    stored.session.authenticatedAt?.getTime() ?? stored.started,
    stored.session.amr,
  );
  const user = stored.user as User;
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

async function issue(state: RequestState, start: SessionStart): Promise<SetCookie[]> {
  const { config, runtime } = state;
  const { account } = start;
  const read = readChunked(state.cookies, state.cookieNames.sessionToken.name);
  if (read.value !== null) {
    const hash = await hashSessionToken(read.value);
    await withAdapter(runtime, "deleteSession", (adapter) => adapter.deleteSession(hash));
  }
  const token = sessionCookieValue(
    config.session.generateSessionToken?.() ?? base64urlEncode(randomBytes(32)),
    state.nowMs,
  );
  const now = new Date(state.nowMs);
  const expires = new Date(slidingExpiry(state, state.nowMs));
  const authentication = authenticationOf(start, state.nowMs);
  await withAdapter(runtime, "createSession", async (adapter) =>
    adapter.createSession({
      sessionToken: await hashSessionToken(token),
      userId: start.user.id,
      expires,
      createdAt: now,
      lastSeenAt: now,
      userAgent: state.request.headers.get("user-agent")?.slice(0, 512) ?? null,
      authenticatedAt: new Date(authentication.at),
      amr: [...authentication.amr],
    }),
  );
  const remember = runtime.extensions.some((extension) => extension.rememberAccount?.(state, account) === true);
  const hint = remember ? { provider: account.provider, providerAccountId: account.providerAccountId } : null;
  return [...sessionCookie(state, token, expires, read), ...accountHintCookie(state, hint, expires)];
}

/** Step-up: records the new authentication on the session's row. */
async function reauthenticate(state: RequestState, authentication: Authentication): Promise<SetCookie[] | null> {
  const stored = await readStoredSession(state);
  if ("invalid" in stored) return null;
  const { hash } = stored;
  await withAdapter(state.runtime, "updateSession", (adapter) =>
    adapter.updateSession({
      sessionToken: hash,
      authenticatedAt: new Date(authentication.at),
      amr: [...authentication.amr],
    }),
  );
  return [];
}

async function end(state: RequestState): Promise<EndedSession> {
  const read = readChunked(state.cookies, state.cookieNames.sessionToken.name);
  let session: AdapterSession | null = null;
  if (read.value !== null) {
    const hash = await hashSessionToken(read.value);
    try {
      const found = await withAdapter(state.runtime, "getSessionAndUser", (adapter) => adapter.getSessionAndUser(hash));
      session = found?.session ?? null;
      await withAdapter(state.runtime, "deleteSession", (adapter) => adapter.deleteSession(hash));
    } catch (error) {
      // The browser is signed out regardless: its cookie goes. The row cannot be deleted now and
      // simply expires; the cookie holding its only key is gone.
      state.runtime.logger.error("SIGNOUT_ADAPTER_ERROR", error);
    }
  }
  return {
    event: { token: null, session },
    provider: accountHint(state)?.provider ?? null,
    cookies: [...clearSessionCookies(state, read), ...accountHintCookie(state, null)],
  };
}

/** Sessions in the database. */
export const databaseStrategy: SessionStrategy = Object.freeze({
  name: "database" as const,
  async currentUser(state: RequestState): Promise<CurrentUser | null> {
    const stored = await readStoredSession(state);
    return "invalid" in stored ? null : stored.user;
  },
  resolve,
  issue,
  reauthenticate,
  end,
  list: listSessions,
  revoke: revokeSessions,
  async endUserSessions(state: RequestState, userId: string): Promise<void> {
    await withAdapter(state.runtime, "deleteUserSessions", (adapter) => adapter.deleteUserSessions(userId));
  },
});
