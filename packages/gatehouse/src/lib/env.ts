/**
 * The one place this package reads environment variables. Everything else takes what it needs
 * from here, at call time — never at module load, so `next build` can import the package
 * without a secret in the environment.
 */

/** What the environment says about the auth setup. */
export interface AuthEnv {
  /** NEXTAUTH_SECRET, else AUTH_SECRET. */
  secret: string | undefined;
  /** NEXTAUTH_URL, else AUTH_URL. */
  url: string | undefined;
  /** AUTH_TRUST_HOST=true, or running on Vercel (which sets X-Forwarded-Host itself). */
  trustHost: boolean;
  /**
   * AUTH_TRUSTED_PROXY_HOPS (a number; anything else is passed on for the configuration check to
   * refuse), else 1 on Vercel, whose edge overwrites X-Forwarded-For with the client's address.
   */
  trustedProxyHops: number | undefined;
  /**
   * From NODE_ENV: "development" and "test" only when it says so exactly; anything else — unset
   * (a custom server, a container), "staging", "prod" — is production.
   */
  environment: "development" | "production" | "test";
  /** NEXTAUTH_URL_INTERNAL: the app's own URL as the server reaches it. */
  internalUrl: string | undefined;
  /** DATABASE_URL (for `npx gatehouse migrate`). */
  databaseUrl: string | undefined;
}

/**
 * The variables this package reads, each written out as `process.env.NAME`: that is the form
 * bundlers replace at build time where the environment is inlined rather than present at run time
 * (Next 12's middleware sees its secret only that way). Where no `process` exists at all, none.
 */
function variables(): Record<string, string | undefined> {
  try {
    return {
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
      AUTH_SECRET: process.env.AUTH_SECRET,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL,
      AUTH_URL: process.env.AUTH_URL,
      NEXTAUTH_URL_INTERNAL: process.env.NEXTAUTH_URL_INTERNAL,
      AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST,
      AUTH_TRUSTED_PROXY_HOPS: process.env.AUTH_TRUSTED_PROXY_HOPS,
      VERCEL: process.env.VERCEL,
      NODE_ENV: process.env.NODE_ENV,
      DATABASE_URL: process.env.DATABASE_URL,
    };
  } catch {
    return {};
  }
}

/** Reads the auth-related environment variables. */
export function readEnv(): AuthEnv {
  const env = variables();
  const nodeEnv = env.NODE_ENV;
  return {
    secret: nonEmpty(env.NEXTAUTH_SECRET) ?? nonEmpty(env.AUTH_SECRET),
    url: nonEmpty(env.NEXTAUTH_URL) ?? nonEmpty(env.AUTH_URL),
    trustHost: env.AUTH_TRUST_HOST === "true" || env.AUTH_TRUST_HOST === "1" || nonEmpty(env.VERCEL) !== undefined,
    trustedProxyHops: proxyHops(nonEmpty(env.AUTH_TRUSTED_PROXY_HOPS), nonEmpty(env.VERCEL) !== undefined),
    environment: nodeEnv === "development" ? "development" : nodeEnv === "test" ? "test" : "production",
    internalUrl: nonEmpty(env.NEXTAUTH_URL_INTERNAL),
    databaseUrl: nonEmpty(env.DATABASE_URL),
  };
}

/**
 * The app's URL as the server reaches it: NEXTAUTH_URL_INTERNAL, else NEXTAUTH_URL, else AUTH_URL
 * (for the React client's server-side `getSession`, which has no options; kept apart so the
 * browser bundle takes only this).
 */
export function internalAuthUrl(): string | undefined {
  // Its own reads, of the URLs only: the browser bundle must never name the secret's variable.
  try {
    return (
      nonEmpty(process.env.NEXTAUTH_URL_INTERNAL) ??
      nonEmpty(process.env.NEXTAUTH_URL) ??
      nonEmpty(process.env.AUTH_URL)
    );
  } catch {
    return undefined;
  }
}

function proxyHops(value: string | undefined, vercel: boolean): number | undefined {
  if (value === undefined) return vercel ? 1 : undefined;
  return /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

const DEVELOPMENT_SECRET = Symbol.for("gatehouse.development-secret");

/**
 * Outside production with no secret set: one random secret for the whole process, so the route
 * handler, `auth()`, `getToken` and the middleware (each bundled on its own by Next.js, hence
 * kept on `globalThis`) agree. Sessions end when the process restarts; `onCreate` runs once,
 * when it is made (to say so).
 */
export function processDevelopmentSecret(onCreate: () => void): string {
  const holder = globalThis as { [DEVELOPMENT_SECRET]?: string };
  let secret = holder[DEVELOPMENT_SECRET];
  if (secret === undefined) {
    const bytes = new Uint8Array(32);
    globalThis.crypto.getRandomValues(bytes);
    secret = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
    holder[DEVELOPMENT_SECRET] = secret;
    onCreate();
  }
  return secret;
}
