/**
 * Sealing and opening session tokens: JSON claims inside a `dir`/`A256GCM` JWE, with `iat`,
 * `exp` and `jti` (RFC 7519 §4.1) set here and checked with a 15-second clock tolerance.
 */
import { base64urlDecode } from "#crypto";
import { fromUtf8, isPlainObject, utf8 } from "./encoding.js";
import { openJwe, sealJwe, splitJwe, type JweKey } from "./jwe.js";
import type { Keyring } from "./keyring.js";

/** Clock skew accepted on `exp`, `nbf` and `iat`, in seconds. */
export const CLOCK_TOLERANCE = 15;

const LEGACY_HEADER_MAX = 128;

/** Claims every session token carries. */
export interface TokenClaims {
  iat: number;
  exp: number;
  jti: string;
  [claim: string]: unknown;
}

/** A token that opened, and how. */
export interface OpenedToken {
  payload: TokenClaims;
  /** Sealed by next-auth v4, or by `encode()` without a salt: re-issue in our format at the next chance. */
  legacy: boolean;
  /** Sealed with an older secret: re-issue with the current one. */
  rotated: boolean;
}

/** Options for {@link openToken}. */
export interface OpenOptions {
  salt: string;
  /** Also accept next-auth v4 tokens and `encode()`'s unsalted ones (session cookie only). */
  legacy: boolean;
  nowSeconds: number;
  maxLength: number;
}

/** Seals claims; `iat`/`exp` from `nowSeconds` and `maxAge`, `jti` kept if present. */
export async function sealToken(
  keyring: Keyring,
  salt: string,
  token: Record<string, unknown>,
  nowSeconds: number,
  maxAge: number,
): Promise<string> {
  const jti = typeof token.jti === "string" && token.jti.length > 0 ? token.jti : globalThis.crypto.randomUUID();
  const claims: TokenClaims = { ...token, iat: nowSeconds, exp: nowSeconds + maxAge, jti };
  const { current } = await keyring.purpose(salt);
  return sealJwe(current, utf8.encode(JSON.stringify(claims)));
}

/** Opens a token; `null` for anything that is not a valid, unexpired token of this purpose. */
export async function openToken(keyring: Keyring, token: unknown, options: OpenOptions): Promise<OpenedToken | null> {
  if (typeof token !== "string" || token.length === 0 || token.length > options.maxLength) return null;
  const parts = splitJwe(token);
  if (parts === null) return null;

  const keys = await keyring.purpose(options.salt);
  const known = keys.byHeader.get(parts.header);
  let plaintext: Uint8Array | null = null;
  let legacy = false;
  let rotated = false;
  const unsalted =
    known === undefined && options.legacy ? await unsaltedKey(keyring, options.salt, parts.header) : undefined;
  if (known !== undefined) {
    plaintext = await openJwe(known.key, parts);
    rotated = known.index > 0;
  } else if (unsalted !== undefined) {
    // `encode({ token, secret })` with no salt — next-auth v4's default, how apps' tests mint a
    // session cookie — seals for the "" purpose. Accepted here, and re-issued for this one.
    plaintext = await openJwe(unsalted, parts);
    legacy = true;
  } else if (options.legacy && isNextAuthV4Header(parts.header)) {
    legacy = true;
    for (const key of await keyring.nextAuthV4()) {
      plaintext = await openJwe(withHeader(key, parts.header), parts);
      if (plaintext !== null) break;
    }
  }
  if (plaintext === null) return null;

  const payload = parseClaims(plaintext);
  if (payload === null || !claimsAreCurrent(payload, options.nowSeconds)) return null;
  return { payload, legacy, rotated };
}

/** The key of `encode()`'s default purpose ("") that sealed a token with this header, if any. */
async function unsaltedKey(keyring: Keyring, salt: string, header: string): Promise<JweKey | undefined> {
  if (salt === "") return undefined;
  return (await keyring.purpose("")).byHeader.get(header)?.key;
}

function parseClaims(plaintext: Uint8Array): TokenClaims | null {
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8.decode(plaintext));
  } catch {
    return null;
  }
  if (!isPlainObject(value) || typeof value.exp !== "number") return null;
  if (value.iat !== undefined && typeof value.iat !== "number") return null;
  if (value.jti !== undefined && typeof value.jti !== "string") return null;
  return value as TokenClaims;
}

function claimsAreCurrent(claims: TokenClaims, now: number): boolean {
  if (claims.exp + CLOCK_TOLERANCE < now) return false;
  if (typeof claims.iat === "number" && claims.iat - CLOCK_TOLERANCE > now) return false;
  const nbf = claims.nbf;
  if (nbf !== undefined && (typeof nbf !== "number" || nbf - CLOCK_TOLERANCE > now)) return false;
  return true;
}

/** next-auth v4 writes exactly `{"alg":"dir","enc":"A256GCM"}`; nothing more is accepted. */
function isNextAuthV4Header(header: string): boolean {
  if (header.length > LEGACY_HEADER_MAX) return false;
  const bytes = base64urlDecode(header);
  if (bytes === null) return false;
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8.decode(bytes));
  } catch {
    return false;
  }
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && value.alg === "dir" && value.enc === "A256GCM";
}

/** The AAD is the header exactly as received (a re-serialised one would differ). */
function withHeader(key: JweKey, header: string): JweKey {
  return key.header === header ? key : { key: key.key, header, aad: utf8.encode(header) };
}
