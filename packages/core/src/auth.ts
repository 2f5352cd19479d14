/**
 * The entry point: `createAuth(config)` resolves the options once and returns a handler for the
 * auth routes, `(request) => Promise<Response>`, built on web standards only, so any framework or
 * runtime can mount it. `Auth(request, config)` is the one-call form.
 */
import type { ResolvedConfig } from "./lib/config/resolved-config.js";
import { resolveConfig } from "./lib/config/resolve-config.js";
import type { SetCookie } from "./lib/cookies/set-cookie.js";
import { createRequestState, requestOrigin } from "./lib/http/request-state.js";
import { handleRequest } from "./lib/router.js";
import { readSession } from "./lib/session/read-session.js";
import type { AuthConfig, AuthTypes, RequestContext, Session } from "./types.js";

/** The session for a request, and the cookies to set with whatever response goes out. */
export interface SessionLookup {
  session: Session | null;
  cookies: SetCookie[];
}

/** A configured auth instance. Call it with a request to the auth routes. */
export interface AuthHandler {
  (request: Request, context?: RequestContext): Promise<Response>;
  /**
   * Reads the session exactly as `GET {basePath}/session` would (callbacks included), for
   * server-side helpers. Any request to the app will do; only its URL and cookies are used.
   * Returns `session: null` when signed out or when the session cannot be read.
   */
  getSession(request: Request, context?: RequestContext): Promise<SessionLookup>;
  /** The resolved options (read-only). */
  readonly config: ResolvedConfig;
}

/**
 * Creates an auth instance.
 * @param config the options; validated here, never mutated.
 * @returns the request handler.
 * @throws {ConfigError} naming the option to change.
 * @example
 * ```ts
 * const auth = createAuth({ secret, url: "https://example.com", providers: [Credentials({ … })] })
 * export const GET = (req: Request) => auth(req)
 * ```
 */
export function createAuth<T extends AuthTypes = AuthTypes>(config: AuthConfig<T>): AuthHandler {
  const resolved = resolveConfig(config);
  const handler = (request: Request, context: RequestContext = {}): Promise<Response> =>
    handleRequest(resolved, request, context);
  return Object.assign(handler, {
    config: resolved,
    async getSession(request: Request, context: RequestContext = {}): Promise<SessionLookup> {
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        return { session: null, cookies: [] };
      }
      const origin = requestOrigin(resolved, request, url);
      if (origin === null) return { session: null, cookies: [] };
      const state = createRequestState(resolved, request, url, origin, context);
      try {
        const { session, cookies } = await readSession(state);
        return { session, cookies };
      } catch (error) {
        resolved.logger.error("SESSION_ERROR", error);
        return { session: null, cookies: [] };
      }
    },
  });
}

const instances = new WeakMap<object, AuthHandler>();

/**
 * Handles one request with `config`, resolving the config on first use and reusing it for every
 * later call with the same object.
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
