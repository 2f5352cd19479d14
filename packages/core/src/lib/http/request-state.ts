/**
 * Everything about one request that routes need, worked out once: the public origin (from
 * configuration, or from `Host`/`X-Forwarded-*` only with `trustHost`), which cookie names apply,
 * and the parsed cookies.
 */
import type { CookiesOptions, RequestContext } from "../../types.js";
import type { ResolvedConfig } from "../config/resolved-config.js";
import { parseCookies } from "../cookies/parse-cookies.js";
import type { AuthRuntime } from "../runtime.js";

/** One request, as the routes see it. */
export interface RequestState {
  /** The auth instance's run-time state. */
  readonly runtime: AuthRuntime;
  /** `runtime.config`. */
  readonly config: ResolvedConfig;
  readonly request: Request;
  readonly url: URL;
  /** The public origin, e.g. `https://example.com`. */
  readonly origin: string;
  /** `origin` + `basePath`, e.g. `https://example.com/api/auth`. */
  readonly authUrl: string;
  readonly secure: boolean;
  readonly cookieNames: CookiesOptions;
  readonly cookies: ReadonlyMap<string, string>;
  readonly context: RequestContext;
  /** The time of the request, from the runtime's clock. */
  readonly nowMs: number;
  /**
   * What has been worked out for this request and must not be worked out twice (the session
   * cookie, read and decrypted once). Owned by the session strategy.
   */
  readonly memo: Map<symbol, unknown>;
}

const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]{2,45}\])(?::[0-9]{1,5})?$/;

function firstValue(header: string | null): string | undefined {
  if (header === null) return undefined;
  const comma = header.indexOf(",");
  return (comma === -1 ? header : header.slice(0, comma)).trim();
}

/** The public origin for `request`, or `null` when trusted headers name an invalid host. */
export function requestOrigin(config: ResolvedConfig, request: Request, url: URL): string | null {
  if (config.url !== null) return config.url.origin;
  if (!config.trustHost) return url.origin;
  const host = firstValue(request.headers.get("x-forwarded-host")) ?? request.headers.get("host") ?? url.host;
  const proto = (firstValue(request.headers.get("x-forwarded-proto")) ?? url.protocol.slice(0, -1)).toLowerCase();
  if (!HOST.test(host) || (proto !== "http" && proto !== "https")) return null;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

/** Builds the state for one request. */
export function createRequestState(
  runtime: AuthRuntime,
  request: Request,
  url: URL,
  origin: string,
  context: RequestContext,
): RequestState {
  const { config } = runtime;
  const secure = config.useSecureCookies ?? origin.startsWith("https:");
  return {
    runtime,
    config,
    request,
    url,
    origin,
    authUrl: origin + config.basePath,
    secure,
    cookieNames: secure ? config.cookies.secure : config.cookies.insecure,
    cookies: parseCookies(request.headers.get("cookie")),
    context,
    nowMs: runtime.now(),
    memo: new Map(),
  };
}

/** The client's address (see client-address.ts; kept here for the modules that import it from here). */
export { clientAddress } from "./client-address.js";
