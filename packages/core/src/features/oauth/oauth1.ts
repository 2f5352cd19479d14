/**
 * OAuth 1.0a (RFC 5849) for the providers that still use it (X/Twitter's legacy API): request
 * token, user authorization, access token, and HMAC-SHA1-signed requests. Small and
 * self-contained; the signature base string follows §3.4.1 exactly.
 */
import { base64urlEncode, randomBytes } from "#crypto";
import { epochSeconds } from "../../lib/clock.js";
import { utf8 } from "../../lib/encoding.js";

/** RFC 3986 percent-encoding (§3.6: unreserved characters only are left as they are). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** What a signed request needs. */
export interface SignatureInput {
  method: string;
  url: string;
  consumerKey: string;
  consumerSecret: string;
  token?: string | undefined;
  tokenSecret?: string | undefined;
  /** Extra `oauth_*` parameters (`oauth_callback`, `oauth_verifier`). */
  oauthParams?: Record<string, string>;
  /** Form-encoded body parameters, which are signed too. */
  bodyParams?: Record<string, string>;
  /** Fixed nonce and timestamp, for test vectors. */
  nonce?: string;
  timestamp?: string;
}

/** The signature base string of §3.4.1. */
export function signatureBaseString(method: string, url: string, params: [string, string][]): string {
  const parsed = new URL(url);
  const all = [...params, ...[...parsed.searchParams.entries()]].map(
    ([k, v]) => [percentEncode(k), percentEncode(v)] as const,
  );
  all.sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1));
  const normalized = all.map(([k, v]) => `${k}=${v}`).join("&");
  const port =
    parsed.port === "" ||
    (parsed.protocol === "http:" && parsed.port === "80") ||
    (parsed.protocol === "https:" && parsed.port === "443")
      ? ""
      : `:${parsed.port}`;
  const base = `${parsed.protocol}//${parsed.hostname.toLowerCase()}${port}${parsed.pathname}`;
  return `${method.toUpperCase()}&${percentEncode(base)}&${percentEncode(normalized)}`;
}

async function hmacSha1Base64(key: string, text: string): Promise<string> {
  const cryptoKey = await globalThis.crypto.subtle.importKey(
    "raw",
    utf8.encode(key),
    { name: "HMAC", hash: "SHA-1" },
    false,
    ["sign"],
  );
  const signature = new Uint8Array(await globalThis.crypto.subtle.sign("HMAC", cryptoKey, utf8.encode(text)));
  return btoa(String.fromCharCode(...signature));
}

/** The `Authorization: OAuth …` header for a request (HMAC-SHA1, §3.5.1). */
export async function authorizationHeader(input: SignatureInput): Promise<string> {
  const oauthParams: Record<string, string> = {
    oauth_consumer_key: input.consumerKey,
    oauth_nonce: input.nonce ?? base64urlEncode(randomBytes(24)),
    oauth_signature_method: "HMAC-SHA1",
    oauth_timestamp: input.timestamp ?? String(epochSeconds()),
    oauth_version: "1.0",
    ...(input.token === undefined ? {} : { oauth_token: input.token }),
    ...input.oauthParams,
  };
  const base = signatureBaseString(input.method, input.url, [
    ...Object.entries(oauthParams),
    ...Object.entries(input.bodyParams ?? {}),
  ]);
  const key = `${percentEncode(input.consumerSecret)}&${percentEncode(input.tokenSecret ?? "")}`;
  oauthParams.oauth_signature = await hmacSha1Base64(key, base);
  return `OAuth ${Object.entries(oauthParams)
    .map(([k, v]) => `${percentEncode(k)}="${percentEncode(v)}"`)
    .join(", ")}`;
}

/** POSTs a signed request and parses the form-encoded answer (request and access tokens). */
export async function signedTokenRequest(
  fetchFn: typeof fetch,
  input: SignatureInput,
): Promise<Record<string, string>> {
  const response = await fetchFn(input.url, {
    method: "POST",
    headers: { authorization: await authorizationHeader(input), accept: "application/x-www-form-urlencoded" },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`OAuth 1.0a token endpoint answered ${response.status}`);
  return Object.fromEntries(new URLSearchParams(text));
}
