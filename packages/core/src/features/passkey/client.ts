/**
 * Passkeys from the browser (bound to the React client's routes by `gatehouse/react`). The
 * browser half of @simplewebauthn is imported only when a ceremony starts, so pages that never
 * touch passkeys never download it.
 */
import type { ClientKit } from "../../lib/client-kit.js";
import type { PasskeyInfo } from "./passkey-records.js";

export type { PasskeyInfo } from "./passkey-records.js";

/** What a passkey ceremony in the browser ended with. */
export interface PasskeyOutcome {
  ok: boolean;
  /** The error code (`PasskeySignin`, `SessionRequired`, `NotAllowedError` when the user cancelled, …), or `null`. */
  error: string | null;
  status: number;
  /** The registered passkey (registration by a signed-in user). */
  passkey?: PasskeyInfo;
  /** Where to go after a sign-in (or a sign-up with a passkey). */
  url?: string;
}

/** Options of {@link registerPasskey}. */
export interface RegisterPasskeyOptions {
  /** What to call the passkey (e.g. "Work laptop"). @default "Passkey" */
  name?: string;
  /** Sign-up only: the new account's name. */
  userName?: string;
  /** Sign-up only: where to go once signed in. */
  callbackUrl?: string;
}

/** Options of {@link signInWithPasskey}. */
export interface PasskeySignInOptions {
  /** Where to go once signed in. */
  callbackUrl?: string;
  /** Wait in the browser's autofill list (conditional mediation) instead of a dialog. @default false */
  autofill?: boolean;
}

function failure(status: number, data: Record<string, unknown>): PasskeyOutcome {
  return { ok: false, error: typeof data.error === "string" ? data.error : "Default", status };
}

function browserError(error: unknown): PasskeyOutcome {
  const name = error instanceof Error ? ((error as { cause?: { name?: string } }).cause?.name ?? error.name) : "Error";
  return { ok: false, error: name, status: 0 };
}

/**
 * Adds a passkey to the signed-in user's account (or, signed out with `allowSignUp`, creates an
 * account with it and signs in).
 * @param kit - the auth routes (bound by `gatehouse/react`).
 * @param options - `name`: what to call the passkey (e.g. "MacBook"); `userName`: the name of a
 *   new account (sign-up only).
 * @returns `{ ok, error, passkey }` (`url` after a sign-up).
 * @example `const { ok, passkey } = await registerPasskey({ name: "Work laptop" })`
 */
export async function registerPasskey(kit: ClientKit, options: RegisterPasskeyOptions = {}): Promise<PasskeyOutcome> {
  const start = await kit.post(
    "passkey/registration-options",
    options.userName === undefined ? {} : { userName: options.userName },
  );
  if (!start.ok) return failure(start.status, start.data);
  let response: unknown;
  try {
    const { startRegistration } = await import("@simplewebauthn/browser");
    response = await startRegistration({ optionsJSON: start.data.options as never });
  } catch (error) {
    return browserError(error);
  }
  const fields: Record<string, string> = { response: JSON.stringify(response) };
  if (options.name !== undefined) fields.name = options.name;
  if (options.callbackUrl !== undefined) fields.callbackUrl = options.callbackUrl;
  const done = await kit.post("passkey/registration-verification", fields);
  if (!done.ok) return failure(done.status, done.data);
  if (typeof done.data.url === "string") {
    await kit.changed();
    return { ok: true, error: null, status: done.status, url: done.data.url };
  }
  return { ok: true, error: null, status: done.status, passkey: done.data.passkey as PasskeyInfo };
}

/**
 * Signs in with a passkey: the browser offers this site's passkeys (with `autofill: true`, in
 * the autocomplete list of an `<input autocomplete="username webauthn">`, waiting until one is
 * picked). What `signIn("passkey")` calls.
 * @param kit - the auth routes (bound by `gatehouse/react`).
 * @param options - `callbackUrl`, and `autofill` for the browser's autofill list.
 * @returns `{ ok, error, url }`.
 * @example `const { ok, url } = await signInWithPasskey({ callbackUrl: "/account" })`
 */
export async function signInWithPasskey(kit: ClientKit, options: PasskeySignInOptions = {}): Promise<PasskeyOutcome> {
  const start = await kit.post("passkey/authentication-options", {});
  if (!start.ok) return failure(start.status, start.data);
  let response: unknown;
  try {
    const { startAuthentication } = await import("@simplewebauthn/browser");
    response = await startAuthentication({
      optionsJSON: start.data.options as never,
      useBrowserAutofill: options.autofill === true,
    });
  } catch (error) {
    return browserError(error);
  }
  const fields: Record<string, string> = { response: JSON.stringify(response) };
  if (options.callbackUrl !== undefined) fields.callbackUrl = options.callbackUrl;
  const done = await kit.post("passkey/authentication-verification", fields);
  if (!done.ok)
    return { ...failure(done.status, done.data), ...(typeof done.data.url === "string" ? { url: done.data.url } : {}) };
  await kit.changed();
  return { ok: true, error: null, status: done.status, url: done.data.url as string };
}

/**
 * The signed-in user's passkeys (name, created, last used), oldest first.
 * @param kit - the auth routes (bound by `gatehouse/react`).
 * @returns the passkeys, or `null` when signed out.
 * @example `const passkeys = await listPasskeys()`
 */
export async function listPasskeys(kit: ClientKit): Promise<PasskeyInfo[] | null> {
  const { ok, data } = await kit.get("passkey/list");
  return ok ? (data.passkeys as PasskeyInfo[]) : null;
}

/**
 * Renames a passkey of the signed-in user.
 * @param kit - the auth routes (bound by `gatehouse/react`).
 * @param id - the passkey's id (from {@link listPasskeys}).
 * @param name - its new name (1–64 characters).
 * @returns the renamed passkey, or `null` when it is not theirs (or they are signed out).
 * @example `await renamePasskey(passkey.id, "Phone")`
 */
export async function renamePasskey(kit: ClientKit, id: string, name: string): Promise<PasskeyInfo | null> {
  const { ok, data } = await kit.post("passkey/rename", { id, name });
  return ok ? (data.passkey as PasskeyInfo) : null;
}

/**
 * Removes a passkey from the signed-in user's account.
 * @param kit - the auth routes (bound by `gatehouse/react`).
 * @param id - the passkey's id (from {@link listPasskeys}).
 * @returns `true` when it was removed.
 * @example `await deletePasskey(passkey.id)`
 */
export async function deletePasskey(kit: ClientKit, id: string): Promise<boolean> {
  const { data } = await kit.post("passkey/delete", { id });
  return data.deleted === true;
}
