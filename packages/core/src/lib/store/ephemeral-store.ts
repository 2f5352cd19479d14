/**
 * The default {@link EphemeralStore}: one process's memory, bounded, expired entries dropped as
 * it goes.
 */
import type { EphemeralStore } from "../../types.js";

export type { EphemeralStore } from "../../types.js";

interface Entry {
  value: string;
  count: number;
  expiresAt: number;
}

/** Options of {@link MemoryStore}. */
export interface MemoryStoreOptions {
  /** @default Date.now */
  now?: () => number;
  /** Entries kept at most; the oldest go first. @default 100000 */
  maxEntries?: number;
}

/** The default store: one process's memory, bounded, expired entries dropped as it goes. */
export class MemoryStore implements EphemeralStore {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;
  readonly #maxEntries: number;

  constructor(options: MemoryStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#maxEntries = options.maxEntries ?? 100_000;
  }

  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }> {
    const now = this.#now();
    let entry = this.#live(key, now);
    if (entry === undefined) {
      entry = { value: "", count: 0, expiresAt: now + windowMs };
      this.#put(key, entry, now);
    }
    entry.count += 1;
    return Promise.resolve({ count: entry.count, resetAt: entry.expiresAt });
  }

  get(key: string): Promise<string | null> {
    return Promise.resolve(this.#live(key, this.#now())?.value ?? null);
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    const now = this.#now();
    this.#put(key, { value, count: 0, expiresAt: now + ttlMs }, now);
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.#entries.delete(key);
    return Promise.resolve();
  }

  #live(key: string, now: number): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry !== undefined && entry.expiresAt <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #put(key: string, entry: Entry, now: number): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.#maxEntries) this.#evict(now);
    this.#entries.set(key, entry);
  }

  /** Drops expired entries; if none were, the oldest tenth. */
  #evict(now: number): void {
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
    if (this.#entries.size < this.#maxEntries) return;
    let drop = Math.ceil(this.#maxEntries / 10);
    for (const key of this.#entries.keys()) {
      if (drop-- <= 0) break;
      this.#entries.delete(key);
    }
  }
}
