/**
 * The one clock. Every expiry — sessions, tokens, rate-limit windows, adapters' own checks — is
 * judged by the clock an auth instance is given (`now`), which defaults to this one. Nothing else
 * in Gatehouse reads the system time.
 */

/**
 * The system clock: milliseconds since the epoch. The default `now` of an auth instance and of
 * the adapters; pass your own `now` instead to test expiry.
 *
 * @returns `Date.now()`.
 *
 * @example
 * ```ts
 * const adapter = SQLiteAdapter(":memory:", { now: systemClock });
 * ```
 */
export const systemClock = (): number => Date.now();

/** Seconds since the epoch on `clock`. */
export function epochSeconds(clock: () => number = systemClock): number {
  return Math.floor(clock() / 1000);
}
