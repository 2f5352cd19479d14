/** Password accounts from the browser (bound to the React client's routes by `gatehouse/react`). */
import type { ClientKit } from "../../lib/client-kit.js";

/** What a password operation answered: `ok`, where to go next, or the error code and message. */
export interface PasswordResult {
  ok: boolean;
  /** Where to send the user next (a "check your email" page, the sign-in page, …). */
  url?: string;
  /** The error code (`InvalidPassword`, `RateLimited`, `Verification`, `CredentialsSignin`, …). */
  error?: string;
  /** What to tell the user, when the server wrote it (a password rule). */
  message?: string;
}

/** What {@link signUp} sends: the address, the password, an optional name (and provider id). */
export type SignUpFields = {
  email: string;
  password: string;
  name?: string;
  /** @default "password" */
  provider?: string;
};

/** What {@link resetPassword} sends: the token from the link and the new password. */
export type ResetFields = {
  token: string;
  password: string;
};

/** What {@link changePassword} sends. */
export type ChangeFields = {
  currentPassword: string;
  newPassword: string;
};

function result(answer: { ok: boolean; data: Record<string, unknown> }): PasswordResult {
  const { url, error, message } = answer.data;
  return {
    ok: answer.ok && answer.data.ok === true,
    ...(typeof url === "string" ? { url } : {}),
    ...(typeof error === "string" ? { error } : {}),
    ...(typeof message === "string" ? { message } : {}),
  };
}

/**
 * Creates a password account. The answer is the same whether or not the address already has one
 * (its owner gets a mail instead); a verification link goes to the address.
 * @param kit - the auth routes (bound by `gatehouse/react`).
 * @param input - the address, the password and an optional name.
 * @returns `{ ok: true, url }` (the "check your email" page), or `{ ok: false, error, message }`.
 * @example `await signUp({ email, password, name })`
 */
export async function signUp(kit: ClientKit, input: SignUpFields): Promise<PasswordResult> {
  const { provider = "password", ...fields } = input;
  return result(await kit.post(`signup/${encodeURIComponent(provider)}`, fields));
}

/**
 * Sends a reset link to an address, if it has an account (the answer does not say).
 * @param kit - the auth routes (bound by `gatehouse/react`).
 * @param input - the address.
 * @returns `{ ok: true, url }`, or `{ ok: false, error }` (`RateLimited`, a bad address).
 * @example `await requestPasswordReset({ email })`
 */
export async function requestPasswordReset(kit: ClientKit, input: { email: string }): Promise<PasswordResult> {
  return result(await kit.post("password/forgot", input));
}

/**
 * Sets a new password with the token from the reset link; every session of the account ends.
 * @param kit - the auth routes (bound by `gatehouse/react`).
 * @param input - the token from the link and the new password.
 * @returns `{ ok: true, url }` (the sign-in page), or `{ ok: false, error }` (`Verification` for a
 *   used or expired link, `InvalidPassword` with a message).
 * @example `await resetPassword({ token, password })`
 */
export async function resetPassword(kit: ClientKit, input: ResetFields): Promise<PasswordResult> {
  const answer = result(await kit.post("password/reset", input));
  if (answer.ok) await kit.changed();
  return answer;
}

/**
 * Changes the signed-in user's password; their other sessions end, this one stays.
 * @param kit - the auth routes (bound by `gatehouse/react`).
 * @param input - the current and the new password.
 * @returns `{ ok: true }`, or `{ ok: false, error }` (`CredentialsSignin` for a wrong current
 *   password, `InvalidPassword`, `SessionRequired`).
 * @example `await changePassword({ currentPassword, newPassword })`
 */
export async function changePassword(kit: ClientKit, input: ChangeFields): Promise<PasswordResult> {
  return result(await kit.post("password/change", input));
}
