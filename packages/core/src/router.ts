/**
 * Maps a request under `basePath` to one route and method, applying the checks every route
 * shares: a parsable URL and path, a public origin, the body read within limits, and for POSTs
 * the cross-site refusal and the CSRF token. Any failure is a 4xx; anything thrown below is
 * logged and answered with a clean 5xx, never a stack trace. The routes and the provider flows
 * come from the features the configuration enables.
 */
import type { Feature, FlowTable, ProviderFlow, Route } from "./features/feature.js";
import { verifyCsrf } from "./lib/csrf.js";
import { fail, prefersJson, serverFailure } from "./lib/http/fail.js";
import { signInPageUrl } from "./lib/http/navigation.js";
import { readBody, type Body } from "./lib/http/read-body.js";
import { createRequestState, requestOrigin, type RequestState } from "./lib/http/request-state.js";
import { jsonResponse } from "./lib/http/respond.js";
import type { AuthRuntime } from "./lib/runtime.js";
import type { ProviderType } from "./provider-types.js";
import type { RequestContext } from "./types.js";

/** The route table and provider flows of one configuration. */
export interface RouteTable {
  readonly routes: ReadonlyMap<string, Route>;
  readonly flows: FlowTable;
}

/**
 * Assembles the table from `features` (the enabled ones, in order).
 * @throws {TypeError} when two features claim one action or provider type (a programming error).
 */
export function routeTable(features: readonly Feature[]): RouteTable {
  const routes = new Map<string, Route>();
  const flows = new Map<ProviderType, ProviderFlow>();
  for (const feature of features) {
    for (const [action, route] of Object.entries(feature.routes ?? {})) {
      if (routes.has(action)) throw new TypeError(`Two features define the route "${action}".`);
      routes.set(action, route);
    }
    for (const [type, flow] of Object.entries(feature.flows ?? {}) as [ProviderType, ProviderFlow][]) {
      if (flows.has(type)) throw new TypeError(`Two features handle providers of type "${type}".`);
      flows.set(type, flow);
    }
  }
  return { routes, flows };
}

type Match = { route: Route; action: string; providerId: string | undefined } | { status: 400 | 404; reason: string };

function match(table: RouteTable, basePath: string, pathname: string): Match {
  if (!pathname.startsWith(basePath) || (pathname.length > basePath.length && pathname[basePath.length] !== "/")) {
    return { status: 404, reason: `Not an auth route: the auth routes live under ${basePath}.` };
  }
  const segments = pathname.slice(basePath.length + 1).split("/");
  if (segments.length > 1 && segments[segments.length - 1] === "") segments.pop();
  const [action = "", rawProvider, ...rest] = segments;
  const route = table.routes.get(action);
  if (route === undefined || rest.length > 0)
    return { status: 404, reason: `Unknown auth action "${action.slice(0, 40)}".` };
  let providerId: string | undefined;
  if (rawProvider !== undefined) {
    try {
      providerId = decodeURIComponent(rawProvider);
    } catch {
      return { status: 400, reason: "The provider in the path has invalid percent-encoding." };
    }
  }
  if ((route.provider === "none" && providerId !== undefined) || (route.provider === "required" && !providerId)) {
    return {
      status: 404,
      reason: `Unknown auth route "${action}${providerId === undefined ? "" : `/${providerId.slice(0, 40)}`}".`,
    };
  }
  return { route, action, providerId: providerId === "" ? undefined : providerId };
}

/** Handles one request to the auth routes. */
export async function handleRequest(
  runtime: AuthRuntime,
  table: RouteTable,
  request: Request,
  context: RequestContext,
): Promise<Response> {
  const { config } = runtime;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return jsonResponse({ error: "BadRequest", message: "The request URL does not parse." }, 400);
  }
  const found = match(table, config.basePath, url.pathname);
  if ("status" in found)
    return jsonResponse(
      { error: found.status === 404 ? "NotFound" : "BadRequest", message: found.reason },
      found.status,
    );
  const origin = requestOrigin(config, request, url);
  if (origin === null)
    return jsonResponse({ error: "BadRequest", message: "The forwarded Host header is not a valid host." }, 400);
  const state = createRequestState(runtime, request, url, origin, context);
  const { route } = found;
  runtime.logger.debug("REQUEST", { method: request.method, action: found.action, provider: found.providerId });

  const method = request.method === "HEAD" ? "GET" : request.method;
  const handler = method === "GET" ? route.GET : method === "POST" ? route.POST : undefined;
  if (handler === undefined) {
    const allow = [route.GET ? "GET, HEAD" : "", route.POST ? "POST" : ""].filter(Boolean).join(", ");
    return fail(state, {
      status: 405,
      code: "MethodNotAllowed",
      json: route.api === true || prefersJson(state),
      headers: { Allow: allow },
    });
  }

  let body: Body = {};
  try {
    const input = { providerId: found.providerId, flows: table.flows };
    const guarded = typeof route.csrf === "function" ? route.csrf(state, input) : route.csrf !== false;
    if (method === "POST" && guarded) {
      const refused = await checkPost(state, route);
      if (refused !== null) return refused;
    }
    if (method === "POST") {
      const read = await readBody(request, config.maxBodyBytes);
      if (!read.ok)
        return await fail(state, {
          status: read.status,
          code: "BadRequest",
          message: read.reason,
          json: route.api === true || prefersJson(state),
        });
      body = read.body;
      if (guarded && context.trusted !== true) {
        const cookie = state.cookieNames.csrfToken;
        if (!(await verifyCsrf(runtime.csrfKeys, cookie, state.cookies.get(cookie.name), body.csrfToken))) {
          return await csrfFailure(state, route, body);
        }
      }
    }
    const response = await handler(state, { ...input, body });
    return request.method === "HEAD"
      ? new Response(null, { status: response.status, headers: response.headers })
      : response;
  } catch (error) {
    return serverError(state, route, body, error);
  }
}

/**
 * Refuses POSTs a browser marks as cross-site (defence in depth beside the CSRF token).
 * `Sec-Fetch-Site` decides when present; otherwise a real `Origin` must be ours. `Origin: null`
 * (privacy-sensitive contexts, `Referrer-Policy: no-referrer`) decides nothing: the token does.
 */
async function checkPost(state: RequestState, route: Route): Promise<Response | null> {
  if (state.context.trusted === true) return null;
  const site = state.request.headers.get("sec-fetch-site");
  const origin = state.request.headers.get("origin");
  const crossSite =
    site !== null ? site === "cross-site" : origin !== null && origin !== "null" && origin !== state.origin;
  if (!crossSite) return null;
  state.runtime.logger.warn(
    "CROSS_SITE_POST",
    `Refused a cross-site POST from ${origin ?? "another site"}; the configured origin is ${state.origin}. If that is wrong, set \`url\` (NEXTAUTH_URL / AUTH_URL).`,
  );
  return await fail(state, { status: 403, code: "CrossSiteRequest", json: route.api === true || prefersJson(state) });
}

function csrfFailure(state: RequestState, route: Route, body: Body): Promise<Response> | Response {
  const json = route.api === true || prefersJson(state, body);
  if (json) return jsonResponse({ url: signInPageUrl(state, { error: "MissingCSRF" }), error: "MissingCSRF" }, 403);
  return fail(state, { status: 403, code: "MissingCSRF", json: false });
}

function serverError(state: RequestState, route: Route, body: Body, error: unknown): Promise<Response> | Response {
  // next-auth's client posts `json=true` in the body: it must get JSON back on a failure too.
  return serverFailure(state, error, route.api === true || prefersJson(state, body));
}
