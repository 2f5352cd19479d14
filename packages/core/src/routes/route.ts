import type { Body } from "../lib/http/read-body.js";
import type { RequestState } from "../lib/http/request-state.js";

/** What a route handler receives besides the request state. */
export interface RouteInput {
  /** The decoded provider segment (`signin/:provider`, `callback/:provider`). */
  providerId: string | undefined;
  /** The parsed body of a POST; `{}` for other methods. */
  body: Body;
}

/** One route: a handler per method, and whether it takes a provider segment. */
export interface Route {
  GET?: (state: RequestState, input: RouteInput) => Promise<Response>;
  POST?: (state: RequestState, input: RouteInput) => Promise<Response>;
  provider: "none" | "optional" | "required";
  /** POSTs are checked for a CSRF token (and refused cross-site) unless this says no. */
  csrf?: boolean | ((state: RequestState, providerId: string | undefined) => boolean);
  /** Answer errors in JSON (API routes) rather than HTML. */
  api?: boolean;
}
