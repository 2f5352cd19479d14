/**
 * One provider's signing keys: its JSON Web Key Set (RFC 7517 §5), downloaded from the
 * metadata's `jwks_uri` and kept for `DEFAULTS.oauth.jwksTtlMs`.
 *
 * Identity providers rotate their keys. A token signed with a key the cached set lacks (a `kid`
 * it has not seen, or no `kid` and a signature the cached key does not verify) asks for a newer
 * set before it is refused: one download, shared by every request waiting for it, and at most one
 * such forced download per `DEFAULTS.oauth.jwksRefetchIntervalMs`, so a flood of forged tokens
 * costs the IdP one request per interval, not one per token.
 */
import type * as oauth from "oauth4webapi";
import { DEFAULTS } from "../../lib/config/defaults.js";

/** Downloads the key set (the caller knows where from, and through which fetch). */
export type JwksDownload = () => Promise<oauth.JWKS>;

/** The cached key set of one provider. */
export class ProviderKeys {
  #jwks: oauth.JWKS | undefined;
  #fetchedAt = 0;
  #flight: Promise<oauth.JWKS> | undefined;
  #forcedAt = Number.NEGATIVE_INFINITY;

  /**
   * The cached set, or a fresh one when there is none or it is older than the TTL.
   * @param nowMs the auth instance's clock.
   */
  current(nowMs: number, download: JwksDownload): Promise<oauth.JWKS> {
    if (this.#jwks !== undefined && nowMs - this.#fetchedAt < DEFAULTS.oauth.jwksTtlMs) {
      return Promise.resolve(this.#jwks);
    }
    return this.#download(nowMs, download);
  }

  /**
   * A set newer than `stale`, for a token `stale` could not verify: the download already in
   * flight, the set another request fetched meanwhile, or a new download — unless one was forced
   * less than the refetch interval ago.
   * @returns the newer set, or `null` when none may be fetched yet.
   */
  async newer(stale: oauth.JWKS, nowMs: number, download: JwksDownload): Promise<oauth.JWKS | null> {
    if (this.#flight !== undefined) return this.#flight;
    if (this.#jwks !== undefined && this.#jwks !== stale) return this.#jwks;
    if (nowMs - this.#forcedAt < DEFAULTS.oauth.jwksRefetchIntervalMs) return null;
    this.#forcedAt = nowMs;
    return this.#download(nowMs, download);
  }

  #download(nowMs: number, download: JwksDownload): Promise<oauth.JWKS> {
    this.#flight ??= download()
      .then((jwks) => {
        this.#jwks = jwks;
        this.#fetchedAt = nowMs;
        return jwks;
      })
      .finally(() => {
        this.#flight = undefined;
      });
    return this.#flight;
  }
}
