/**
 * Time-based one-time passwords (RFC 6238) through the `otpauth` library: HMAC-SHA1, 6 digits,
 * 30-second steps, one step of clock drift accepted either way (RFC 6238 §5.2). The caller keeps
 * the last step used, so each code is accepted once.
 */
import type { TOTP } from "otpauth";

/** The library, loaded with the first two-factor request (not with every server start). */
const otpauth = () => import("otpauth");

/** Seconds per time step (RFC 6238 §4: X = 30). */
export const TOTP_PERIOD = 30;
const DIGITS = 6;

/** A fresh 160-bit secret (RFC 4226 §4 recommends 160 bits), in base32. */
export async function newTotpSecret(): Promise<string> {
  const { Secret } = await otpauth();
  return new Secret({ size: 20 }).base32;
}

async function totp(secret: string, issuer: string, label: string): Promise<TOTP> {
  const { Secret, TOTP } = await otpauth();
  return new TOTP({
    issuer,
    label,
    algorithm: "SHA1",
    digits: DIGITS,
    period: TOTP_PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

/** The `otpauth://totp/…` URI an authenticator app scans (Key Uri Format). */
export async function totpUri(secret: string, issuer: string, label: string): Promise<string> {
  return (await totp(secret, issuer, label)).toString();
}

/** The time step of a moment (RFC 6238 §4.2: T = floor(unix time / X)). */
export function timeStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD);
}

/** The code for a step (for tests and the demo's own checks). */
export async function totpCode(secret: string, step: number): Promise<string> {
  return (await totp(secret, "x", "x")).generate({ timestamp: step * TOTP_PERIOD * 1000 });
}

/**
 * The time step whose code `code` is, within one step of now, or `null`. `code` must be six
 * digits (spaces are ignored); the comparison is constant-time inside the library.
 */
export async function matchTotp(secret: string, code: string, nowMs: number): Promise<number | null> {
  const digits = code.replace(/\s+/g, "");
  if (!/^[0-9]{6}$/.test(digits)) return null;
  const delta = (await totp(secret, "x", "x")).validate({ token: digits, timestamp: nowMs, window: 1 });
  return delta === null ? null : timeStep(nowMs) + delta;
}
