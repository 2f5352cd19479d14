"use client";
/**
 * `gatehouse/react`: next-auth v4's client. `SessionProvider` shares one session with every
 * `useSession()`, keeps it fresh (window focus, an interval, other tabs), and renders a
 * server-provided session immediately. Small on purpose: it ships to every visitor.
 */
import { createContext, createElement, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { DEFAULT_BASE_PATH } from "@gatehouse/core/defaults";
import { readEnv } from "../lib/env.js";
import type { Session, SessionInfo, SessionRevocation } from "../types.js";

/** What `useSession()` returns. */
export type SessionContextValue<R extends boolean = false> = R extends true
  ? | { data: Session; status: "authenticated"; update: UpdateSession }
    | { data: null; status: "loading"; update: UpdateSession }
  : | { data: Session; status: "authenticated"; update: UpdateSession }
    | { data: null; status: "unauthenticated" | "loading"; update: UpdateSession };

/** Posts `data` to the `jwt` callback (`trigger: "update"`) and returns the new session. */
export type UpdateSession = (data?: unknown) => Promise<Session | null>;

/** Props of {@link SessionProvider}. */
export interface SessionProviderProps {
  children: ReactNode;
  /** The session from the server (`auth()` / `getServerSession()`); shown at once, no fetch. */
  session?: Session | null;
  /** Where the auth routes live. @default "/api/auth" */
  basePath?: string;
  /** Refetch every this many seconds (0: never). @default 0 */
  refetchInterval?: number;
  /** Refetch when the tab becomes visible. @default true */
  refetchOnWindowFocus?: boolean;
  /** Refetch even while the browser says it is offline. @default true */
  refetchWhenOffline?: boolean;
}

/** A provider as `GET /providers` lists it. */
export interface ClientSafeProvider {
  id: string;
  name: string;
  type: string;
  signinUrl: string;
  callbackUrl: string;
}

/** The outcome of `signIn(…, { redirect: false })`. */
export interface SignInResponse {
  error: string | null;
  status: number;
  ok: boolean;
  url: string | null;
}

/** Options of {@link signIn}: `callbackUrl`, `redirect`, and the provider's form fields. */
export interface SignInOptions extends Record<string, unknown> {
  /** @default the current page */
  callbackUrl?: string;
  /** `false` (credentials and email) resolves with the outcome instead of navigating. @default true */
  redirect?: boolean;
}

/** Options of {@link signOut}. */
export interface SignOutParams<R extends boolean = true> {
  /** @default the current page */
  callbackUrl?: string;
  /** `false` resolves with `{ url }` instead of navigating. @default true */
  redirect?: R;
}

/** Parameters of {@link getSession} (server-side use needs the request). */
export interface GetSessionParams {
  req?: { headers: Record<string, string | string[] | undefined> | Headers } | undefined;
  ctx?: { req?: GetSessionParams["req"] } | undefined;
  event?: string;
  triggerEvent?: boolean;
  broadcast?: boolean;
}

// Module state: where the routes are (set by SessionProvider), the listeners of the mounted
// providers, and the one session request in flight.
let base: string = DEFAULT_BASE_PATH;
let inflight: Promise<Session | null> | undefined;
const listeners = new Set<(session: Session | null) => void>();
let channel: BroadcastChannel | undefined;

function tabs(): BroadcastChannel | undefined {
  if (channel === undefined && typeof BroadcastChannel !== "undefined")
    channel = new BroadcastChannel("gatehouse.session");
  return channel;
}

function broadcast(): void {
  // The other tabs only need to know the session changed; they fetch it themselves.
  tabs()?.postMessage("session");
}

function navigate(url: string): void {
  window.location.href = url;
  if (url.includes("#")) window.location.reload();
}

async function post(
  path: string,
  body: Record<string, string>,
): Promise<{ res: Response; data: Record<string, unknown> }> {
  const res = await fetch(`${base}/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...body, csrfToken: (await getCsrfToken()) ?? "", json: "true" }),
  });
  return { res, data: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

/**
 * Where the server reaches its own auth routes: the configured URL only (NEXTAUTH_URL_INTERNAL,
 * then NEXTAUTH_URL / AUTH_URL; a path in it is the base path), never the request's `Host`,
 * which the client chooses.
 */
function serverAuthUrl(): string | undefined {
  const env = readEnv();
  const configured = env.internalUrl ?? env.url;
  if (configured === undefined) return undefined;
  try {
    const url = new URL(configured);
    const path = url.pathname.replace(/\/+$/, "");
    return `${url.origin}${path === "" ? base : path}`;
  } catch {
    return undefined;
  }
}

/**
 * The current session, or `null`. Concurrent calls share one request. On the server (v4's
 * `getSession({ req })`), pass the request so its cookie is forwarded.
 */
export function getSession(params?: GetSessionParams): Promise<Session | null> {
  if (typeof window === "undefined") {
    // On the server, only with the request and a configured URL: without one there is no
    // origin to trust, and the session is unknown.
    const authUrl = serverAuthUrl();
    const req = params?.req ?? params?.ctx?.req;
    if (authUrl === undefined || req === undefined) return Promise.resolve(null);
    const cookie = req.headers instanceof Headers ? req.headers.get("cookie") : req.headers.cookie;
    return fetch(`${authUrl}/session`, { headers: { cookie: String(cookie ?? "") } })
      .then((res) => res.json() as Promise<Session>)
      .then((data) => (Object.keys(data).length > 0 ? data : null))
      .catch(() => null);
  }
  inflight ??= fetch(`${base}/session`)
    .then((res) => (res.ok ? (res.json() as Promise<Session>) : null))
    .then((data) => (data !== null && Object.keys(data).length > 0 ? data : null))
    .catch(() => null)
    .finally(() => (inflight = undefined));
  const pending = inflight;
  if (params?.broadcast === true) void pending.then(broadcast);
  return pending;
}

async function refresh(): Promise<Session | null> {
  const session = await getSession();
  for (const listener of listeners) listener(session);
  return session;
}

/** The CSRF token for a hand-made form post. */
export async function getCsrfToken(): Promise<string | undefined> {
  const res = await fetch(`${base}/csrf`);
  return ((await res.json()) as { csrfToken?: string }).csrfToken;
}

/** The configured providers. */
export async function getProviders(): Promise<Record<string, ClientSafeProvider> | null> {
  const res = await fetch(`${base}/providers`);
  return res.ok ? ((await res.json()) as Record<string, ClientSafeProvider>) : null;
}

/**
 * Starts a sign-in. Without a provider it opens the sign-in page. With `redirect: false`
 * (credentials and email) it resolves with `{ error, status, ok, url }` and updates every
 * `useSession()`, in this tab and the others.
 */
export async function signIn(
  provider?: string,
  options: SignInOptions = {},
  authorizationParams?: Record<string, string> | string,
): Promise<SignInResponse | undefined> {
  const { callbackUrl = window.location.href, redirect = true, ...fields } = options;
  if (typeof provider !== "string" || provider === "") {
    navigate(`${base}/signin?${new URLSearchParams({ callbackUrl }).toString()}`);
    return undefined;
  }
  const query = authorizationParams === undefined ? "" : `?${new URLSearchParams(authorizationParams).toString()}`;
  const body: Record<string, string> = { callbackUrl };
  for (const [key, value] of Object.entries(fields)) body[key] = String(value);
  const { res, data } = await post(`signin/${encodeURIComponent(provider)}${query}`, body);
  const url = typeof data.url === "string" ? data.url : null;
  const error =
    url === null ? ((data.error as string | undefined) ?? "Default") : new URL(url).searchParams.get("error");
  if (redirect || url === null) {
    navigate(url ?? `${base}/signin?error=${error ?? "Default"}`);
    return undefined;
  }
  if (res.ok) {
    await refresh();
    broadcast();
  }
  return { error, status: res.status, ok: res.ok, url: error === null ? url : null };
}

/** Signs out (and every other tab with it). With `redirect: false` resolves with `{ url }`. */
export async function signOut<R extends boolean = true>(
  options: SignOutParams<R> = {},
): Promise<R extends false ? { url: string } : undefined> {
  const { callbackUrl = window.location.href, redirect = true } = options;
  const { data } = await post("signout", { callbackUrl });
  broadcast();
  const url = typeof data.url === "string" ? data.url : callbackUrl;
  if (redirect) {
    navigate(url);
    return undefined as R extends false ? { url: string } : undefined;
  }
  await refresh();
  return { url } as R extends false ? { url: string } : undefined;
}

/**
 * The signed-in user's sessions (database sessions), newest first; `null` when signed out or
 * when the app has no database sessions.
 */
export async function listSessions(): Promise<SessionInfo[] | null> {
  const res = await fetch(`${base}/sessions`);
  return res.ok ? ((await res.json()) as { sessions: SessionInfo[] }).sessions : null;
}

/**
 * Ends sessions of the signed-in user: one (`{ id }` from {@link listSessions}), `"others"`, or
 * `"all"` (sign out everywhere, this tab included). Resolves with how many ended.
 */
export async function revokeSessions(target: SessionRevocation): Promise<number> {
  const action = target === "others" ? "revoke-others" : target === "all" ? "revoke-all" : "revoke";
  const { data } = await post("sessions", typeof target === "object" ? { action, id: target.id } : { action });
  const revoked = typeof data.revoked === "number" ? data.revoked : 0;
  if (target === "all" || revoked > 0) {
    await refresh();
    broadcast();
  }
  return revoked;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

/** Shares the session with every `useSession()` below it. */
export function SessionProvider(props: SessionProviderProps): ReactNode {
  const {
    children,
    session: initial,
    refetchInterval = 0,
    refetchOnWindowFocus = true,
    refetchWhenOffline = true,
  } = props;
  if (props.basePath !== undefined) base = props.basePath.replace(/\/$/, "");
  const [data, setData] = useState<Session | null | undefined>(initial);

  useEffect(() => {
    const load = (): void => {
      if (refetchWhenOffline || navigator.onLine) void refresh();
    };
    listeners.add(setData);
    if (initial === undefined) void refresh();
    const bus = tabs();
    bus?.addEventListener("message", load);
    const onVisible = (): void => {
      if (refetchOnWindowFocus && document.visibilityState === "visible") load();
    };
    document.addEventListener("visibilitychange", onVisible);
    const timer = refetchInterval > 0 ? setInterval(load, refetchInterval * 1000) : undefined;
    return () => {
      listeners.delete(setData);
      bus?.removeEventListener("message", load);
      document.removeEventListener("visibilitychange", onVisible);
      clearInterval(timer);
    };
  }, [initial, refetchInterval, refetchOnWindowFocus, refetchWhenOffline]);

  const value = useMemo((): SessionContextValue => {
    const update: UpdateSession = async (body) => {
      const res = await fetch(`${base}/session`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ csrfToken: await getCsrfToken(), data: body }),
      });
      const next = res.ok ? ((await res.json()) as Session) : null;
      const session = next !== null && Object.keys(next).length > 0 ? next : null;
      for (const listener of listeners) listener(session);
      broadcast();
      return session;
    };
    return data === undefined
      ? { data: null, status: "loading", update }
      : data === null
        ? { data: null, status: "unauthenticated", update }
        : { data, status: "authenticated", update };
  }, [data]);

  return createElement(SessionContext.Provider, { value }, children);
}

/** Options of {@link useSession}. */
export interface UseSessionOptions<R extends boolean> {
  /** Send signed-out users to sign in (or call `onUnauthenticated`). */
  required?: R;
  onUnauthenticated?: () => void;
}

/**
 * The session: `{ data, status, update }`, where `status` is `"loading"`, `"authenticated"` or
 * `"unauthenticated"`. With `required: true`, signed-out users are sent to sign in.
 * @throws {Error} outside a `<SessionProvider>`.
 */
export function useSession<R extends boolean = false>(options?: UseSessionOptions<R>): SessionContextValue<R> {
  const value = useContext(SessionContext);
  if (value === undefined) throw new Error("[gatehouse] useSession() must be used inside <SessionProvider>.");
  const required = options?.required === true && value.status === "unauthenticated";
  const onUnauthenticated = options?.onUnauthenticated;
  useEffect(() => {
    if (!required) return;
    if (onUnauthenticated !== undefined) onUnauthenticated();
    else
      navigate(
        `${base}/signin?${new URLSearchParams({ error: "SessionRequired", callbackUrl: window.location.href }).toString()}`,
      );
  }, [required, onUnauthenticated]);
  return (required ? { data: null, status: "loading", update: value.update } : value) as SessionContextValue<R>;
}
