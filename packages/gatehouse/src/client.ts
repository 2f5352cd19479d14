"use client";
/**
 * `gatehouse/client`: next-auth v3's client names, for the older tutorials (seed 000):
 * `<Provider session={…}>`, `const [session, loading] = useSession()`, and `signIn`/`signOut`
 * that may be passed straight to `onClick`.
 */
import { createElement, type ReactNode } from "react";
import {
  SessionProvider,
  signOut as signOutV4,
  useSession as useSessionV4,
  type SessionProviderProps,
} from "./react/index.js";
import type { Session } from "./types.js";

export { getCsrfToken, getProviders, getSession, signIn } from "./react/index.js";

/**
 * v3's provider, over `SessionProvider`: `options.basePath` is honoured, and
 * `options.keepAlive` (or else `options.clientMaxAge`), in seconds, becomes the refetch interval.
 * @param props - The children, the server's session, and v3's `options`.
 * @returns The session provider element.
 * @example
 * ```tsx
 * // pages/_app.tsx
 * <Provider session={pageProps.session}><Component {...pageProps} /></Provider>
 * ```
 */
export function Provider(props: {
  children: ReactNode;
  session?: Session | null;
  options?: { basePath?: string; clientMaxAge?: number; keepAlive?: number };
}): ReactNode {
  const settings: SessionProviderProps = { children: props.children };
  if (props.session !== undefined) settings.session = props.session;
  if (props.options?.basePath !== undefined) settings.basePath = props.options.basePath;
  const interval = props.options?.keepAlive ?? props.options?.clientMaxAge;
  if (interval !== undefined) settings.refetchInterval = interval;
  return createElement(SessionProvider, settings);
}

/**
 * v3's tuple: `[session, loading]`, over v4's `useSession()` (so it needs a {@link Provider}).
 * @returns The session (`null` while loading or when signed out) and whether it is loading.
 * @throws {Error} outside a `<Provider>`.
 * @example
 * ```tsx
 * const [session, loading] = useSession();
 * if (!loading && !session) return <button onClick={signIn}>Sign in</button>;
 * ```
 */
export function useSession(): [Session | null, boolean] {
  const { data, status } = useSessionV4();
  return [data, status === "loading"];
}

/**
 * v3's `signOut`, safe to pass to `onClick`: a React event (anything with `nativeEvent`) is
 * ignored rather than read as options.
 * @param options - v4's `{ callbackUrl, redirect }`, or a click event.
 * @returns What v4's `signOut` resolves with (`{ url }` with `redirect: false`).
 * @example
 * ```tsx
 * <button onClick={signOut}>Sign out</button>
 * ```
 */
export function signOut(options?: unknown): Promise<unknown> {
  const params = options !== null && typeof options === "object" && !("nativeEvent" in options) ? options : {};
  return signOutV4(params as Parameters<typeof signOutV4>[0]);
}
