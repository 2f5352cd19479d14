/**
 * Sign-in rate limits (credentials and email): a fixed-window counter per account identifier and
 * one per client address, in the configured {@link EphemeralStore}. Every attempt counts; a
 * successful credentials sign-in clears its identifier's counter. If the store fails, sign-in
 * fails closed.
 */
import { base64urlEncode, sha256 } from "#crypto";
import { AuthError } from "../errors.js";
import type { RateLimit } from "../types.js";
import { utf8 } from "./encoding.js";
import { clientAddress, type RequestState } from "./http/request-state.js";

/** Whether an attempt may go ahead. */
export type LimitResult = { limited: false } | { limited: true; retryAfter: number };

/** Case- and width-insensitive form of an identifier (an email or user name). */
export function normalizeIdentifier(value: string): string {
  return value.normalize("NFKC").trim().toLowerCase();
}

async function identifierKey(providerId: string, identifier: string): Promise<string> {
  const digest = await sha256(utf8.encode(normalizeIdentifier(identifier)));
  return `gatehouse:rl:${providerId}:id:${base64urlEncode(digest.subarray(0, 18))}`;
}

async function hit(state: RequestState, key: string, limit: RateLimit): Promise<number | null> {
  let result: { count: number; resetAt: number };
  try {
    result = await state.runtime.store.hit(key, limit.windowSeconds * 1000);
  } catch (error) {
    throw new AuthError("StoreError", "The rate-limit store could not be reached.", { cause: error });
  }
  if (result.count <= limit.max) return null;
  return Math.max(1, Math.ceil((result.resetAt - state.nowMs) / 1000));
}

/** Counts one sign-in attempt and says whether it is over a limit. */
export async function checkSignInLimits(
  state: RequestState,
  providerId: string,
  identifier: string | undefined,
): Promise<LimitResult> {
  const limits = state.config.rateLimit;
  if (limits === false) return { limited: false };
  const waits: number[] = [];
  if (limits.perIdentifier !== false && identifier !== undefined && identifier.length > 0) {
    const wait = await hit(state, await identifierKey(providerId, identifier), limits.perIdentifier);
    if (wait !== null) waits.push(wait);
  }
  const address = clientAddress(state);
  if (limits.perAddress !== false && address !== undefined) {
    const wait = await hit(state, `gatehouse:rl:signin:ip:${address}`, limits.perAddress);
    if (wait !== null) waits.push(wait);
  }
  return waits.length === 0 ? { limited: false } : { limited: true, retryAfter: Math.max(...waits) };
}

/** Clears an identifier's counter after a successful sign-in. */
export async function resetIdentifierLimit(
  state: RequestState,
  providerId: string,
  identifier: string | undefined,
): Promise<void> {
  if (state.config.rateLimit === false || identifier === undefined || identifier.length === 0) return;
  try {
    await state.runtime.store.delete(await identifierKey(providerId, identifier));
  } catch (error) {
    state.runtime.logger.error("RATE_LIMIT_RESET_ERROR", error);
  }
}
