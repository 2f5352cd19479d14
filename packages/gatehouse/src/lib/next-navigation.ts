/**
 * `redirect()` from `next/navigation`, loaded on first use rather than at import: Next 12 has no
 * `next/navigation` (nor `next/headers`), and a pages-router app must be able to load every
 * server entry of this package without them.
 */

/** Throws Next's redirect to `url` (server components, route handlers and server actions). */
export async function nextRedirect(url: string): Promise<never> {
  const { redirect } = await import("next/navigation.js");
  return redirect(url);
}
