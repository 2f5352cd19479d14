/**
 * What a feature adds to the session life cycle, whichever strategy keeps the sessions. The OAuth
 * feature, for instance, refreshes provider access tokens when a session is read and signs out
 * at the identity provider too; the strategies call these hooks and know nothing of OAuth.
 */
import type { AdapterAccount } from "../../adapter.js";
import type { Account, JWT } from "../../types.js";
import type { SetCookie } from "../cookies/set-cookie.js";
import type { RequestState } from "../http/request-state.js";
import type { SessionStart } from "./strategy.js";

/** A finished first factor, about to become a session (what a sign-in gate sees). */
export interface GatedSignIn extends SessionStart {
  /** Where the sign-in lands afterwards (already checked). */
  landing: string;
  /** Whether the caller asked for `{ url }` JSON rather than a redirect. */
  json: boolean;
  /** Cookies the sign-in sets on every outcome (the cleared OAuth check cookies). */
  cookies: readonly SetCookie[];
}

/** The provider account a database session signed in with (kept in a cookie beside it). */
export interface AccountHint {
  provider: string;
  providerAccountId: string;
}

/** Hooks into reading, starting and ending sessions. Every hook is optional. */
export interface SessionExtension {
  /**
   * Sign-in, after the `signIn` callback and before the strategy issues the session: a response
   * to send instead (a second factor is due: no session cookie is written), or `null` to go on.
   * The gate that answers finishes the sign-in later with `issueSession`.
   */
  gateSignIn?(state: RequestState, signIn: GatedSignIn): Promise<Response | null>;
  /** Sign-in, JWT sessions: claims to start the token with, beside next-auth's defaults. */
  signInClaims?(state: RequestState, account: Account): Record<string, unknown>;
  /** Sign-in, database sessions: whether to remember which provider account signed in. */
  rememberAccount?(state: RequestState, account: Account): boolean;
  /**
   * Each read of a JWT session, before the `jwt` callback: refresh what the token carries.
   * `changed` makes the strategy write the token again.
   */
  refreshToken?(state: RequestState, token: JWT): Promise<{ token: JWT; changed: boolean }>;
  /**
   * Each read of a database session: the account for the `session` callback (its tokens
   * refreshed if due), or `null` to add nothing. `failed` puts `error: "RefreshAccessTokenError"`
   * on the session.
   */
  sessionAccount?(
    state: RequestState,
    userId: string,
    hint: AccountHint,
  ): Promise<{ account: AdapterAccount; failed: boolean } | null>;
  /**
   * Sign-out: where to send the browser instead of `local` (an identity provider's logout page),
   * or `null`. `provider` is the provider the session signed in with, when known.
   */
  signOutUrl?(state: RequestState, provider: string, local: string): Promise<string | null>;
  /** Sign-out: the feature's own cookies to expire with the session's (a sign-in in progress). */
  signOutCookies?(state: RequestState): SetCookie[];
  /**
   * Re-authentication: whether `password` is the password of user `userId` (wrong guesses count
   * toward the sign-in rate limits: `{ retryAfter }` seconds once they are over), or `null` when
   * this feature keeps no password for that user. Another feature asks it before a sensitive
   * change (turning two-factor off).
   */
  confirmPassword?(
    state: RequestState,
    userId: string,
    password: string,
  ): Promise<boolean | { retryAfter: number } | null>;
}
