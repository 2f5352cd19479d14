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
import {
  listUserSessions,
  revokeUserSessions,
  type RevocationResult,
  type SessionInfo,
  type SessionRevocation,
} from "./lib/session/session-management.js";
import type { AdapterRequirement } from "./adapter.js";
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
  /**
   * Session management (database sessions), for account pages: the signed-in user's sessions,
   * and revoking one, the others, or all. `request` is the user's request (its cookies say who).
   * Both resolve `null` when signed out, and throw a ConfigError without database sessions.
   */
  readonly sessions: {
    list(request: Request, context?: RequestContext): Promise<SessionInfo[] | null>;
    revoke(request: Request, target: SessionRevocation, context?: RequestContext): Promise<RevocationResult | null>;
  };
  /** The resolved options (read-only). */
  readonly config: ResolvedConfig;
}

export type { RevocationResult, SessionInfo, SessionRevocation };

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
export function createAuth<T extends AuthTypes = AuthTypes, C extends AuthConfig<T> = AuthConfig<T>>(
  config: C & AdapterRequirement<C>,
): AuthHandler {
  const resolved = resolveConfig(config);
  const handler = (request: Request, context: RequestContext = {}): Promise<Response> =>
    handleRequest(resolved, request, context);
  /** The state for a server-side call on behalf of `request`; `null` if its URL or host is unusable. */
  const stateFor = (request: Request, context: RequestContext) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return null;
    }
    const origin = requestOrigin(resolved, request, url);
    return origin === null ? null : createRequestState(resolved, request, url, origin, context);
  };
  return Object.assign(handler, {
    config: resolved,
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
    async getSession(request: Request, context: RequestContext = {}): Promise<SessionLookup> {
      const state = stateFor(request, context);
      if (state === null) return { session: null, cookies: [] };
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
