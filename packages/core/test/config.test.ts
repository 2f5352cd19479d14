import { describe, expect, it } from "vitest";
import { AuthError, ConfigError, createAuth, type AuthConfig } from "../src/index.js";
import { encode } from "../src/jwt/index.js";
import Credentials from "../src/providers/credentials.js";
import { SECRET, get, passwordProvider, recordingLogger } from "./helpers.js";

function configError(config: unknown): ConfigError {
  try {
    createAuth(config as AuthConfig);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toBeInstanceOf(AuthError);
    return error as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

/**
 * A provider with bad options turns off that provider only: the configuration still starts, the
 * provider's error is kept (listed nowhere, its routes answer Configuration) and logged once.
 */
function providerError(config: unknown): ConfigError {
  const { logger, lines } = recordingLogger();
  const auth = createAuth({ ...(config as AuthConfig), logger });
  const broken = [...auth.config.brokenProviders];
  expect(broken).toHaveLength(1);
  const [id, error] = broken[0] as [string, ConfigError];
  expect(error).toBeInstanceOf(ConfigError);
  expect(auth.config.providerById.has(id)).toBe(false);
  const logged = lines.filter(([level, , message]) => level === "error" && String(message).includes(`"${id}"`));
  expect(logged).toEqual([["error", error.code, expect.stringContaining(error.message)]]);
  return error;
}

const base = { secret: SECRET, url: "https://example.com", providers: [passwordProvider()] };

describe("configuration errors name the option to change", () => {
  it.each<[string, unknown, string, RegExp]>([
    ["no secret in production", { ...base, secret: undefined }, "MissingSecret", /NEXTAUTH_SECRET or AUTH_SECRET/],
    ["a short secret in production", { ...base, secret: "short" }, "InvalidSecret", /at least 16/],
    ["an empty secret in a list", { ...base, secret: [SECRET, ""] }, "InvalidSecret", /secret`\[1\]/],
    ["no URL in production", { ...base, url: undefined }, "MissingUrl", /NEXTAUTH_URL or AUTH_URL.*trustHost/],
    ["an invalid URL", { ...base, url: "not a url" }, "InvalidUrl", /`url`/],
    ["a non-http URL", { ...base, url: "ftp://example.com" }, "InvalidUrl", /https:\/\//],
    ["a URL with credentials", { ...base, url: "https://u:p@example.com" }, "InvalidUrl", /user name/],
    ["an invalid basePath", { ...base, basePath: "api/auth" }, "InvalidBasePath", /basePath/],
    ["a basePath with ..", { ...base, basePath: "/api/../auth" }, "InvalidBasePath", /basePath/],
    ["a basePath with a query", { ...base, basePath: "/api/auth?x" }, "InvalidBasePath", /basePath/],
    [
      "duplicate provider ids",
      { ...base, providers: [passwordProvider(), passwordProvider()] },
      "DuplicateProviderId",
      /different `id`/,
    ],
    [
      "a provider id unsafe in URLs",
      { ...base, providers: [{ ...passwordProvider(), id: "a/b" }] },
      "InvalidProvider",
      /providers\[0\]\.id/,
    ],
    ["providers not an array", { ...base, providers: {} }, "InvalidProvider", /must be an array/],
    ["a non-function callback", { ...base, callbacks: { jwt: "x" } }, "InvalidOption", /callbacks\.jwt/],
    ["a bad session.maxAge", { ...base, session: { maxAge: -1 } }, "InvalidOption", /session\.maxAge/],
    [
      "database sessions without an adapter",
      { ...base, session: { strategy: "database" } },
      "InvalidOption",
      /adapter/,
    ],
    [
      "a CSS-injecting brand color",
      { ...base, theme: { brandColor: "red;}body{display:none" } },
      "InvalidOption",
      /theme\.brandColor/,
    ],
    ["a javascript: logo", { ...base, theme: { logo: "javascript:alert(1)" } }, "InvalidOption", /theme\.logo/],
    ["a relative custom page", { ...base, pages: { signIn: "login" } }, "InvalidOption", /pages\.signIn/],
    [
      "a bad rate limit",
      { ...base, rateLimit: { perIdentifier: { max: 0, windowSeconds: 60 } } },
      "InvalidOption",
      /rateLimit\.perIdentifier/,
    ],
    [
      "a bad email rate limit",
      { ...base, rateLimit: { emailPerAddress: { max: 1.5, windowSeconds: 60 } } },
      "InvalidOption",
      /rateLimit\.emailPerAddress/,
    ],
    ["a negative proxy hop count", { ...base, trustedProxyHops: -1 }, "InvalidOption", /trustedProxyHops/],
    [
      "a proxy hop count from a bad AUTH_TRUSTED_PROXY_HOPS",
      { ...base, trustedProxyHops: Number.NaN },
      "InvalidOption",
      /AUTH_TRUSTED_PROXY_HOPS/,
    ],
    [
      "a store without peek (written for the old interface)",
      {
        ...base,
        store: {
          hit: () => Promise.resolve({ count: 1, resetAt: 0 }),
          get: () => Promise.resolve(null),
          set: () => Promise.resolve(),
          delete: () => Promise.resolve(),
        } as unknown as AuthConfig["store"],
      },
      "InvalidOption",
      /`store` must implement EphemeralStore.*lacks peek/,
    ],
  ])("%s", (_name, config, code, message) => {
    const error = configError(config);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("refuses email sign-in without a database, and turns off an email provider without an SMTP server in production", () => {
    const noDatabase = configError({
      ...base,
      providers: [{ id: "email", type: "email", server: "smtp://localhost" }],
    });
    expect(noDatabase.message).toMatch(/Email sign-in needs a database.*DATABASE_URL/);
    const noServer = providerError({ ...base, providers: [{ id: "email", type: "email" }] });
    expect(noServer.message).toMatch(/EMAIL_SERVER/);
  });

  it.each<[string, unknown, string, RegExp]>([
    [
      "an unknown provider type",
      { id: "x", type: "saml" },
      "UnknownProviderType",
      /"oauth", "oidc", "email", "credentials", "webauthn" or "password"/,
    ],
    ["credentials without authorize", { id: "c", type: "credentials" }, "MissingAuthorize", /authorize/],
  ])("turns off a provider with %s", (_name, provider, code, message) => {
    const error = providerError({ ...base, providers: [passwordProvider(), provider] });
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it.each<[string, unknown, RegExp]>([
    ["no clientId", { id: "google", type: "oidc", issuer: "https://accounts.google.com" }, /AUTH_GOOGLE_ID/],
    [
      "no clientSecret",
      { id: "google", type: "oidc", issuer: "https://accounts.google.com", clientId: "x" },
      /AUTH_GOOGLE_SECRET/,
    ],
    ["no endpoints", { id: "x", type: "oauth", clientId: "x", clientSecret: "y" }, /issuer.*authorization.*token/],
    ["a non-http issuer", { id: "x", type: "oidc", clientId: "x", clientSecret: "y", issuer: "ftp://idp" }, /issuer/],
    [
      "an unknown check",
      { id: "x", type: "oidc", clientId: "x", clientSecret: "y", issuer: "https://idp", checks: ["magic"] },
      /unknown check/,
    ],
    [
      "a reserved authorization param",
      {
        id: "x",
        type: "oidc",
        clientId: "x",
        clientSecret: "y",
        issuer: "https://idp",
        authorization: { params: { state: "fixed" } },
      },
      /authorization\.params\.state/,
    ],
    [
      "private_key_jwt without a key",
      {
        id: "x",
        type: "oidc",
        clientId: "x",
        issuer: "https://idp",
        client: { token_endpoint_auth_method: "private_key_jwt" },
      },
      /privateKey/,
    ],
  ])("turns off an OAuth provider with %s", (_name, provider, message) => {
    const error = providerError({ ...base, providers: [provider] });
    expect(error.message).toMatch(message);
  });
});

describe("configuration is resolved once", () => {
  it("never mutates the user's options", async () => {
    const options = {
      ...base,
      session: { maxAge: 100 },
      callbacks: { jwt: ({ token }: { token: object }) => token },
      providers: [Credentials({ credentials: { email: {} }, authorize: () => null })],
    };
    const snapshot = JSON.stringify(options);
    const frozen = Object.freeze({ ...options, session: Object.freeze({ ...options.session }) });
    const auth = createAuth(frozen as AuthConfig);
    await get(auth, "https://example.com/api/auth/session");
    expect(JSON.stringify(options)).toBe(snapshot);
    expect(Object.isFrozen(auth.config)).toBe(true);
  });

  it("fills every default", () => {
    const { config } = createAuth(base);
    expect(config.basePath).toBe("/api/auth");
    expect(config.session).toEqual({ strategy: "jwt", maxAge: 2592000, updateAge: 86400, maxCookieBytes: 7168 });
    expect(config.jwt.maxAge).toBe(2592000);
    expect(config.theme).toMatchObject({ colorScheme: "auto" });
    expect(config.rateLimit).toEqual({
      perIdentifier: { max: 10, windowSeconds: 900 },
      perPair: { max: 5, windowSeconds: 900 },
      perAddress: { max: 200, windowSeconds: 900 },
      emailPerIdentifier: { max: 5, windowSeconds: 900 },
      emailPerAddress: { max: 500, windowSeconds: 900 },
    });
    expect(config.trustedProxyHops).toBe(0);
    expect(config.cookies.secure.sessionToken.name).toBe("__Secure-next-auth.session-token");
    expect(config.cookies.insecure.csrfToken.name).toBe("next-auth.csrf-token");
  });

  it("accepts next-auth's deprecated jwt.secret", () => {
    expect(() => createAuth({ ...base, secret: undefined, jwt: { secret: SECRET } })).not.toThrow();
  });
});

describe("development without a secret", () => {
  it("uses a random secret per instance (no published one) and warns once", async () => {
    const { logger, lines } = recordingLogger();
    const config = { providers: [passwordProvider()], environment: "development" as const, logger };
    const first = createAuth(config);
    const second = createAuth({ ...config });
    expect(lines.filter(([, code]) => code === "NO_SECRET")).toHaveLength(2);
    expect(String(lines.find(([, code]) => code === "NO_SECRET")?.[2])).toContain("sessions end when it restarts");
    expect(first.config.secrets[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.config.secrets).not.toEqual(second.config.secrets);
    // Without a URL, development takes the origin from the request.
    const response = await get(first, "http://localhost:4000/api/auth/providers");
    expect(JSON.stringify(await response.json())).toContain("http://localhost:4000/api/auth/signin/credentials");
    await get(first, "http://localhost:4000/api/auth/session");
    expect(lines.filter(([, code]) => code === "NO_SECRET")).toHaveLength(2);
  });

  it("a session forged with the formerly fixed development secret is refused", async () => {
    const { logger } = recordingLogger();
    const auth = createAuth({
      providers: [passwordProvider()],
      environment: "development",
      logger,
      url: "http://localhost:3000",
    });
    const forged = await encode({
      token: { sub: "1", name: "Ada", email: "ada@example.com" },
      secret: "gatehouse-development-secret|/api/auth",
      salt: "next-auth.session-token",
    });
    const response = await get(auth, "/session", undefined, { cookie: `next-auth.session-token=${forged}` });
    expect(await response.json()).toEqual({});
  });

  it("sessions end when the process restarts (a new instance has a new secret)", async () => {
    const { logger } = recordingLogger();
    const make = () =>
      createAuth({ providers: [passwordProvider()], environment: "development", logger, url: "http://localhost:3000" });
    const { signIn, session } = await import("./helpers.js");
    const running = make();
    const { jar } = await signIn(running);
    expect(await session(running, jar)).toMatchObject({ user: { email: "ada@example.com" } });
    expect(await session(make(), jar)).toEqual({});
  });
});
