/**
 * When and how a session's user last really authenticated: recorded when the session starts and
 * on each step-up, read back as `session.authenticatedAt` and `session.amr` (JWT claims of the
 * same names; columns of database sessions), and judged by `auth.require({ maxAge })`.
 */
import type { Account, Session } from "../../types.js";
import type { Authentication, SessionStart } from "./strategy.js";

/** The methods a first factor alone stands for, by account type. */
export function firstFactorMethods(account: Pick<Account, "type">): string[] {
  switch (account.type) {
    case "credentials":
    case "password":
      return ["pwd"];
    case "webauthn":
      // RFC 8176: proof of possession of a key; the authenticator's unlock is the user's part.
      return ["hwk", "user"];
    case "email":
      return ["email"];
    case "oauth":
    case "oidc":
      return ["oauth"];
    default:
      return [String(account.type)];
  }
}

/** The authentication a sign-in records: what it says, or now by the account type. */
export function authenticationOf(start: SessionStart, nowMs: number): Authentication {
  return start.authentication ?? { at: nowMs, amr: firstFactorMethods(start.account) };
}

/** Whether `value` is a list of method names as stored (short strings, a few of them). */
export function isAmr(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= 8 &&
    value.every((entry) => typeof entry === "string" && entry.length > 0 && entry.length <= 32)
  );
}

/**
 * Adds `authenticatedAt` (ISO 8601) and `amr` to a session object, where they are known — only
 * when the `twoFactor` option is on (step-up is part of it): otherwise the session keeps exactly
 * next-auth v4's shape.
 */
export function withAuthentication(
  config: { twoFactor: object | null },
  session: Session,
  at: number | null | undefined,
  amr: unknown,
): Session {
  if (config.twoFactor === null) return session;
  if (typeof at === "number" && Number.isFinite(at)) session.authenticatedAt = new Date(at).toISOString();
  if (isAmr(amr)) session.amr = [...amr];
  return session;
}
