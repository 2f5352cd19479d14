/**
 * The default {@link EphemeralStore}: one process's memory, in three bounded pools, so what
 * anonymous traffic creates can never push out what signed-in users did:
 *
 * - **counters** (`hit`/`peek`): rate-limit counters. Anyone can create one by failing a sign-in
 *   with a fresh identifier, so when the pool is full a new counter is refused — the attempt is
 *   answered 429 — and no live counter is ever forgotten (forgetting would reset an attacker's
 *   count).
 * - **security** (`set`/`get` of keys under `gatehouse:revoked:` and `gatehouse:epoch:`):
 *   revoked session-token ids and session epochs. Only signed-in users' actions add to it
 *   (signing out, signing out everywhere); nothing evicts it.
 * - **values**: anything else `set` stores.
 *
 * Expired entries are dropped as they are met, and swept once a pool is full.
 */
import type { EphemeralStore } from "../../types.js";
import { systemClock } from "../clock.js";
import { DEFAULTS } from "../config/defaults.js";
import { BoundedPool, type PoolEntry } from "./bounded-pool.js";

export type { EphemeralStore } from "../../types.js";

/** Key prefixes of security state: never evicted, kept apart from counters. */
export const SECURITY_KEY_PREFIXES: readonly string[] = ["gatehouse:revoked:", "gatehouse:epoch:"];

/** Whether `key` is security state (a revocation or a session epoch). */
export function isSecurityKey(key: string): boolean {
  return SECURITY_KEY_PREFIXES.some((prefix) => key.startsWith(prefix));
}

interface Counter extends PoolEntry {
  count: number;
}

interface Value extends PoolEntry {
  value: string;
}

/** Options of {@link MemoryStore}: the clock and the bound of each pool, in entries. */
export interface MemoryStoreOptions {
  /** The clock, in milliseconds (pass the auth instance's `now`). @default Date.now */
  now?: (() => number) | undefined;
  /**
   * Live rate-limit counters kept at most. Unauthenticated traffic creates them (each failed
   * sign-in with a new identifier, each email-link request for a new address), and nothing else
   * shares this pool. When it is full, a counter for a new key is refused (`StoreFullError`: the
   * attempt gets 429 and `RATE_LIMIT_STORE_FULL` is logged) until one expires; a live counter is
   * never evicted. About 200 bytes each.
   * @default 100000
   */
  maxCounters?: number | undefined;
  /**
   * Revoked session-token ids and session epochs (keys under `gatehouse:revoked:` and
   * `gatehouse:epoch:`) kept at most. Only signed-in users add to them, and nothing evicts them;
   * each lasts `maxAge` (until no copy of the session it names can be valid). When full, a new one
   * is refused (`StoreFullError`, logged as `StoreError`): the sign-out clears the browser's
   * cookies but answers 503, because a copy of that token would stay valid — raise the bound or
   * use a shared store.
   * @default 1000000
   */
  maxSecurityEntries?: number | undefined;
  /** Other values `set` stores, kept at most; a new one is refused when full. @default 100000 */
  maxValues?: number | undefined;
  /** @deprecated the single bound of the old shared map; now `maxCounters`. */
  maxEntries?: number | undefined;
}

/** The default store: this process's memory, in bounded pools that never evict live entries. */
export class MemoryStore implements EphemeralStore {
  readonly #now: () => number;
  readonly #counters: BoundedPool<Counter>;
  readonly #security: BoundedPool<Value>;
  readonly #values: BoundedPool<Value>;

  /** @param options the clock and the pools' bounds (see {@link MemoryStoreOptions}). */
  constructor(options: MemoryStoreOptions = {}) {
    const bounds = DEFAULTS.memoryStore;
    this.#now = options.now ?? systemClock;
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the old name still works
    const maxCounters = bound(options.maxCounters ?? options.maxEntries ?? bounds.maxCounters, "maxCounters");
    const maxSecurity = bound(options.maxSecurityEntries ?? bounds.maxSecurityEntries, "maxSecurityEntries");
    const maxValues = bound(options.maxValues ?? bounds.maxValues, "maxValues");
    this.#counters = new BoundedPool(
      maxCounters,
      `The in-memory store holds ${maxCounters} live rate-limit counters, its limit: a new one is refused rather than forgetting another's count. Raise \`new MemoryStore({ maxCounters })\`, or use a shared store with room (\`store: new RedisStore(url)\`).`,
    );
    this.#security = new BoundedPool(
      maxSecurity,
      `The in-memory store holds ${maxSecurity} revocations and session epochs, its limit: a new one is refused, none is forgotten. Raise \`new MemoryStore({ maxSecurityEntries })\`, or use a shared store (\`store: new RedisStore(url)\`).`,
    );
    this.#values = new BoundedPool(
      maxValues,
      `The in-memory store holds ${maxValues} values, its limit. Raise \`new MemoryStore({ maxValues })\`.`,
    );
  }

  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }> {
    return settle(() => {
      const now = this.#now();
      let counter = this.#counters.get(key, now);
      if (counter === undefined) {
        counter = { count: 0, expiresAt: now + windowMs };
        this.#counters.set(key, counter, now);
      }
      counter.count += 1;
      return { count: counter.count, resetAt: counter.expiresAt };
    });
  }

  peek(key: string): Promise<{ count: number; resetAt: number } | null> {
    return settle(() => {
      const now = this.#now();
      const counter = this.#counters.get(key, now);
      if (counter !== undefined) return { count: counter.count, resetAt: counter.expiresAt };
      this.#counters.ensureRoom(key, now);
      return null;
    });
  }

  get(key: string): Promise<string | null> {
    return Promise.resolve(this.#pool(key).get(key, this.#now())?.value ?? null);
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    return settle(() => {
      const now = this.#now();
      this.#pool(key).set(key, { value, expiresAt: now + ttlMs }, now);
    });
  }

  delete(key: string): Promise<void> {
    this.#counters.delete(key);
    this.#pool(key).delete(key);
    return Promise.resolve();
  }

  #pool(key: string): BoundedPool<Value> {
    return isSecurityKey(key) ? this.#security : this.#values;
  }
}

function bound(value: number, option: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new TypeError(`\`new MemoryStore({ ${option} })\` must be a whole number of entries ≥ 1.`);
  }
  return value;
}

/** Runs `fn`, its throw becoming a rejection (the store's methods reject, never throw). */
function settle<T>(fn: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(fn());
  });
}
