/**
 * Step-up: a sensitive page or action asks that the user authenticated recently, not merely that
 * a session exists. `auth.require({ maxAge })` (server), `withAuth({ stepUp })` (middleware) and
 * `requireRecentAuth({ maxAge })` (browser) judge `session.authenticatedAt` with these, and send
 * an old session to the step-up page: the second-factor form when the user has two-factor on,
 * else the sign-in page.
 */

/**
 * Whether `session` authenticated (signed in, or stepped up) within the last `maxAge` seconds.
 * A session that records no authentication time is not recent.
 * @param session the session (`auth()`, `getServerSession()`, `useSession().data`).
 * @param maxAge seconds.
 * @param nowMs the time to judge by, in ms since the epoch.
 * @returns `true` when it is recent enough.
 * @example `authenticatedWithin(session, 300, Date.now())`
 */
export function authenticatedWithin(
  session: { authenticatedAt?: unknown } | null | undefined,
  maxAge: number,
  nowMs: number,
): boolean {
  if (typeof session?.authenticatedAt !== "string") return false;
  const at = Date.parse(session.authenticatedAt);
  return Number.isFinite(at) && nowMs - at <= maxAge * 1000 && at <= nowMs + 60_000;
}

/**
 * Where to send an old session to re-authenticate: `{basePath}/two-factor` (which shows the code
 * form to a user with two-factor on and sends anyone else to sign in), or the sign-in page when
 * two-factor is off, with `callbackUrl` to come back to.
 * @param config `basePath`, `pages.signIn`, and whether two-factor is on.
 * @param callbackUrl where to return afterwards.
 * @returns a path (or the custom sign-in page's URL).
 * @example `stepUpUrl(auth.config, "/billing")`
 */
export function stepUpUrl(
  config: { basePath: string; pages: { signIn?: string | undefined }; twoFactor: object | null },
  callbackUrl: string | undefined,
): string {
  const page =
    config.twoFactor !== null ? `${config.basePath}/two-factor` : (config.pages.signIn ?? `${config.basePath}/signin`);
  const target = new URL(page, "http://localhost");
  if (callbackUrl !== undefined) target.searchParams.set("callbackUrl", callbackUrl);
  return /^https?:/.test(page) ? target.href : `${target.pathname}${target.search}`;
}
