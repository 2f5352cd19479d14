/**
 * Sign-in rate limits, as fixed-window counters in the configured {@link EphemeralStore}.
 *
 * Credentials sign-ins count **failed attempts only**. Before `authorize` runs, the counters are
 * read without counting (`peek`) and the attempt is refused when a limit is already reached;
 * afterwards a failure is counted per account, per (account, client address) pair and per client
 * address across accounts (credential stuffing), while a success counts nothing and clears its
 * account's counters. So no number of good sign-ins from one address ever meets a 429. Attempts
 * for one account run one at a time in an instance, so a burst of concurrent guesses cannot all
 * pass the check before the first of them is counted.
 *
 * Email-link requests count every request, per email address and per client address, before
 * anything is sent: the request itself is the abuse (mail bombing).
 *
 * A store that fails makes sign-in fail closed (503); a store that is full refuses the attempt
 * (429) rather than forgetting a count.
 */
import { base64urlEncode, sha256 } from "#crypto";
import { AuthError, StoreFullError } from "../errors.js";
import type { RateLimit } from "../types.js";
import type { ResolvedRateLimits } from "./config/resolved-config.js";
import { utf8 } from "./encoding.js";
import { clientAddress } from "./http/client-address.js";
import type { RequestState } from "./http/request-state.js";
import { RuntimeSlot } from "./runtime.js";

/** Whether an attempt may go ahead. */
export type LimitResult = { limited: false } | { limited: true; retryAfter: number };

/** What a credentials attempt came to, as the caller's `run` reports it. */
export interface AttemptOutcome<T> {
  /** Whether the credentials were right (a user was returned). Anything else is a failure. */
  succeeded: boolean;
  value: T;
}

/** One counter and the limit it is held to. */
interface Counted {
  key: string;
  limit: RateLimit;
  /** An account's counter, cleared by a good sign-in (an address's never is). */
  account?: true;
}

/** How often, at most, a full store is logged (a flood would otherwise log every request). */
const FULL_LOG_INTERVAL_MS = 60_000;

const LIMITER = new RuntimeSlot("rate-limit", () => ({
  /** Per account: the promise the next attempt for it waits on. */
  tails: new Map<string, Promise<void>>(),
  lastFullLog: Number.NEGATIVE_INFINITY,
}));

/** Case- and width-insensitive form of an identifier (an email or user name). */
export function normalizeIdentifier(value: string): string {
  return value.normalize("NFKC").trim().toLowerCase();
}

/** A fixed-length, non-reversible stand-in for an identifier in key names. */
async function digest(identifier: string): Promise<string> {
  const hash = await sha256(utf8.encode(normalizeIdentifier(identifier)));
  return base64urlEncode(hash.subarray(0, 18));
}

function seconds(state: RequestState, until: number): number {
  return Math.max(1, Math.ceil((until - state.nowMs) / 1000));
}

function storeDown(error: unknown): AuthError {
  return new AuthError("StoreError", "The rate-limit store could not be reached.", { cause: error });
}

function logFull(state: RequestState, error: StoreFullError): void {
  const limiter = state.runtime.slot(LIMITER);
  if (state.nowMs - limiter.lastFullLog < FULL_LOG_INTERVAL_MS) return;
  limiter.lastFullLog = state.nowMs;
  state.runtime.logger.error("RATE_LIMIT_STORE_FULL", `Sign-in attempts are refused (429): ${error.message}`);
}

/** Waits for the previous attempt on `key` in this instance; returns the release. */
async function oneAtATime(state: RequestState, key: string): Promise<() => void> {
  const { tails } = state.runtime.slot(LIMITER);
  const previous = tails.get(key) ?? Promise.resolve();
  let release = (): void => undefined;
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => done);
  tails.set(key, tail);
  await previous;
  return () => {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  };
}

/** The credentials counters for one attempt, and the account it names (to take turns on). */
async function credentialCounters(
  state: RequestState,
  limits: ResolvedRateLimits,
  providerId: string,
  identifier: string | undefined,
): Promise<{ counted: Counted[]; account: string | undefined }> {
  const provider = encodeURIComponent(providerId);
  const id = identifier === undefined || identifier.length === 0 ? undefined : await digest(identifier);
  const address = limits.perAddress !== false || limits.perPair !== false ? clientAddress(state) : undefined;
  const counted: Counted[] = [];
  if (id !== undefined && limits.perIdentifier !== false) {
    counted.push({ key: `gatehouse:rl:fail:${provider}:id:${id}`, limit: limits.perIdentifier, account: true });
  }
  if (id !== undefined && address !== undefined && limits.perPair !== false) {
    const key = `gatehouse:rl:fail:${provider}:pair:${id}:${address}`;
    counted.push({ key, limit: limits.perPair, account: true });
  }
  if (address !== undefined && limits.perAddress !== false) {
    counted.push({ key: `gatehouse:rl:fail:ip:${address}`, limit: limits.perAddress });
  }
  return { counted, account: id === undefined ? undefined : `${provider}:${id}` };
}

/**
 * Reads the counters without counting: the seconds to wait when one already holds its limit
 * (else `null`), and the account counters that exist (what a good sign-in has to clear).
 * @throws {StoreFullError} when a counter this attempt would need cannot be created.
 */
async function alreadyLimited(
  state: RequestState,
  counted: readonly Counted[],
): Promise<{ wait: number | null; live: string[] }> {
  let current: ({ count: number; resetAt: number } | null)[];
  try {
    current = await Promise.all(counted.map(({ key }) => state.runtime.store.peek(key)));
  } catch (error) {
    if (error instanceof StoreFullError) throw error;
    throw storeDown(error);
  }
  const waits = current.flatMap((window, index) =>
    window !== null && window.count >= (counted[index] as Counted).limit.max ? [seconds(state, window.resetAt)] : [],
  );
  const live = counted.filter((counter, index) => counter.account === true && current[index] !== null);
  return { wait: waits.length === 0 ? null : Math.max(...waits), live: live.map(({ key }) => key) };
}

/** Counts one failed attempt on every counter; the answer is already a failure, so errors are logged. */
async function countFailure(state: RequestState, counted: readonly Counted[]): Promise<void> {
  const results = await Promise.allSettled(
    counted.map(({ key, limit }) => state.runtime.store.hit(key, limit.windowSeconds * 1000)),
  );
  for (const result of results) {
    if (result.status === "fulfilled") continue;
    if (result.reason instanceof StoreFullError) logFull(state, result.reason);
    else state.runtime.logger.error("RATE_LIMIT_STORE_ERROR", storeDown(result.reason));
  }
}

/** Clears an account's counters after a good sign-in (never the address's: that would undo stuffing counts). */
async function clearAccount(state: RequestState, keys: readonly string[]): Promise<void> {
  const results = await Promise.allSettled(keys.map((key) => state.runtime.store.delete(key)));
  for (const result of results) {
    if (result.status === "rejected") state.runtime.logger.error("RATE_LIMIT_RESET_ERROR", storeDown(result.reason));
  }
}

/**
 * Runs one credentials sign-in attempt under the limits: refused (with the seconds to wait)
 * before `run` when a limit is already reached; otherwise `run` decides, and only a failure —
 * including `run` throwing — is counted.
 * @param identifier the account the attempt names (the provider's identifier field), if any.
 * @throws {AuthError} `StoreError` when the store cannot be read (fail closed: `run` is not called).
 */
export async function limitSignInAttempt<T>(
  state: RequestState,
  providerId: string,
  identifier: string | undefined,
  run: () => Promise<AttemptOutcome<T>>,
): Promise<{ limited: true; retryAfter: number } | { limited: false; value: T }> {
  const limits = state.config.rateLimit;
  if (limits === false) return { limited: false, value: (await run()).value };
  const { counted, account } = await credentialCounters(state, limits, providerId, identifier);
  const release = account === undefined || counted.length === 0 ? () => undefined : await oneAtATime(state, account);
  try {
    let read: { wait: number | null; live: string[] };
    try {
      read = await alreadyLimited(state, counted);
    } catch (error) {
      if (!(error instanceof StoreFullError)) throw error;
      logFull(state, error);
      return { limited: true, retryAfter: Math.max(1, Math.ceil(error.retryAfterMs / 1000)) };
    }
    if (read.wait !== null) return { limited: true, retryAfter: read.wait };
    let outcome: AttemptOutcome<T>;
    try {
      outcome = await run();
    } catch (error) {
      await countFailure(state, counted);
      throw error;
    }
    // Only counters that exist are cleared: most good sign-ins have none, and cost no write.
    if (outcome.succeeded) await clearAccount(state, read.live);
    else await countFailure(state, counted);
    return { limited: false, value: outcome.value };
  } finally {
    release();
  }
}

/**
 * Counts one email sign-in link request, per email address and per client address, and says
 * whether it is over a limit. Every request counts, sent or not.
 * @throws {AuthError} `StoreError` when the store cannot be reached (fail closed: nothing is sent).
 */
export async function countEmailRequest(state: RequestState, providerId: string, email: string): Promise<LimitResult> {
  const limits = state.config.rateLimit;
  if (limits === false) return { limited: false };
  const counted: Counted[] = [];
  if (limits.emailPerIdentifier !== false) {
    const key = `gatehouse:rl:email:${encodeURIComponent(providerId)}:id:${await digest(email)}`;
    counted.push({ key, limit: limits.emailPerIdentifier });
  }
  const address = limits.emailPerAddress === false ? undefined : clientAddress(state);
  if (address !== undefined && limits.emailPerAddress !== false) {
    counted.push({ key: `gatehouse:rl:email:ip:${address}`, limit: limits.emailPerAddress });
  }
  let windows: { count: number; resetAt: number }[];
  try {
    windows = await Promise.all(
      counted.map(({ key, limit }) => state.runtime.store.hit(key, limit.windowSeconds * 1000)),
    );
  } catch (error) {
    if (!(error instanceof StoreFullError)) throw storeDown(error);
    logFull(state, error);
    return { limited: true, retryAfter: Math.max(1, Math.ceil(error.retryAfterMs / 1000)) };
  }
  const waits = windows.flatMap((window, index) =>
    window.count > (counted[index] as Counted).limit.max ? [seconds(state, window.resetAt)] : [],
  );
  return waits.length === 0 ? { limited: false } : { limited: true, retryAfter: Math.max(...waits) };
}
