/**
 * Turns the user's options into a complete, validated, frozen {@link ResolvedConfig}. Runs once
 * per auth instance; never per request, never mutating its input. Every problem is a
 * {@link ConfigError} whose message names the option to change.
 */
import { ConfigError } from "../errors.js";
import { cookieOptions } from "../lib/config/cookie-names.js";
import { DEFAULTS } from "../lib/config/defaults.js";
import { randomDevelopmentSecret } from "../lib/config/development-secret.js";
import type { ResolvedConfig, ResolvedRateLimits, ResolvedTheme } from "../lib/config/resolved-config.js";
import { resolveTwoFactor } from "../features/two-factor/resolve-options.js";
import { isPlainObject } from "../lib/encoding.js";
import { defaultRedirect } from "../lib/redirect.js";
import type { AuthConfig } from "../options.js";
import type { CallbacksOptions, LoggerInstance, RateLimit, Theme } from "../types.js";
import { resolveProviders } from "./resolve-providers.js";

const BASE_PATH = /^(\/[A-Za-z0-9._~!$&'()*+,;=:@-]+)+$/;
const COLOR = /^(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla|oklch|oklab)\([0-9.,%\s/a-z-]+\)|[a-zA-Z]{3,30})$/;

const DEFAULT_CALLBACKS: CallbacksOptions = {
  signIn: () => true,
  redirect: defaultRedirect,
  session: ({ session }) => session,
  jwt: ({ token }) => token,
};

/**
 * Validates and completes `config`; warnings (a development secret, say) go to `logger`.
 * @throws {ConfigError} with a code naming what is wrong.
 */
export function resolveConfig(config: AuthConfig, logger: LoggerInstance): ResolvedConfig {
  if (!isPlainObject(config)) throw new ConfigError("InvalidOption", "The auth options must be an object.");
  const environment = config.environment ?? "production";
  if (!["development", "production", "test"].includes(environment)) {
    throw new ConfigError("InvalidOption", '`environment` must be "development", "production" or "test".');
  }
  const production = environment === "production";
  if (config.now !== undefined && typeof config.now !== "function")
    throw new ConfigError("InvalidOption", "`now` must be a function returning milliseconds.");

  const { providers, broken } = resolveProviders(config.providers, production);
  // Said once, here; the provider's own routes answer a Configuration error meanwhile.
  for (const [id, error] of broken) {
    logger.error(error.code, `Provider "${id}" is turned off until this is fixed: ${error.message}`);
  }
  const url = resolveUrl(config.url);
  const basePath = resolveBasePath(config.basePath, url);
  const trustHost = config.trustHost === true;
  if (production && url === null && !trustHost) {
    throw new ConfigError(
      "MissingUrl",
      "No public URL: set `url` (NEXTAUTH_URL or AUTH_URL in Next.js), or `trustHost: true` when a proxy you trust sets the Host and X-Forwarded-* headers.",
    );
  }

  checkStore(config.store);
  const secrets = resolveSecrets(config, production, logger);
  const session = resolveSession(config);
  const jwtMaxAge = positiveInteger(config.jwt?.maxAge ?? session.maxAge, "jwt.maxAge");
  const prefix = config.cookiePrefix ?? DEFAULTS.cookiePrefix;
  if (!/^[A-Za-z0-9_-]{1,32}(\.[A-Za-z0-9_-]{1,32})*$/.test(prefix)) {
    throw new ConfigError(
      "InvalidOption",
      "`cookiePrefix` must be letters, digits, '-', '_' or '.', e.g. \"next-auth\".",
    );
  }
  const cookieOverrides = config.cookies ?? {};

  const userCallbacks = config.callbacks ?? {};
  for (const [name, fn] of Object.entries(userCallbacks as Record<string, unknown>)) {
    if (fn !== undefined && typeof fn !== "function") {
      throw new ConfigError("InvalidOption", `\`callbacks.${name}\` must be a function.`);
    }
  }
  const callbacks = Object.freeze({ ...DEFAULT_CALLBACKS, ...definedOnly(userCallbacks) });

  const pages = Object.freeze({ ...definedOnly(config.pages ?? {}) });
  for (const [name, page] of Object.entries(pages)) {
    if (typeof page !== "string" || !(page.startsWith("/") || /^https?:\/\//.test(page)) || page.startsWith("//")) {
      throw new ConfigError("InvalidOption", `\`pages.${name}\` must be a path such as "/login" or an absolute URL.`);
    }
  }

  const resolved: ResolvedConfig = {
    providers,
    providerById: new Map(providers.map((provider) => [provider.id, provider])),
    brokenProviders: broken,
    secrets,
    basePath,
    url,
    trustHost,
    trustedProxyHops: resolveProxyHops(config.trustedProxyHops),
    environment,
    debug: config.debug === true,
    useSecureCookies: config.useSecureCookies,
    hasAdapter: config.adapter !== undefined,
    cookies: Object.freeze({
      secure: cookieOptions(prefix, true, cookieOverrides),
      insecure: cookieOptions(prefix, false, cookieOverrides),
    }),
    session,
    jwt: Object.freeze({ maxAge: jwtMaxAge, encode: config.jwt?.encode, decode: config.jwt?.decode }),
    pages,
    callbacks,
    custom: Object.freeze({ jwt: userCallbacks.jwt !== undefined, session: userCallbacks.session !== undefined }),
    events: Object.freeze({ ...definedOnly(config.events ?? {}) }),
    theme: resolveTheme(config.theme),
    rateLimit: resolveRateLimit(config.rateLimit),
    twoFactor: resolveTwoFactor(config.twoFactor),
    maxBodyBytes: DEFAULTS.maxBodyBytes,
    maxTokenLength: Math.max(DEFAULTS.maxTokenLength, session.maxCookieBytes),
  };
  return Object.freeze(resolved);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function resolveUrl(value: AuthConfig["url"]): URL | null {
  if (value === undefined || value === "") return null;
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new ConfigError(
      "InvalidUrl",
      `\`url\` (NEXTAUTH_URL / AUTH_URL) is not a valid URL: ${JSON.stringify(String(value))}. Use e.g. "https://example.com".`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigError("InvalidUrl", "`url` (NEXTAUTH_URL / AUTH_URL) must start with https:// or http://.");
  }
  if (url.username !== "" || url.password !== "") {
    throw new ConfigError("InvalidUrl", "`url` (NEXTAUTH_URL / AUTH_URL) must not contain a user name or password.");
  }
  return url;
}

function resolveBasePath(value: string | undefined, url: URL | null): string {
  const fromUrl = url !== null && url.pathname !== "/" ? url.pathname : undefined;
  const raw = value ?? fromUrl ?? DEFAULTS.basePath;
  const path = raw.length > 1 ? raw.replace(/\/+$/, "") : raw;
  if (!BASE_PATH.test(path) || path.split("/").some((segment) => segment === "." || segment === "..")) {
    throw new ConfigError(
      "InvalidBasePath",
      `\`basePath\` must be a URL path such as "/api/auth" (no query, fragment, "//" or ".."); got ${JSON.stringify(raw)}.`,
    );
  }
  return path;
}

function resolveSecrets(config: AuthConfig, production: boolean, logger: LoggerInstance): string[] {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- next-auth v3/v4 configs still set it (seed 003)
  const raw = config.secret ?? config.jwt?.secret;
  if (raw === undefined || raw === "" || (Array.isArray(raw) && raw.length === 0)) {
    if (production) {
      throw new ConfigError(
        "MissingSecret",
        'No secret: set `secret` (NEXTAUTH_SECRET or AUTH_SECRET in Next.js) to a random string, e.g. the output of `openssl rand -base64 32`. This is production: `environment` is "production" (in Next.js, NODE_ENV is neither "development" nor "test").',
      );
    }
    logger.warn(
      "NO_SECRET",
      "No `secret` set (NEXTAUTH_SECRET / AUTH_SECRET): using a random secret for this process, so sessions end when it restarts. Set `secret` to keep them.",
    );
    return [randomDevelopmentSecret()];
  }
  const secrets = Array.isArray(raw) ? raw : [raw];
  secrets.forEach((secret, index) => {
    if (typeof secret !== "string" || secret.length === 0) {
      throw new ConfigError(
        "InvalidSecret",
        `\`secret\`${Array.isArray(raw) ? `[${index}]` : ""} must be a non-empty string.`,
      );
    }
  });
  const current = secrets[0] as string;
  if (current.length < DEFAULTS.minSecretLength) {
    const message = `\`secret\` (NEXTAUTH_SECRET / AUTH_SECRET) is ${current.length} characters; use at least ${DEFAULTS.minSecretLength} random ones, e.g. \`openssl rand -base64 32\`.`;
    if (production) throw new ConfigError("InvalidSecret", message);
    logger.warn("WEAK_SECRET", message);
  }
  return [...secrets];
}

function resolveSession(config: AuthConfig): ResolvedConfig["session"] {
  const session = config.session ?? {};
  const strategy: unknown = session.strategy ?? (config.adapter === undefined ? DEFAULTS.session.strategy : "database");
  if (strategy !== "jwt" && strategy !== "database") {
    throw new ConfigError("InvalidOption", '`session.strategy` must be "jwt" or "database".');
  }
  if (strategy === "database" && config.adapter === undefined) {
    throw new ConfigError(
      "InvalidOption",
      "`session.strategy: 'database'` needs a database: set `adapter`, or `database` to a connection URL (e.g. DATABASE_URL).",
    );
  }
  const maxAge = positiveInteger(session.maxAge ?? DEFAULTS.session.maxAge, "session.maxAge");
  const updateAge = session.updateAge ?? DEFAULTS.session.updateAge;
  if (!Number.isInteger(updateAge) || updateAge < 0) {
    throw new ConfigError("InvalidOption", "`session.updateAge` must be a whole number of seconds (0 or more).");
  }
  const maxCookieBytes = positiveInteger(
    session.maxCookieBytes ?? DEFAULTS.session.maxCookieBytes,
    "session.maxCookieBytes",
  );
  if (maxCookieBytes < 1024) throw new ConfigError("InvalidOption", "`session.maxCookieBytes` must be at least 1024.");
  const absoluteMaxAge =
    session.absoluteMaxAge === undefined
      ? undefined
      : positiveInteger(session.absoluteMaxAge, "session.absoluteMaxAge");
  if (session.generateSessionToken !== undefined && typeof session.generateSessionToken !== "function") {
    throw new ConfigError("InvalidOption", "`session.generateSessionToken` must be a function returning a string.");
  }
  return Object.freeze({
    strategy,
    maxAge,
    updateAge,
    maxCookieBytes,
    absoluteMaxAge,
    generateSessionToken: session.generateSessionToken,
  });
}

function positiveInteger(value: unknown, option: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
    throw new ConfigError(
      "InvalidOption",
      `\`${option}\` must be a positive whole number of seconds; got ${String(value)}.`,
    );
  }
  return value;
}

function resolveTheme(theme: Theme | undefined): ResolvedTheme {
  const colorScheme = theme?.colorScheme ?? DEFAULTS.theme.colorScheme;
  if (!["auto", "dark", "light"].includes(colorScheme)) {
    throw new ConfigError("InvalidOption", '`theme.colorScheme` must be "auto", "dark" or "light".');
  }
  const brandColor = theme?.brandColor ?? DEFAULTS.theme.brandColor;
  const buttonText = theme?.buttonText ?? DEFAULTS.theme.buttonText;
  for (const [option, color] of [
    ["brandColor", brandColor],
    ["buttonText", buttonText],
  ] as const) {
    if (!COLOR.test(color)) {
      throw new ConfigError(
        "InvalidOption",
        `\`theme.${option}\` must be a CSS color such as "#4f46e5"; got ${JSON.stringify(color)}.`,
      );
    }
  }
  const logo = theme?.logo;
  if (logo !== undefined && !(/^https:\/\/[^\s"'<>]+$/.test(logo) || /^\/(?!\/)[^\s"'<>]*$/.test(logo))) {
    throw new ConfigError("InvalidOption", "`theme.logo` must be an https:// URL or a path starting with /.");
  }
  return Object.freeze({ colorScheme, brandColor, buttonText, logo });
}

function resolveRateLimit(value: AuthConfig["rateLimit"]): ResolvedRateLimits | false {
  if (value === false) return false;
  const limit = (option: keyof ResolvedRateLimits): RateLimit | false => {
    const given = value?.[option];
    if (given === false) return false;
    const merged = { ...DEFAULTS.rateLimit[option], ...given };
    if (
      !Number.isInteger(merged.max) ||
      merged.max < 1 ||
      !Number.isInteger(merged.windowSeconds) ||
      merged.windowSeconds < 1
    ) {
      throw new ConfigError(
        "InvalidOption",
        `\`rateLimit.${option}\` needs whole numbers \`max\` ≥ 1 and \`windowSeconds\` ≥ 1.`,
      );
    }
    return Object.freeze(merged);
  };
  return Object.freeze({
    perIdentifier: limit("perIdentifier"),
    perPair: limit("perPair"),
    perAddress: limit("perAddress"),
    emailPerIdentifier: limit("emailPerIdentifier"),
    emailPerAddress: limit("emailPerAddress"),
  });
}

function resolveProxyHops(value: number | undefined): number {
  const hops: unknown = value ?? DEFAULTS.trustedProxyHops;
  if (typeof hops !== "number" || !Number.isInteger(hops) || hops < 0 || hops > 32) {
    throw new ConfigError(
      "InvalidOption",
      `\`trustedProxyHops\` (AUTH_TRUSTED_PROXY_HOPS) must be the number of proxies in front of the app, a whole number from 0 to 32; got ${typeof hops === "number" ? String(hops) : typeof hops}.`,
    );
  }
  return hops;
}

const STORE_METHODS = ["hit", "peek", "get", "set", "delete"] as const;

function checkStore(store: unknown): void {
  if (store === undefined) return;
  const missing =
    typeof store === "object" && store !== null
      ? STORE_METHODS.filter((method) => typeof (store as Record<string, unknown>)[method] !== "function")
      : STORE_METHODS;
  if (missing.length > 0) {
    throw new ConfigError(
      "InvalidOption",
      `\`store\` must implement EphemeralStore (${STORE_METHODS.join(", ")}); it lacks ${missing.join(", ")}. A store written before \`peek\` existed needs it: the counter's count and window end without counting.`,
    );
  }
}
