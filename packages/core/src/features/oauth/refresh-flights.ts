/**
 * Provider-token refreshes in flight, per refresh token: parallel requests refresh once, and the
 * outcome answers for that refresh token for a minute, so requests still carrying the
 * pre-rotation cookie reuse it instead of spending a rotated-away refresh token.
 */

/** The provider tokens kept in the session token of a refreshing provider. */
export interface StoredProviderTokens {
  provider: string;
  access_token?: string;
  refresh_token?: string;
  expires_at?: number;
}

/** How long a finished refresh answers for its old refresh token. */
const REUSE_MS = 60_000;

interface Flight {
  result: Promise<StoredProviderTokens | null>;
  startedAt: number;
}

/** In-flight and recent refreshes, per refresh token. */
export class RefreshFlights {
  readonly #flights = new Map<string, Flight>();

  run(
    key: string,
    now: number,
    refresh: () => Promise<StoredProviderTokens | null>,
  ): Promise<StoredProviderTokens | null> {
    for (const [existing, flight] of this.#flights) {
      if (now - flight.startedAt > REUSE_MS) this.#flights.delete(existing);
    }
    const current = this.#flights.get(key);
    if (current !== undefined) return current.result;
    const flight: Flight = { result: refresh(), startedAt: now };
    this.#flights.set(key, flight);
    return flight.result;
  }
}
