/** Argon2id's cost parameters (RFC 9106), as stored in every PHC string. */
export interface Argon2Params {
  /** Memory in KiB. */
  readonly memoryCost: number;
  /** Passes over memory. */
  readonly timeCost: number;
  /** Lanes. */
  readonly parallelism: number;
}
