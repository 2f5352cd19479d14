/** Reading the session on the server, the way `GET /session` would, in each Next.js context. */
import { serializeCookie, type AuthHandler } from "@gatehouse/core";
import type { AuthOptions, Session } from "../types.js";
import { instanceFor } from "./instance.js";
import { appendSetCookies, toWebRequest, type NodeRequest, type NodeResponse } from "./node-http.js";
import { requestFromNext, writeNextCookies } from "./next-request.js";

/**
 * Server components, route handlers and server actions (`next/headers`). The request is read
 * before the options are resolved, so `next build` sees a dynamic page, not a configuration error.
 */
export async function sessionFromNext(options: AuthOptions): Promise<Session | null> {
  const request = await requestFromNext();
  const { session, cookies } = await instanceFor(options).getSession(request);
  await writeNextCookies(cookies);
  return session;
}

/** Pages router: API routes and `getServerSideProps`; refreshed cookies go on `res`. */
export async function sessionFromNode(
  auth: AuthHandler,
  req: NodeRequest,
  res: NodeResponse | undefined,
): Promise<Session | null> {
  // Only the URL and headers matter; a POST body (pages API routes) is left unread.
  const request = await toWebRequest({ headers: req.headers, url: req.url, method: "GET", socket: req.socket });
  const { session, cookies } = await auth.getSession(request, { clientAddress: req.socket?.remoteAddress });
  if (res !== undefined) appendSetCookies(res, cookies.map(serializeCookie));
  return session;
}

/** Middleware and route handlers given the request itself. */
export async function sessionFromRequest(
  auth: AuthHandler,
  request: Request,
): Promise<{ session: Session | null; setCookies: string[] }> {
  const { session, cookies } = await auth.getSession(request);
  return { session, setCookies: cookies.map(serializeCookie) };
}
