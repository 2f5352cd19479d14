/**
 * One bounded map of expiring entries, the building block of {@link MemoryStore}. Expired entries
 * are dropped when met and, once the pool is full, by a sweep at most once a second. A full pool
 * refuses a new key with a {@link StoreFullError}; it never forgets a live entry to make room, so
 * whoever fills it cannot erase what others put there.
 */
import { StoreFullError } from "../../errors.js";

/** What every pooled entry has. */
export interface PoolEntry {
  /** When the entry expires, in the store's clock (ms). */
  expiresAt: number;
}

/** How often a full pool looks for expired entries, at most. */
const SWEEP_INTERVAL_MS = 1000;

/** A map of at most `max` live entries. */
export class BoundedPool<E extends PoolEntry> {
  readonly #entries = new Map<string, E>();
  readonly #max: number;
  readonly #full: string;
  #nextSweep = Number.NEGATIVE_INFINITY;
  #earliest = Number.POSITIVE_INFINITY;

  /**
   * @param max live entries kept at most.
   * @param full the message of the {@link StoreFullError} a new key gets when the pool is full.
   */
  constructor(max: number, full: string) {
    this.#max = max;
    this.#full = full;
  }

  /** Entries held (some may have expired and not been swept yet). */
  get size(): number {
    return this.#entries.size;
  }

  /** The live entry under `key`; an expired one is dropped. */
  get(key: string, now: number): E | undefined {
    const entry = this.#entries.get(key);
    if (entry !== undefined && entry.expiresAt <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /**
   * Throws unless `key` could be stored now: it is already held, or there is room (after
   * dropping expired entries).
   * @throws {StoreFullError} when the pool is full of live entries.
   */
  ensureRoom(key: string, now: number): void {
    if (this.#entries.size < this.#max || this.#entries.has(key)) return;
    this.#sweep(now);
    if (this.#entries.size < this.#max) return;
    throw new StoreFullError(this.#full, Math.max(1000, this.#earliest - now));
  }

  /**
   * Stores `entry` under `key` (replacing what was there).
   * @throws {StoreFullError} when `key` is new and the pool is full of live entries.
   */
  set(key: string, entry: E, now: number): void {
    this.ensureRoom(key, now);
    this.#entries.delete(key);
    this.#entries.set(key, entry);
  }

  /** Removes `key`. */
  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** Drops expired entries and notes when the earliest live one expires. */
  #sweep(now: number): void {
    // At most once a second, so a flood of refused keys costs no full scan each; a clock that
    // went back sweeps at once.
    if (now < this.#nextSweep && now >= this.#nextSweep - SWEEP_INTERVAL_MS) return;
    this.#nextSweep = now + SWEEP_INTERVAL_MS;
    let earliest = Number.POSITIVE_INFINITY;
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(key);
      else if (entry.expiresAt < earliest) earliest = entry.expiresAt;
    }
    this.#earliest = earliest;
  }
}
