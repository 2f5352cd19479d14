/**
 * The authorization server's metadata: discovered from `issuer` or `wellKnown` (RFC 8414,
 * OIDC Discovery 1.0), or assembled from explicit endpoints, with explicit endpoints winning.
 * Discovery results are cached per provider for an hour; failures are not cached.
 */
import * as oauth from "oauth4webapi";
import { DEFAULTS } from "../../lib/config/defaults.js";
import type { ResolvedOAuthProvider } from "../../provider-types.js";
import { ProviderKeys } from "./provider-keys.js";

/** Whether `url` is on this machine (plain http is allowed there, and only there). */
export function isLoopback(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

/** oauth4webapi options for a request to `url` through `fetchFn`: plain http only on loopback. */
export function requestOptions(fetchFn: typeof fetch, url: string | undefined): Record<symbol, unknown> {
  return {
    [oauth.customFetch]: fetchFn,
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- deliberately, for a local IdP on loopback only
    ...(url !== undefined && isLoopback(url) ? { [oauth.allowInsecureRequests]: true } : {}),
  };
}

/** Caches metadata and signing keys per provider for one configuration. */
export class ServerMetadataCache {
  readonly #entries = new Map<string, { at: number; value: Promise<oauth.AuthorizationServer> }>();
  readonly #keys = new Map<string, ProviderKeys>();

  /** A provider's signing keys. */
  keys(providerId: string): ProviderKeys {
    let keys = this.#keys.get(providerId);
    if (keys === undefined) {
      keys = new ProviderKeys();
      this.#keys.set(providerId, keys);
    }
    return keys;
  }

  get(provider: ResolvedOAuthProvider, fetchFn: typeof fetch, now: number): Promise<oauth.AuthorizationServer> {
    const cached = this.#entries.get(provider.id);
    if (cached !== undefined && now - cached.at < DEFAULTS.oauth.metadataTtlMs) return cached.value;
    const value = load(provider, fetchFn);
    this.#entries.set(provider.id, { at: now, value });
    value.catch(() => {
      if (this.#entries.get(provider.id)?.value === value) this.#entries.delete(provider.id);
    });
    return value;
  }
}

async function load(provider: ResolvedOAuthProvider, fetchFn: typeof fetch): Promise<oauth.AuthorizationServer> {
  const { endpoints } = provider;
  let discovered: oauth.AuthorizationServer | undefined;
  if (provider.wellKnown !== undefined) {
    const response = await fetchFn(provider.wellKnown, { headers: { accept: "application/json" } });
    const issuer =
      provider.issuer ??
      (
        (await response
          .clone()
          .json()
          .catch(() => ({}))) as { issuer?: unknown }
      ).issuer;
    if (typeof issuer !== "string") throw new TypeError(`${provider.wellKnown} names no issuer`);
    discovered = await oauth.processDiscoveryResponse(new URL(issuer), response);
  } else if (
    provider.issuer !== undefined &&
    (endpoints.authorization === undefined || endpoints.token === undefined)
  ) {
    const issuer = new URL(provider.issuer);
    const response = await oauth.discoveryRequest(issuer, {
      algorithm: "oidc",
      ...requestOptions(fetchFn, provider.issuer),
    });
    discovered = await oauth.processDiscoveryResponse(issuer, response);
  }
  const issuer =
    discovered?.issuer ?? provider.issuer ?? new URL(endpoints.authorization ?? endpoints.token ?? "").origin;
  return {
    ...discovered,
    issuer,
    ...(endpoints.authorization === undefined ? {} : { authorization_endpoint: endpoints.authorization }),
    ...(endpoints.token === undefined ? {} : { token_endpoint: endpoints.token }),
    ...(endpoints.userinfo === undefined ? {} : { userinfo_endpoint: endpoints.userinfo }),
    ...tenantIssuer(issuer),
  };
}

/**
 * Microsoft's multi-tenant endpoints (`common`, `organizations`, `consumers`) publish an issuer
 * template, `https://login.microsoftonline.com/{tenantid}/v2.0`: each ID token's issuer is the
 * template filled with the token's own `tid`, and is checked as that (as openid-client does).
 * https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens#validate-the-issuer
 */
function tenantIssuer(issuer: string): Record<symbol, unknown> {
  // oauth4webapi's hook for this (exported for openid-client, not in its typings).
  const hook = (oauth as unknown as { _expectedIssuer?: symbol })._expectedIssuer;
  if (!issuer.includes("{tenantid}") || hook === undefined) return {};
  return {
    [hook]: (result: { claims: Record<string, unknown> }) => {
      const { tid } = result.claims;
      // A tenant id is a GUID; without one, no issuer can match (not even the template itself).
      const tenant = typeof tid === "string" && /^[0-9a-f-]{36}$/i.test(tid) ? tid : "(no valid tid)";
      return issuer.replace("{tenantid}", tenant);
    },
  };
}
