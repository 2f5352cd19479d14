/**
 * `@gatehouse/core/cookies`: reading Gatehouse's cookies outside the router (middleware,
 * `getToken`), with exactly the router's rules. Small and free of Node APIs, for the Edge.
 */
export { parseCookies } from "../lib/cookies/parse-cookies.js";
export { readChunked, type ChunkedRead } from "../lib/cookies/chunked-cookie.js";
export { serializeCookie, type SetCookie } from "../lib/cookies/set-cookie.js";
