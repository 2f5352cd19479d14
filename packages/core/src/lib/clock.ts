/**
 * The one clock. Every expiry — sessions, tokens, rate-limit windows, adapters' own checks — is
 * judged by the clock an auth instance is given (`now`), which defaults to this one. Nothing else
 * in Gatehouse reads the system time.
 */

/** Milliseconds since the epoch, from the system. */
export const systemClock = (): number => Date.now();

/** Seconds since the epoch on `clock`. */
export function epochSeconds(clock: () => number = systemClock): number {
  return Math.floor(clock() / 1000);
}
