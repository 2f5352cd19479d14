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

/** v3's provider; `options.basePath` and `options.clientMaxAge` (seconds) are honoured. */
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

/** v3's tuple: `[session, loading]`. */
export function useSession(): [Session | null, boolean] {
  const { data, status } = useSessionV4();
  return [data, status === "loading"];
}

/** v3's `signOut`, safe to pass to `onClick` (an event is not options). */
export function signOut(options?: unknown): Promise<unknown> {
  const params = options !== null && typeof options === "object" && !("nativeEvent" in options) ? options : {};
  return signOutV4(params as Parameters<typeof signOutV4>[0]);
}
