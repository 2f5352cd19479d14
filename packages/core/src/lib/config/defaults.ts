/**
 * Every default, in one place. `resolveConfig()` fills a user's options from here once, when the
 * auth instance is created.
 */
export const DEFAULTS = Object.freeze({
  basePath: "/api/auth",
  cookiePrefix: "next-auth",
  session: Object.freeze({
    strategy: "jwt" as const,
    /** 30 days. */
    maxAge: 30 * 24 * 60 * 60,
    /** 24 hours. */
    updateAge: 24 * 60 * 60,
    /** Leaves room under the ~8 KB request-header limit common to servers and proxies. */
    maxCookieBytes: 7 * 1024,
  }),
  rateLimit: Object.freeze({
    perIdentifier: Object.freeze({ max: 10, windowSeconds: 15 * 60 }),
    perAddress: Object.freeze({ max: 100, windowSeconds: 15 * 60 }),
  }),
  theme: Object.freeze({
    colorScheme: "auto" as const,
    brandColor: "#4f46e5",
    buttonText: "#ffffff",
  }),
  /** Largest request body read at all. */
  maxBodyBytes: 64 * 1024,
  /** Longest session token decoded at all. */
  maxTokenLength: 16 * 1024,
  /** Secrets shorter than this are refused in production. */
  minSecretLength: 16,
});
