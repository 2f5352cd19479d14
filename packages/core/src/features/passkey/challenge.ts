/**
 * Passkey challenges: single use, bound to the browser that asked, and valid for five minutes.
 * The challenge travels in an encrypted HttpOnly cookie (sealed with the key for that cookie's
 * name) and is also recorded in the runtime's store; verifying takes it out of both. A response
 * signed over a challenge handed to another browser fails, because this browser's cookie holds
 * a different challenge (or none); a response replayed after use fails, because the store no
 * longer holds it and the store's atomic `hit` lets exactly one of two racing copies through.
 */
import { base64urlEncode, randomBytes, sha256 } from "#crypto";
import { AuthError } from "../../errors.js";
import { DEFAULTS } from "../../lib/config/defaults.js";
import { expiredCookie, type SetCookie } from "../../lib/cookies/set-cookie.js";
import { utf8 } from "../../lib/encoding.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { openToken, sealToken } from "../../lib/token.js";

/** What a ceremony in progress remembers between its options and its verification. */
export interface Ceremony {
  kind: "registration" | "authentication";
  /** The provider that started it. */
  provider: string;
  challenge: string;
  /** Registration: the user the passkey is for (the signed-in user, or the one signing up). */
  userId?: string;
  /** Registration: whether that user is new (signing up with a passkey alone). */
  signUp?: boolean;
  /** Registration: the name the user gave the account (sign-up) . */
  userName?: string;
}

const MAX_AGE = DEFAULTS.passkey.challengeMaxAge;

async function storeKey(flow: string): Promise<string> {
  return `gatehouse:passkey-challenge:${base64urlEncode(await sha256(utf8.encode(flow)))}`;
}

/**
 * Starts a ceremony: a fresh challenge (32 random bytes), its cookie, and its stored copy.
 * @throws {AuthError} `StoreError` when the store cannot record it.
 */
export async function startCeremony(
  state: RequestState,
  ceremony: Omit<Ceremony, "challenge">,
): Promise<{ challenge: string; cookie: SetCookie }> {
  const challenge = base64urlEncode(randomBytes(32));
  const flow = base64urlEncode(randomBytes(32));
  const cookie = state.cookieNames.webauthnChallenge;
  try {
    await state.runtime.store.set(await storeKey(flow), ceremony.kind, MAX_AGE * 1000);
  } catch (error) {
    throw new AuthError("StoreError", "The store could not record the passkey challenge.", { cause: error });
  }
  const sealed = await sealToken(
    state.runtime.keyring,
    cookie.name,
    { ...ceremony, challenge, flow },
    Math.floor(state.nowMs / 1000),
    MAX_AGE,
  );
  return { challenge, cookie: { name: cookie.name, value: sealed, options: { ...cookie.options, maxAge: MAX_AGE } } };
}

/**
 * Takes the ceremony of `kind` this browser started, once: `null` when there is none, it has
 * expired, it is of another kind or provider, or it was used already.
 * @throws {AuthError} `StoreError` when the store cannot say.
 */
export async function takeCeremony(
  state: RequestState,
  kind: Ceremony["kind"],
  provider: string,
): Promise<Ceremony | null> {
  const cookie = state.cookieNames.webauthnChallenge;
  const opened = await openToken(state.runtime.keyring, state.cookies.get(cookie.name), {
    salt: cookie.name,
    legacy: false,
    nowSeconds: Math.floor(state.nowMs / 1000),
    maxLength: 4096,
  });
  if (opened === null) return null;
  const { payload } = opened;
  if (payload.kind !== kind || payload.provider !== provider) return null;
  if (typeof payload.challenge !== "string" || typeof payload.flow !== "string") return null;
  const key = await storeKey(payload.flow);
  try {
    const { store } = state.runtime;
    if ((await store.get(key)) !== kind) return null;
    // Of two copies of one verification racing each other, exactly one counts 1.
    const { count } = await store.hit(`${key}:spent`, (MAX_AGE + 60) * 1000);
    await store.delete(key);
    if (count > 1) return null;
  } catch (error) {
    throw new AuthError("StoreError", "The store could not check the passkey challenge.", { cause: error });
  }
  return {
    kind,
    provider,
    challenge: payload.challenge,
    ...(typeof payload.userId === "string" ? { userId: payload.userId } : {}),
    ...(payload.signUp === true ? { signUp: true } : {}),
    ...(typeof payload.userName === "string" ? { userName: payload.userName } : {}),
  };
}

/** Expires the challenge cookie (after every verification, whatever its outcome). */
export function clearCeremony(state: RequestState): SetCookie[] {
  const cookie = state.cookieNames.webauthnChallenge;
  return state.cookies.has(cookie.name) ? [expiredCookie(cookie.name, cookie.options)] : [];
}
