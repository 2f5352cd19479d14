/**
 * Every default, in one place. `resolveConfig()` fills a user's options from here once, when the
 * auth instance is created; the Next.js package, its middleware and the React client import the
 * names they share (`basePath`, the cookie prefix) from here instead of repeating them.
 */
/** Where the auth routes live (also on its own, so a client bundle takes nothing else). */
export const DEFAULT_BASE_PATH = "/api/auth";

/** The cookie-name family: `next-auth.session-token`, `next-auth.csrf-token`, … */
export const DEFAULT_COOKIE_PREFIX = "next-auth";

// Marked pure, and numbers written out (esbuild keeps a call whose arguments compute), so a
// bundle that takes one constant above leaves the rest out.
/** Longest session token decoded at all (on its own, for the Edge bundle). */
export const MAX_TOKEN_LENGTH = 16_384; // 16 KiB

/** Seconds until an idle session expires: 30 days (on its own, for the Edge bundle). */
export const SESSION_MAX_AGE = 2_592_000;

/**
 * Every default option value, frozen: sessions, rate limits, the memory store's bounds, the
 * theme, email links, OAuth timeouts and caches, body and secret limits. `resolveConfig()` fills
 * unset options from here; read it to learn a default rather than repeating the number.
 *
 * @example
 * ```ts
 * import { DEFAULTS } from "@gatehouse/core/defaults";
 * DEFAULTS.session.maxAge; // 2_592_000 (30 days)
 * ```
 */
export const DEFAULTS = /* @__PURE__ */ Object.freeze({
  basePath: DEFAULT_BASE_PATH,
  cookiePrefix: DEFAULT_COOKIE_PREFIX,
  session: /* @__PURE__ */ Object.freeze({
    strategy: "jwt" as const,
    maxAge: SESSION_MAX_AGE,
    /** 24 hours. */
    updateAge: 86_400,
    /** Leaves room under the ~8 KB request-header limit common to servers and proxies. */
    maxCookieBytes: 7_168, // 7 KiB
  }),
  /** Windows of 15 minutes. Credentials limits count failed attempts only; email limits count requests. */
  rateLimit: /* @__PURE__ */ Object.freeze({
    perIdentifier: /* @__PURE__ */ Object.freeze({ max: 10, windowSeconds: 900 }),
    perPair: /* @__PURE__ */ Object.freeze({ max: 5, windowSeconds: 900 }),
    /** 1,000 sign-ins from one NAT with a typo in one in ten (100 failures) stay at half of it. */
    perAddress: /* @__PURE__ */ Object.freeze({ max: 200, windowSeconds: 900 }),
    emailPerIdentifier: /* @__PURE__ */ Object.freeze({ max: 5, windowSeconds: 900 }),
    emailPerAddress: /* @__PURE__ */ Object.freeze({ max: 500, windowSeconds: 900 }),
  }),
  /** Proxies trusted to append to `X-Forwarded-For`: none; the socket's address counts. */
  trustedProxyHops: 0,
  /** Bounds of the default `MemoryStore`'s pools, in entries. */
  memoryStore: /* @__PURE__ */ Object.freeze({
    /** Rate-limit counters (anonymous traffic creates them); refused, never evicted, when full. */
    maxCounters: 100_000,
    /** Revocations and session epochs (only signed-in users create them); never evicted. */
    maxSecurityEntries: 1_000_000,
    /** Every other value `set` stores. */
    maxValues: 100_000,
  }),
  theme: /* @__PURE__ */ Object.freeze({
    colorScheme: "auto" as const,
    brandColor: "#4f46e5",
    buttonText: "#ffffff",
  }),
  email: /* @__PURE__ */ Object.freeze({
    /** Seconds an email sign-in link stays valid (15 minutes; next-auth: 24 hours). */
    maxAge: 900,
    /** The sender when the provider names none. */
    from: "Gatehouse <no-reply@localhost>",
  }),
  passkey: /* @__PURE__ */ Object.freeze({
    /** Seconds a passkey challenge (its cookie and its stored copy) lives. */
    challengeMaxAge: 300, // 5 minutes
    /** What the authenticator is asked about user verification (WebAuthn `userVerification`). */
    userVerification: "preferred",
    /** Milliseconds the browser waits for the user (WebAuthn `timeout`). */
    timeout: 300_000,
    /** Longest name of a passkey, in characters. */
    maxNameLength: 64,
    /** Most passkeys one user may have. */
    maxPerUser: 20,
  }),
  password: /* @__PURE__ */ Object.freeze({
    /** Seconds a verification link works (24 hours). */
    verificationMaxAge: 86_400,
    /** Seconds a reset link works (15 minutes). */
    resetMaxAge: 900,
    /** ASVS 5: at least 8 characters, at most 128 allowed. */
    minLength: 8,
    maxLength: 128,
    /** OWASP's argon2id parameters: 19 MiB, 2 passes, 1 lane. */
    hash: /* @__PURE__ */ Object.freeze({ memoryCost: 19_456, timeCost: 2, parallelism: 1 }),
  }),
  oauth: /* @__PURE__ */ Object.freeze({
    /** Seconds the state, PKCE and nonce cookies of a sign-in in progress live. */
    checkMaxAge: 900, // 15 minutes
    /** Milliseconds before a request to an identity provider is abandoned. */
    timeout: 10_000,
    /** Largest answer read from an identity provider. */
    maxResponseBytes: 1_048_576, // 1 MiB
    /** How long discovered server metadata is kept, in milliseconds. */
    metadataTtlMs: 3_600_000, // an hour
    /** How long an identity provider's signing keys (JWKS) are kept, in milliseconds. */
    jwksTtlMs: 300_000, // 5 minutes
    /**
     * The least time between two JWKS downloads that a token signed with an unknown key forces,
     * per provider, in milliseconds: key rotation is picked up at once, a flood of forged tokens
     * costs the IdP one request per interval.
     */
    jwksRefetchIntervalMs: 30_000, // 30 seconds
  }),
  twoFactor: /* @__PURE__ */ Object.freeze({
    /** Every first factor asks for the second (provider types, or provider ids). */
    requireFor: /* @__PURE__ */ Object.freeze(["credentials", "password", "email", "oauth", "oidc"] as const),
    /** Seconds a sign-in waits for its code (5 minutes). */
    pendingMaxAge: 300,
    /** Seconds "trust this device" lasts (30 days). */
    trustDeviceMaxAge: 2_592_000,
  }),
  /** Largest request body read at all. */
  maxBodyBytes: 65_536, // 64 KiB
  maxTokenLength: MAX_TOKEN_LENGTH,
  /** Secrets shorter than this are refused in production. */
  minSecretLength: 16,
});
