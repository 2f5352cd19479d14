/**
 * One interface for both ways of keeping sessions — an encrypted cookie (JWT) or a row in the
 * database — chosen once, when the auth instance is created. Routes and features call the
 * strategy; none of them asks which one it is.
 */
import type { Account, JWT, Profile, Session, User } from "../../types.js";
import type { SetCookie } from "../cookies/set-cookie.js";
import type { RequestState } from "../http/request-state.js";

/** The outcome of reading the session for a response. */
export interface SessionResult {
  session: Session | null;
  /** The session token (JWT strategy), for the `session` event. */
  token: JWT | null;
  /** The stored user (database strategy), for the `session` event. */
  user?: User;
  cookies: SetCookie[];
}

/** The signed-in user, as the session knows them. */
export interface CurrentUser {
  id: string;
  name?: string | null | undefined;
  email?: string | null | undefined;
  image?: string | null | undefined;
}

/** When and how a user really authenticated (recorded on the session; judged by step-up). */
export interface Authentication {
  /** When, in ms since the epoch. */
  at: number;
  /** How: RFC 8176 method values (`pwd`, `otp`, `mfa`) and Gatehouse's `email` and `oauth`. */
  amr: readonly string[];
}

/** A sign-in to turn into a session. */
export interface SessionStart {
  user: User;
  account: Account;
  profile?: Profile;
  isNewUser: boolean;
  /** How the user authenticated. @default now, by the account's type alone */
  authentication?: Authentication;
}

/** A session that was just ended. */
export interface EndedSession {
  /** What the `signOut` event receives. */
  event: { token: JWT | null; session?: unknown };
  /** The provider the session signed in with, when known (for an identity provider's logout). */
  provider: string | null;
  cookies: SetCookie[];
}

/** One of the user's sessions, as shown on an account page. */
export interface SessionInfo {
  /** Identifies the session for {@link SessionRevocation}; not a credential. */
  id: string;
  /** Whether this is the session of the request that asked. */
  current: boolean;
  /** ISO 8601, or `null` if the adapter does not record it. */
  createdAt: string | null;
  /** ISO 8601; updated at most once per `session.updateAge`. */
  lastSeenAt: string | null;
  expires: string;
  /** The `User-Agent` of the browser that signed in. */
  userAgent: string | null;
}

/**
 * Which sessions to end: one by id (database sessions), every other one, or all (sign out
 * everywhere) — the last two with JWT sessions too.
 */
export type SessionRevocation = { id: string } | "others" | "all";

/** What a revocation did, and the cookies to send when it ended the caller's own session. */
export interface RevocationResult {
  /**
   * How many sessions ended. JWT sessions cannot be counted: 1 for `"all"` (the caller's), 0 for
   * `"others"`, though every session older than the new epoch ended.
   */
  revoked: number;
  cookies: SetCookie[];
}

/** How sessions are kept. */
export interface SessionStrategy {
  readonly name: "jwt" | "database";
  /** Who is signed in, or `null` (the cookie is read once per request; callbacks do not run). */
  currentUser(state: RequestState): Promise<CurrentUser | null>;
  /**
   * The session for `GET /session`, `getServerSession()` and updates: callbacks run, provider
   * tokens refreshed, the cookie re-issued when due.
   */
  resolve(state: RequestState, update?: { newSession: unknown }): Promise<SessionResult>;
  /**
   * Starts a session for a finished sign-in (replacing any the browser had). `null` when the
   * `jwt` callback refused it.
   */
  issue(state: RequestState, start: SessionStart): Promise<SetCookie[] | null>;
  /**
   * Records a fresh authentication (a step-up) on the request's session, keeping everything else.
   * @returns the cookies to set, or `null` when signed out.
   */
  reauthenticate(state: RequestState, authentication: Authentication): Promise<SetCookie[] | null>;
  /** Ends the request's session (sign-out). */
  end(state: RequestState): Promise<EndedSession>;
  /** The signed-in user's sessions, or `null` when signed out; absent where the strategy cannot list. */
  list?(state: RequestState): Promise<SessionInfo[] | null>;
  /** Ends sessions of the signed-in user, or `null` when signed out; absent where it cannot. */
  revoke?(state: RequestState, target: SessionRevocation): Promise<RevocationResult | null>;
  /**
   * Ends every session of `userId`, whoever asks (a password reset). Sets no cookie: the caller
   * ends the request's own session with `end` when it is that user's.
   */
  endUserSessions(state: RequestState, userId: string): Promise<void>;
}
