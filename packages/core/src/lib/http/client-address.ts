/**
 * Which client a request comes from, as the rate limits count it. The address is the one the
 * integration saw connect (a socket, or what the platform vouches for) — unless the app sits
 * behind `trustedProxyHops` proxies that each append to `X-Forwarded-For`, in which case it is
 * the entry that many places from the right: the rightmost one no client could have written.
 * The leftmost entries are whatever the client sent, so they never count, and neither
 * `trustHost` nor the header's mere presence changes that. IPv6 counts per /64.
 *
 * When the address cannot be known, the per-address limits are skipped (rather than lumping
 * every client together, which would let one client lock out all) and a warning naming the
 * option says so once.
 */
import { addressKey, isPrivateAddress, parseIpAddress } from "./ip-address.js";
import type { RequestState } from "./request-state.js";

const MEMO = Symbol("client address");

/** `X-Forwarded-For`'s entries, left (what the client wrote) to right (the nearest proxy's). */
function forwardedChain(header: string | null): string[] {
  if (header === null) return [];
  return header
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

function fromProxies(state: RequestState, hops: number): string | undefined {
  const chain = forwardedChain(state.request.headers.get("x-forwarded-for"));
  const entry = chain[chain.length - hops];
  const address = entry === undefined ? null : parseIpAddress(entry);
  if (address === null) {
    state.runtime.logger.warn(
      "PROXY_HOPS_MISMATCH",
      `\`trustedProxyHops\` is ${hops}, but a request's X-Forwarded-For has ${chain.length} entries${entry === undefined ? "" : " and the one at that hop is not an IP address"}: its client address is unknown, so the per-address sign-in limits did not apply to it. Set \`trustedProxyHops\` (AUTH_TRUSTED_PROXY_HOPS) to the number of proxies that append to X-Forwarded-For, and let no request reach the app around them.`,
    );
    return undefined;
  }
  return addressKey(address);
}

function fromPeer(state: RequestState): string | undefined {
  const raw = state.context.clientAddress;
  const peer = raw === undefined ? null : parseIpAddress(raw);
  if (peer === null) {
    state.runtime.logger.warn(
      "CLIENT_ADDRESS_UNKNOWN",
      "The client's address is unknown (the integration passed none — Next.js gives App Router route handlers no socket address — and `trustedProxyHops` is 0), so the per-address sign-in limits are off; the per-account limit still applies. Behind proxies that append to X-Forwarded-For, set `trustedProxyHops` (AUTH_TRUSTED_PROXY_HOPS) to their number.",
    );
    return undefined;
  }
  if (isPrivateAddress(peer)) {
    // A private peer naming another address in X-Forwarded-For is a proxy nobody declared.
    // Counting by its address would put every client in one bucket.
    const last = forwardedChain(state.request.headers.get("x-forwarded-for")).at(-1);
    const forwarded = last === undefined ? null : parseIpAddress(last);
    if (forwarded !== null && addressKey(forwarded) !== addressKey(peer)) {
      state.runtime.logger.warn(
        "PROXY_NOT_TRUSTED",
        "Requests arrive through a proxy (a private socket address, and X-Forwarded-For naming another), but `trustedProxyHops` is 0: every client would count as the proxy, so the per-address sign-in limits are off. Set `trustedProxyHops` (AUTH_TRUSTED_PROXY_HOPS) to the number of proxies that append to X-Forwarded-For.",
      );
      return undefined;
    }
  }
  return addressKey(peer);
}

/**
 * The client's address as the rate limits count it (`192.0.2.1`, `2001:db8:0:1::/64`), worked
 * out once per request; `undefined` when it cannot be known (logged once per instance).
 */
export function clientAddress(state: RequestState): string | undefined {
  if (state.memo.has(MEMO)) return state.memo.get(MEMO) as string | undefined;
  const hops = state.config.trustedProxyHops;
  const address = hops > 0 ? fromProxies(state, hops) : fromPeer(state);
  state.memo.set(MEMO, address);
  return address;
}
