/**
 * `getToken`: the decoded session token from a request's cookie (or `Authorization: Bearer`),
 * for API routes and middleware. Edge-safe: web APIs only. A malformed cookie or header is
 * `null`, never an exception. A token that was signed out (its id revoked, or its user signed out
 * everywhere) is `null` too: the stores of this process's auth instances with the same secret are
 * asked, and `store` if given.
 */
import { parseCookies, readChunked } from "@gatehouse/core/cookies";
import { ConfigError, decode, isSignedOut } from "@gatehouse/core/jwt";
import { readEnv } from "../lib/env.js";
import { developmentSecret } from "../lib/development-secret.js";
import { loggerFor } from "../lib/log.js";
import type { GetTokenParams, JWT, TokenRequest } from "./types.js";

function cookieJar(req: TokenRequest): Map<string, string> {
  const { cookies } = req as { cookies?: unknown };
  if (cookies !== undefined && cookies !== null && typeof (cookies as { getAll?: unknown }).getAll === "function") {
    const all = (cookies as { getAll(): { name: string; value: string }[] }).getAll();
    return new Map(all.map((cookie) => [cookie.name, cookie.value]));
  }
  if (cookies !== undefined && cookies !== null && typeof cookies === "object") {
    const entries = Object.entries(cookies as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    );
    if (entries.length > 0) return new Map(entries);
  }
  return parseCookies(header(req, "cookie") ?? null);
}

function readCookieToken(req: TokenRequest, name: string): string | null {
  try {
    return readChunked(cookieJar(req), name).value;
  } catch {
    return null;
  }
}

function header(req: TokenRequest, name: string): string | undefined {
  const { headers } = req;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function requestIsHttps(req: TokenRequest): boolean {
  if (header(req, "x-forwarded-proto")?.split(",")[0]?.trim() === "https") return true;
  const url = (req as { url?: unknown }).url;
  return typeof url === "string" && url.startsWith("https:");
}

/**
 * Reads and decodes the session token from the request's cookie (joined when chunked), or else
 * an `Authorization: Bearer` header, with the same cookie name, secret and encryption as the
 * route handler. A token that is missing, malformed, expired, sealed with another secret, or
 * signed out (checked in this process's auth instances and `store`) reads as `null`.
 * @param params - `req` (a Node or web request) and, optionally, `secret`, `secureCookie`,
 *   `cookieName`, `salt`, `raw`, a custom `decode` and a `store` ({@link GetTokenParams}).
 * @returns the claims, the raw token with `raw: true` (not checked for sign-out), or `null`.
 * @throws {ConfigError} `MissingSecret` in production when no secret is given or set
 *   (NEXTAUTH_SECRET / AUTH_SECRET).
 * @example
 * ```ts
 * const token = await getToken({ req })
 * if (!token) return res.status(401).json({ error: "Sign in first" })
 * ```
 */
export async function getToken(params: GetTokenParams): Promise<JWT | null>;
export async function getToken(params: GetTokenParams<true>): Promise<string | null>;
export async function getToken(params: GetTokenParams<boolean>): Promise<JWT | string | null> {
  const { req } = params;
  if (typeof req !== "object" || (req as unknown) === null) throw new TypeError("getToken: pass the request as `req`.");
  const env = readEnv();
  const secure = params.secureCookie ?? (env.url === undefined ? requestIsHttps(req) : env.url.startsWith("https:"));
  const name = params.cookieName ?? `${secure ? "__Secure-" : ""}next-auth.session-token`;

  let token = readCookieToken(req, name);
  if (token === null) {
    const authorization = header(req, "authorization");
    const match = authorization === undefined ? null : /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(authorization.trim());
    token = match?.[1] ?? null;
  }
  if (token === null || token === "") return null;
  if (params.raw === true) return token;

  const secret = params.secret ?? env.secret ?? (env.environment === "production" ? undefined : developmentSecret());
  if (secret === undefined) {
    throw new ConfigError(
      "MissingSecret",
      "getToken: no secret. Set NEXTAUTH_SECRET (or AUTH_SECRET), or pass `secret`.",
    );
  }
  let claims: JWT | null;
  try {
    claims = await (params.decode ?? decode)({ token, secret, salt: params.salt ?? name });
  } catch {
    return null;
  }
  if (claims === null || typeof claims !== "object") return null;
  try {
    return (await isSignedOut(claims, { secret, store: params.store })) ? null : claims;
  } catch (error) {
    // Whether it was signed out cannot be told: no session (fail closed).
    loggerFor().error("StoreError", error);
    return null;
  }
}
