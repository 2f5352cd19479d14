"use client";
/**
 * `gatehouse/react`: next-auth v4's client. `SessionProvider` shares one session with every
 * `useSession()`, keeps it fresh (window focus, an interval, other tabs), and renders a
 * server-provided session immediately. Small on purpose: it ships to every visitor.
 */
import {
  createContext,
  createElement,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactElement,
  type ReactNode,
} from "react";
import type { Session } from "../types.js";
import {
  base,
  broadcast,
  getCsrfToken,
  listeners,
  navigate,
  post,
  refresh,
  serverFetch,
  setBase,
  tabs,
} from "./client-state.js";
import { signInWithPasskey } from "./features.js";

export { getCsrfToken, getSession, type GetSessionParams } from "./client-state.js";
// Every feature's browser functions (listSessions, revokeSessions, unlinkAccount, …), generated.
export * from "./features.js";
export type { PasskeyInfo, PasskeyOutcome, PasskeySignInOptions, RegisterPasskeyOptions } from "@gatehouse/core";
export { twoFactor } from "./two-factor.js";
export type { TwoFactorEnrolment, TwoFactorStatus, TwoFactorVerification, RecentAuthOptions } from "@gatehouse/core";

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
  /** What may call `useSession()`. */
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

/**
 * The configured providers, as `GET {basePath}/providers` lists them (for a sign-in page of your
 * own).
 * @returns Provider id to its id, name, type and sign-in and callback URLs; `null` when the
 *   route answers with an error.
 * @example
 * ```tsx
 * const providers = await getProviders();
 * Object.values(providers ?? {}).map((p) => <button onClick={() => signIn(p.id)}>{p.name}</button>);
 * ```
 */
export async function getProviders(): Promise<Record<string, ClientSafeProvider> | null> {
  // On the server (getServerSideProps, as v4's custom sign-in pages call it): the configured URL.
  const pending = typeof window === "undefined" ? serverFetch("providers") : fetch(`${base}/providers`);
  const res = await pending?.catch(() => null);
  return res?.ok === true ? ((await res.json()) as Record<string, ClientSafeProvider>) : null;
}

/**
 * Starts a sign-in. Without a provider it opens the sign-in page. With `redirect: false`
 * (credentials, email and passkey) it resolves with `{ error, status, ok, url }` and updates
 * every `useSession()`, in this tab and the others. `signIn("passkey")` runs the WebAuthn
 * ceremony in the browser (its code is loaded then, not with the page); `{ autofill: true }`
 * waits in the autofill list of an `<input autocomplete="username webauthn">`.
 * @param provider - The provider id (`"github"`, `"credentials"`, `"email"`, `"passkey"`); without
 *   one, the built-in sign-in page opens.
 * @param options - `callbackUrl` (@default the current page), `redirect` (@default true) and
 *   the provider's form fields (`email`, `username`, `password`, …), posted with the CSRF token.
 * @param authorizationParams - Extra query parameters for the provider's authorization request
 *   (`{ prompt: "login" }`, `login_hint`, …).
 * @returns `undefined` when it navigates; with `redirect: false`, the outcome (`error` is a code
 *   such as `"CredentialsSignin"`, or `null` on success).
 * @example
 * ```ts
 * const result = await signIn("credentials", { username, password, redirect: false });
 * if (result?.error) setMessage("Wrong username or password");
 * ```
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
  if (provider === "passkey") {
    const outcome = await signInWithPasskey({ callbackUrl, autofill: fields.autofill === true });
    const url = outcome.url ?? null;
    if (redirect && url !== null) {
      navigate(url);
      return undefined;
    }
    return { error: outcome.error, status: outcome.status, ok: outcome.ok, url: outcome.ok ? url : null };
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

/**
 * Signs out (CSRF-checked `POST {basePath}/signout`) and tells the other tabs. With
 * `redirect: false` it resolves with `{ url }` and updates every `useSession()` instead of
 * navigating.
 * @param options - `callbackUrl` (where to go after; @default the current page) and `redirect`
 *   (@default true).
 * @returns `undefined` when it navigates; `{ url }` with `redirect: false`.
 * @example
 * ```tsx
 * <button onClick={() => signOut({ callbackUrl: "/" })}>Sign out</button>
 * ```
 */
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

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

/**
 * Shares the session with every `useSession()` below it: fetched once on mount (not at all when
 * `session` is given), again when the tab becomes visible, every `refetchInterval` seconds, and
 * whenever another tab signs in or out.
 * @param props - The children, the server's session, `basePath` and the refetch options
 *   ({@link SessionProviderProps}).
 * @returns The context provider element.
 * @example
 * ```tsx
 * // app/providers.tsx ("use client")
 * export function Providers({ session, children }) {
 *   return <SessionProvider session={session} refetchInterval={300}>{children}</SessionProvider>;
 * }
 * ```
 */
export function SessionProvider(props: SessionProviderProps): ReactElement {
  const {
    children,
    session: initial,
    refetchInterval = 0,
    refetchOnWindowFocus = true,
    refetchWhenOffline = true,
  } = props;
  if (props.basePath !== undefined) setBase(props.basePath);
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
  /** With `required`, called for a signed-out user instead of going to the sign-in page. */
  onUnauthenticated?: () => void;
}

/**
 * The session: `{ data, status, update }`, where `status` is `"loading"`, `"authenticated"` or
 * `"unauthenticated"`. With `required: true`, signed-out users are sent to sign in.
 * @param options - `required` (status stays `"loading"` for a signed-out user, who is sent to
 *   `{basePath}/signin?error=SessionRequired`) and `onUnauthenticated` (called instead of that).
 * @returns The session, its status, and `update(data)`, which runs the `jwt` callback with
 *   `trigger: "update"` and returns the new session.
 * @throws {Error} outside a `<SessionProvider>`.
 * @example
 * ```tsx
 * const { data: session, status } = useSession();
 * if (status === "authenticated") return <p>Signed in as {session.user?.email}</p>;
 * ```
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
