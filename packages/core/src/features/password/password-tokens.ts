/**
 * The tokens in verification and reset links, kept like magic-link tokens: 256 random bits,
 * stored only as a keyed hash (HMAC-SHA-256 under a key derived from the secret, its own key for
 * this feature), single use (the adapter deletes it atomically on use), with an expiry. The link
 * carries the address too (`<base64url(email)>.<random>`), so `POST password/reset` needs only the
 * token; the stored identifier is the purpose and the address, so a verification token never
 * resets a password.
 */
import { base64urlDecode, base64urlEncode, hkdfSha256, hmacSha256, randomBytes } from "#crypto";
import { withAdapter } from "../../lib/adapter-call.js";
import { fromUtf8, utf8 } from "../../lib/encoding.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { normalizeEmail } from "../../lib/identity/email-address.js";
import { RuntimeSlot, type AuthRuntime } from "../../lib/runtime.js";

/** What a token is for. */
export type TokenPurpose = "verify-email" | "password-reset";

const INFO = utf8.encode("Gatehouse password token hash key");

const KEYS = new RuntimeSlot("password token keys", (runtime: AuthRuntime) =>
  Promise.all(runtime.config.secrets.map((secret) => hkdfSha256(utf8.encode(secret), new Uint8Array(0), INFO, 32))),
);

async function hashes(runtime: AuthRuntime, token: string): Promise<string[]> {
  const data = utf8.encode(token);
  return Promise.all((await runtime.slot(KEYS)).map(async (key) => base64urlEncode(await hmacSha256(key, data))));
}

/** Stores a new token for `email` and returns it (for the link). */
export async function issueToken(
  state: RequestState,
  purpose: TokenPurpose,
  email: string,
  maxAge: number,
): Promise<{ token: string; expires: Date }> {
  const token = `${base64urlEncode(utf8.encode(email))}.${base64urlEncode(randomBytes(32))}`;
  const expires = new Date(state.nowMs + maxAge * 1000);
  const [hash] = await hashes(state.runtime, token);
  await withAdapter(state.runtime, "createVerificationToken", (adapter) =>
    adapter.createVerificationToken({ identifier: `${purpose}:${email}`, token: hash as string, expires }),
  );
  return { token, expires };
}

/** The address a token names, if it is well formed (nothing is used). */
export function tokenEmail(token: unknown): string | null {
  if (typeof token !== "string" || token.length > 600) return null;
  const [encoded, random, extra] = token.split(".");
  if (encoded === undefined || random === undefined || extra !== undefined || random.length < 43) return null;
  const bytes = base64urlDecode(encoded);
  if (bytes === null) return null;
  let email: string;
  try {
    email = fromUtf8.decode(bytes);
  } catch {
    return null;
  }
  const normalized = normalizeEmail(email);
  return "email" in normalized && normalized.email === email ? email : null;
}

/**
 * Uses a token, once: the address it was for, or `null` when it is unknown, used, expired or for
 * another purpose.
 */
export async function useToken(state: RequestState, purpose: TokenPurpose, token: unknown): Promise<string | null> {
  const email = tokenEmail(token);
  if (email === null) return null;
  for (const hash of await hashes(state.runtime, token as string)) {
    const used = await withAdapter(state.runtime, "useVerificationToken", (adapter) =>
      adapter.useVerificationToken({ identifier: `${purpose}:${email}`, token: hash }),
    );
    if (used !== null) return used.expires.getTime() > state.nowMs ? email : null;
  }
  return null;
}
