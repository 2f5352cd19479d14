/** The OAuth feature's run-time state, one per auth instance: discovery and JWKS caches, refreshes in flight. */
import { RuntimeSlot } from "../../lib/runtime.js";
import { RefreshFlights } from "./refresh-flights.js";
import { ServerMetadataCache } from "./server-metadata.js";

/** What the OAuth feature keeps while the app runs. */
export interface OAuthState {
  /** Discovered server metadata and JWKS, per provider. */
  readonly metadata: ServerMetadataCache;
  /** Provider-token refreshes in flight (and just finished). */
  readonly flights: RefreshFlights;
}

export const OAUTH_STATE = new RuntimeSlot<OAuthState>("oauth", () => ({
  metadata: new ServerMetadataCache(),
  flights: new RefreshFlights(),
}));
