/**
 * The entry point: `createAuth(config)` resolves the options once, builds the run-time state
 * and the route table from the features the options enable, and returns a handler for the auth
 * routes, `(request) => Promise<Response>`, built on web standards only, so any framework or
 * runtime can mount it. `Auth(request, config)` is the one-call form.
 */
import type { AdapterRequirement } from "./adapter.js";
import { checkAdapter, adapterNeeds } from "./config/check-adapter.js";
import { resolveConfig } from "./config/resolve-config.js";
import type { ApiOutcome, Feature } from "./features/feature.js";
import { FEATURES, type FeatureApis } from "./features/index.js";
import { listUserSessions, revokeUserSessions } from "./features/sessions/index.js";
import { ConfigError, type ErrorCode, type ErrorText } from "./errors.js";
import type { ResolvedConfig } from "./lib/config/resolved-config.js";
import type { SetCookie } from "./lib/cookies/set-cookie.js";
import { foreignAdapter } from "./lib/adapter/foreign-adapter.js";
import { CsrfKeys } from "./lib/csrf.js";
import { createRequestState, requestOrigin, type RequestState } from "./lib/http/request-state.js";
import { Keyring } from "./lib/keyring.js";
import { createLogger } from "./lib/logger.js";
import { createRuntime, type AuthRuntime } from "./lib/runtime.js";
import { databaseStrategy } from "./lib/session/database-strategy.js";
import { jwtStrategy } from "./lib/session/jwt-strategy.js";
import { readSession } from "./lib/session/read-session.js";
import type { RevocationResult, SessionInfo, SessionRevocation } from "./lib/session/strategy.js";
import { MemoryStore } from "./lib/store/ephemeral-store.js";
import { registerRevocationStore } from "./jwt/revocations.js";
import { systemClock } from "./lib/clock.js";
import type { AuthConfig } from "./options.js";
import { createPageRenderer } from "./pages/renderer.js";
import { handleRequest, routeTable } from "./router.js";
import { serverSignIn, serverSignOut, type ActionResult, type ServerSignInInput } from "./server-actions.js";
import type { AuthTypes, LoggerInstance, RequestContext, Session } from "./types.js";

/** The session for a request, and the cookies to set with whatever response goes out. */
export interface SessionLookup {
  session: Session | null;
  cookies: SetCookie[];
}

/** One feature's server-side operations, each taking the user's request first. */
export type BoundApi<A> = {
  [M in keyof A]: A[M] extends (state: RequestState, ...args: infer P) => Promise<ApiOutcome<infer R>>
    ? (request: Request, ...args: P) => Promise<ApiOutcome<R>>
    : never;
};

/** Every feature's server-side operations, by feature name. */
export type AuthApi = { [F in keyof FeatureApis]: BoundApi<FeatureApis[F]> };

/** A configured auth instance. Call it with a request to the auth routes. */
export interface AuthHandler {
  (request: Request, context?: RequestContext): Promise<Response>;
  /**
   * Reads the session exactly as `GET {basePath}/session` would (callbacks included), for
   * server-side helpers. Any request to the app will do; only its URL and cookies are used.
   * Returns `session: null` when signed out or when the session cannot be read.
   */
  getSession(request: Request, context?: RequestContext): Promise<SessionLookup>;
  /**
   * Session management, for account pages: the signed-in user's sessions, and revoking one, the
   * others, or all. `request` is the user's request (its cookies say who). Both resolve `null`
   * when signed out. With JWT sessions, `revoke` takes `"others"` or `"all"` (the user's session
   * epoch moves on, in the store) but not one session by id, and `list` is unavailable.
   * @throws {ConfigError} when the session strategy cannot list, or revoke that target (JWT sessions).
   * @throws {AuthError} `StoreError` when the store cannot record a JWT revocation.
   */
  readonly sessions: {
    list(request: Request, context?: RequestContext): Promise<SessionInfo[] | null>;
    revoke(request: Request, target: SessionRevocation, context?: RequestContext): Promise<RevocationResult | null>;
  };
  /**
   * Signs in from the app's own server code (a server action): the provider's flow runs with
   * `input.fields` directly, without a CSRF token. Credentials sign in at once; OAuth and email
   * answer with the URL to send the browser to. `request` is the user's request (its cookies and
   * headers).
   * @returns where to go, the cookies to set, and the error code when the sign-in was refused.
   */
  signIn(
    request: Request,
    providerId: string,
    input?: ServerSignInInput,
    context?: RequestContext,
  ): Promise<ActionResult>;
  /**
   * Signs out from the app's own server code.
   * @returns where to go, and the cookies that clear the session.
   */
  signOut(
    request: Request,
    input?: { callbackUrl?: string | undefined },
    context?: RequestContext,
  ): Promise<ActionResult>;
  /** The resolved options (read-only). */
  readonly config: ResolvedConfig;
  /**
   * The features' server-side operations (`api.accounts.unlink(request, account)`, …), for the
   * app's own server code: each takes the user's request and resolves with its value and the
   * cookies to set.
   * @throws {ConfigError} from an operation of a feature this configuration does not enable.
   */
  readonly api: AuthApi;
  /** The instance's logger (the app's `logger`, or the console), for integrations. */
  readonly logger: LoggerInstance;
}

export type { ActionResult, RevocationResult, ServerSignInInput, SessionInfo, SessionRevocation };

/** Builds the run-time state for `options`, and picks the features they enable. */
function buildRuntime(options: AuthConfig): { runtime: AuthRuntime; features: readonly Feature[] } {
  const logger = createLogger(options.logger, options.debug === true);
  const config = resolveConfig(options, logger);
  const features = FEATURES.filter((feature) => feature.enabled(config));
  for (const feature of features) feature.check?.(config);
  checkAdapter(options.adapter, adapterNeeds(config, features));
  const now = options.now ?? systemClock;
  const errorTexts = new Map<ErrorCode, ErrorText>();
  // Every feature's texts, enabled or not: a custom page may link to any known code.
  for (const feature of FEATURES) {
    for (const [code, text] of Object.entries(feature.errors ?? {}) as [ErrorCode, ErrorText][]) {
      errorTexts.set(code, text);
    }
  }
  const store = options.store ?? new MemoryStore({ now });
  // getToken and the middleware read JWTs without an instance: they find this store by secret.
  if (config.session.strategy === "jwt") registerRevocationStore(config.secrets, store);
  const runtime = createRuntime({
    config,
    store,
    adapter: foreignAdapter(options.adapter, { strategy: config.session.strategy, providers: config.providers }),
    keyring: new Keyring(config.secrets),
    csrfKeys: new CsrfKeys(config.secrets),
    logger,
    now,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    strategy: () => (config.session.strategy === "database" ? databaseStrategy : jwtStrategy),
    pages: createPageRenderer,
    errorTexts,
    extensions: features.flatMap((feature) => (feature.session === undefined ? [] : [feature.session])),
  });
  return { runtime, features };
}

/**
 * Creates an auth instance.
 * @param config the options; validated here, never mutated.
 * @returns the request handler, with `getSession`, `sessions` and the resolved `config`.
 * @throws {ConfigError} naming the option to change.
 * @example
 * ```ts
 * const auth = createAuth({ secret, url: "https://example.com", providers: [Credentials({ … })] })
 * export const GET = (req: Request) => auth(req)
 * ```
 */
export function createAuth<T extends AuthTypes = AuthTypes, C extends AuthConfig<T> = AuthConfig<T>>(
  config: C & AdapterRequirement<C>,
): AuthHandler {
  const { runtime, features } = buildRuntime(config);
  const table = routeTable(features);
  const handler = (request: Request, context: RequestContext = {}): Promise<Response> =>
    handleRequest(runtime, table, request, context);
  /**
   * The state for a server-side call on behalf of `request`; `null` if its URL or host is
   * unusable. `path` (under `basePath`) stands in for the request's own path.
   */
  const stateFor = (request: Request, context: RequestContext, path?: string): RequestState | null => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return null;
    }
    const origin = requestOrigin(runtime.config, request, url);
    if (origin === null) return null;
    const target = path === undefined ? url : new URL(`${origin}${runtime.config.basePath}/${path}`);
    return createRequestState(runtime, request, target, origin, context);
  };
  const refused = (error: ErrorCode): ActionResult => ({ url: "/", cookies: [], error });
  const enabled = new Set(features);
  const api: Record<string, Record<string, unknown>> = {};
  for (const feature of FEATURES) {
    if (feature.api === undefined) continue;
    api[feature.name] = Object.fromEntries(
      Object.entries(feature.api).map(([name, method]) => [
        name,
        async (request: Request, ...args: unknown[]) => {
          if (!enabled.has(feature))
            throw new ConfigError(
              "InvalidOption",
              `\`${feature.name}.${name}\` is not available with these options (the ${feature.name} feature is off).`,
            );
          const state = stateFor(request, { trusted: true });
          if (state === null) throw new TypeError("The request's URL or Host header is unusable.");
          return method(state, ...args);
        },
      ]),
    );
  }
  return Object.assign(handler, {
    config: runtime.config,
    logger: runtime.logger,
    api: api as AuthApi,
    sessions: {
      async list(request: Request, context: RequestContext = {}) {
        const state = stateFor(request, context);
        return state === null ? null : listUserSessions(state);
      },
      async revoke(request: Request, target: SessionRevocation, context: RequestContext = {}) {
        const state = stateFor(request, context);
        return state === null ? null : revokeUserSessions(state, target);
      },
    },
    async signIn(request: Request, providerId: string, input: ServerSignInInput = {}, context: RequestContext = {}) {
      const path = `signin/${encodeURIComponent(providerId)}?${new URLSearchParams(input.authorizationParams ?? {}).toString()}`;
      const state = stateFor(request, { ...context, trusted: true }, path);
      return state === null ? refused("BadRequest") : serverSignIn(state, table, providerId, input);
    },
    async signOut(request: Request, input: { callbackUrl?: string | undefined } = {}, context: RequestContext = {}) {
      const state = stateFor(request, { ...context, trusted: true }, "signout");
      return state === null ? refused("BadRequest") : serverSignOut(state, input.callbackUrl);
    },
    async getSession(request: Request, context: RequestContext = {}): Promise<SessionLookup> {
      const state = stateFor(request, context);
      if (state === null) return { session: null, cookies: [] };
      try {
        const { session, cookies } = await readSession(state);
        return { session, cookies };
      } catch (error) {
        runtime.logger.error("SESSION_ERROR", error);
        return { session: null, cookies: [] };
      }
    },
  });
}

/**
 * The instance of each options object `Auth` has seen. Keyed weakly by the app's own object, so
 * it holds nothing the app has dropped; the instance's state lives in its runtime.
 */
const instances = new WeakMap<object, AuthHandler>();

/**
 * Handles one request with `config`, creating the instance on first use and reusing it for
 * every later call with the same object (so keep one options object; a new object each call
 * would build a new instance each time, caches and all).
 * @param request - A request to one of the auth routes (`{basePath}/…`).
 * @param config - The options, as for {@link createAuth}.
 * @param context - What the request does not say itself: the peer's address, whether the app's
 *   own server code made it.
 * @returns The route's response (a page, a redirect or JSON, with its cookies).
 * @throws {ConfigError} on the first call with invalid options, naming the option to change.
 * @example `export const GET = (request: Request) => Auth(request, options)`
 */
export function Auth<T extends AuthTypes = AuthTypes>(
  request: Request,
  config: AuthConfig<T>,
  context?: RequestContext,
): Promise<Response> {
  let auth = instances.get(config);
  if (auth === undefined) {
    auth = createAuth(config);
    instances.set(config, auth);
  }
  return auth(request, context);
}
