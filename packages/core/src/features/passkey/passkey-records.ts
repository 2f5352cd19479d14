/** The signed-in user's passkeys as the browser sees them, and the adapter calls behind them. */
import type { AdapterPasskey } from "../../adapter.js";
import { withAdapter } from "../../lib/adapter-call.js";
import type { RequestState } from "../../lib/http/request-state.js";

/** A passkey as listed to its owner (no key material). */
export interface PasskeyInfo {
  id: string;
  name: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601, or `null` before its first sign-in. */
  lastUsedAt: string | null;
  /** `"multiDevice"`: synced by a passkey manager; `"singleDevice"`: bound to one authenticator. */
  deviceType: "singleDevice" | "multiDevice";
  backedUp: boolean;
}

/** The browser's view of a stored passkey. */
export function passkeyInfo(passkey: AdapterPasskey): PasskeyInfo {
  return {
    id: passkey.id,
    name: passkey.name,
    createdAt: passkey.createdAt.toISOString(),
    lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null,
    deviceType: passkey.deviceType,
    backedUp: passkey.backedUp,
  };
}

/** A user's passkeys, oldest first. */
export function userPasskeys(state: RequestState, userId: string): Promise<AdapterPasskey[]> {
  return withAdapter(state.runtime, "listPasskeys", (adapter) => adapter.listPasskeys(userId));
}

/** The name a user gave a passkey, tidied: trimmed, control characters out, at most 64 characters; `null` if unusable. */
export function passkeyName(value: unknown, maxLength: number): string | null {
  if (typeof value !== "string") return null;
  const name = value
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim();
  if (name === "" || Array.from(name).length > maxLength) return null;
  return name;
}
