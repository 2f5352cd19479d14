/**
 * The auth routes in each Next.js router: an app-router `Request`, or the pages router's Node
 * request and response. A configuration error is logged once and answered with a clean 500
 * (details in development only).
 */
import type { AuthOptions } from "../types.js";
import { readEnv } from "./env.js";
import { configErrorResponse } from "./errors.js";
import { tryInstanceFor } from "./instance.js";
import { sendWebResponse, toWebRequest, type NodeRequest, type NodeResponse } from "./node-http.js";

/**
 * An app-router request to the auth routes. Next.js gives route handlers no socket (`NextRequest`
 * has had no `ip` since Next 15, and `next start` keeps a client's own X-Forwarded-For), so no
 * address is passed: core takes it from X-Forwarded-For with `trustedProxyHops`
 * (AUTH_TRUSTED_PROXY_HOPS; 1 on Vercel), and otherwise logs once that it is unknown.
 */
export async function handleWeb(options: AuthOptions, request: Request): Promise<Response> {
  const instance = tryInstanceFor(options);
  if ("error" in instance) return configErrorResponse(instance.error, request, readEnv().environment !== "production");
  return instance.auth(request);
}

/** A pages-router request to the auth routes (`export default NextAuth(options)`); the socket's address goes to core. */
export async function handleNode(options: AuthOptions, req: NodeRequest, res: NodeResponse): Promise<void> {
  const request = await toWebRequest(req);
  const instance = tryInstanceFor(options);
  const response =
    "error" in instance
      ? configErrorResponse(instance.error, request, readEnv().environment !== "production")
      : await instance.auth(request, { clientAddress: req.socket?.remoteAddress });
  // A body cut off at the limit is not read further: the connection cannot carry another request.
  if (req.complete === false) res.setHeader("Connection", "close");
  await sendWebResponse(res, response);
}
