/**
 * Maps a request under `basePath` to one route and method, applying the checks every route
 * shares: a parsable URL and path, a public origin, the body read within limits, and for POSTs
 * the cross-site refusal and the CSRF token. Any failure is a 4xx; anything thrown below is
 * logged and answered with a clean 5xx, never a stack trace.
 */
import { callbackRoute } from "../routes/callback.js";
import { csrfRoute } from "../routes/csrf.js";
import { errorRoute } from "../routes/error.js";
import { providersRoute } from "../routes/providers.js";
import type { Route } from "../routes/route.js";
import { sessionRoute } from "../routes/session.js";
import { signinRoute } from "../routes/signin.js";
import { signoutRoute } from "../routes/signout.js";
import { devMailboxRoute } from "../routes/dev-mailbox.js";
import { sessionsRoute } from "../routes/sessions.js";
import { verifyRequestRoute } from "../routes/verify-request.js";
import type { ResolvedConfig } from "./config/resolved-config.js";
import { verifyCsrf } from "./csrf.js";
import { fail, prefersJson, serverFailure } from "./http/fail.js";
import { signInPageUrl } from "./http/navigation.js";
import { readBody, type Body } from "./http/read-body.js";
import { createRequestState, requestOrigin, type RequestState } from "./http/request-state.js";
import { jsonResponse } from "./http/respond.js";
import type { RequestContext } from "../types.js";

const ROUTES: Readonly<Record<string, Route>> = Object.freeze({
  signin: signinRoute,
  callback: callbackRoute,
  signout: signoutRoute,
  session: sessionRoute,
  csrf: csrfRoute,
  providers: providersRoute,
  error: errorRoute,
  "verify-request": verifyRequestRoute,
  sessions: sessionsRoute,
  "dev-mailbox": devMailboxRoute,
});

type Match = { route: Route; action: string; providerId: string | undefined } | { status: 400 | 404; reason: string };

function match(basePath: string, pathname: string): Match {
  if (!pathname.startsWith(basePath) || (pathname.length > basePath.length && pathname[basePath.length] !== "/")) {
    return { status: 404, reason: `Not an auth route: the auth routes live under ${basePath}.` };
  }
  const segments = pathname.slice(basePath.length + 1).split("/");
  if (segments.length > 1 && segments[segments.length - 1] === "") segments.pop();
  const [action = "", rawProvider, ...rest] = segments;
  const route = Object.hasOwn(ROUTES, action) ? ROUTES[action] : undefined;
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
  config: ResolvedConfig,
  request: Request,
  context: RequestContext,
): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return jsonResponse({ error: "BadRequest", message: "The request URL does not parse." }, 400);
  }
  const found = match(config.basePath, url.pathname);
  if ("status" in found)
    return jsonResponse(
      { error: found.status === 404 ? "NotFound" : "BadRequest", message: found.reason },
      found.status,
    );
  const origin = requestOrigin(config, request, url);
  if (origin === null)
    return jsonResponse({ error: "BadRequest", message: "The forwarded Host header is not a valid host." }, 400);
  const state = createRequestState(config, request, url, origin, context);
  const { route } = found;
  config.logger.debug("REQUEST", { method: request.method, action: found.action, provider: found.providerId });

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
    const guarded = typeof route.csrf === "function" ? route.csrf(state, found.providerId) : route.csrf !== false;
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
        if (!(await verifyCsrf(config.csrfKeys, cookie, state.cookies.get(cookie.name), body.csrfToken))) {
          return await csrfFailure(state, route, body);
        }
      }
    }
    const response = await handler(state, { providerId: found.providerId, body });
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
  state.config.logger.warn(
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
