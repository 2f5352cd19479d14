/**
 * The shape every feature has. A feature (OAuth, email links, credentials, session management,
 * the dev mailbox, …) is one folder whose `index.ts` exports one {@link Feature}: the routes it
 * adds under `basePath`, the sign-in flows of the provider types it owns, the adapter method
 * groups it needs, the error codes it can show a browser, and what it adds to the session life
 * cycle. `features/index.ts` lists the features; the router, the adapter requirement check and
 * the pages are assembled from that list, so a new feature touches none of them.
 */
import type { AdapterGroup, DatabaseAdapter } from "../adapter.js";
import type { ErrorCode, ErrorText } from "../errors.js";
import type { ProviderType, ResolvedProvider, ResolvedProviderOf } from "../provider-types.js";
import type { ResolvedConfig } from "../lib/config/resolved-config.js";
import type { Body } from "../lib/http/read-body.js";
import type { RequestState } from "../lib/http/request-state.js";
import type { SetCookie } from "../lib/cookies/set-cookie.js";
import type { SessionExtension } from "../lib/session/session-extension.js";

/** What a route handler receives besides the request state. */
export interface RouteInput {
  /** The decoded provider segment (`signin/:provider`, `callback/:provider`). */
  providerId: string | undefined;
  /** The parsed body of a POST; `{}` for other methods. */
  body: Body;
  /** The sign-in flow of each enabled provider type. */
  flows: FlowTable;
}

/** The sign-in flow of each provider type the configuration enables. */
export type FlowTable = ReadonlyMap<ProviderType, ProviderFlow>;

/** A handler for one method of one route. */
export type RouteHandler = (state: RequestState, input: RouteInput) => Promise<Response>;

/** One route: a handler per method, and whether it takes a provider segment. */
export interface Route {
  GET?: RouteHandler;
  POST?: RouteHandler;
  /** Whether the path has a provider segment after the action (`callback/:provider`). */
  provider: "none" | "optional" | "required";
  /** POSTs are checked for a CSRF token (and refused cross-site) unless this says no. @default true */
  csrf?: boolean | ((state: RequestState, input: Omit<RouteInput, "body">) => boolean);
  /** Answer errors in JSON (API routes) rather than HTML. @default false */
  api?: boolean;
}

/**
 * How one kind of provider signs in: `POST signin/:id` starts it, `callback/:id` finishes it.
 * The base feature's `signin` and `callback` routes hand a request to the flow of the provider's
 * type.
 */
export interface ProviderFlow<P extends ResolvedProvider = ResolvedProvider> {
  /**
   * Merges an app's `options` over a provider's defaults, before `resolve`.
   * @default a deep merge (plain objects merge, anything else replaces)
   */
  merge?(defaults: Record<string, unknown>, options: Record<string, unknown>): Record<string, unknown>;
  /** Validates a provider of this type once, at configuration. @throws {ConfigError} */
  resolve: ProviderResolver<P>;
  /** `POST signin/:id`. */
  signIn(state: RequestState, provider: P, body: Body, json: boolean): Promise<Response>;
  /** `GET callback/:id`; absent: 405. */
  callbackGet?(state: RequestState, provider: P): Promise<Response>;
  /** `POST callback/:id`; absent: 405. */
  callbackPost?(state: RequestState, provider: P, body: Body, json: boolean): Promise<Response>;
  /** Whether `POST callback/:id` needs the CSRF token (a form of ours posts it). */
  callbackCsrf: boolean;
}

/** What a provider type's validator receives: the provider with the app's options merged in. */
export interface ProviderDefinition {
  id: string;
  name: string;
  type: ProviderType;
  options: Record<string, unknown>;
  /** Whether the configuration is for production (stricter checks). */
  production: boolean;
}

/** Validates one provider of a type. */
export type ProviderResolver<P extends ResolvedProvider = ResolvedProvider> = (definition: ProviderDefinition) => P;

/** A group of adapter methods a configuration needs, and why (for the start-up error). */
export interface AdapterNeed {
  group: AdapterGroup;
  why: string;
  /** Methods of the group the feature needs beyond its required ones. */
  methods?: readonly (keyof DatabaseAdapter)[];
}

/** What a server-side operation of a feature produced: its value and the cookies to set. */
export interface ApiOutcome<T> {
  value: T;
  cookies?: readonly SetCookie[];
}

/**
 * A server-side operation of a feature, for the app's own server code: `auth.api.<feature>.<name>`
 * in core, `NextAuth(…).<feature>.<name>` in the Next.js package (which passes the current
 * request and writes the cookies). `state` is the user's request.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each operation has its own arguments
export type ApiMethod = (state: RequestState, ...args: any[]) => Promise<ApiOutcome<unknown>>;

/**
 * One feature. Every member is optional but `name` and `enabled`; a feature that is not enabled
 * by a configuration adds nothing to it.
 */
export interface Feature {
  /** The feature's name, for messages. */
  readonly name: string;
  /** Whether `config` turns the feature on. */
  enabled(config: ResolvedConfig): boolean;
  /** Routes by action (the first path segment under `basePath`). */
  readonly routes?: Readonly<Record<string, Route>>;
  /** Sign-in flows by provider type. */
  readonly flows?: { readonly [T in ProviderType]?: ProviderFlow<ResolvedProviderOf<T>> };
  /**
   * Checks what the feature needs of the configuration beyond each provider's own options, once,
   * at start-up.
   * @throws {ConfigError} saying what to change.
   */
  check?(config: ResolvedConfig): void;
  /** The adapter groups this configuration needs; checked at start-up. */
  adapterNeeds?(config: ResolvedConfig): readonly AdapterNeed[];
  /** The error codes it can send to a browser, with what the built-in pages say for each. */
  readonly errors?: Readonly<Partial<Record<ErrorCode, ErrorText>>>;
  /** What it adds to reading, starting and ending sessions. */
  readonly session?: SessionExtension;
  /** Its server-side operations, for the app's own server code. */
  readonly api?: Readonly<Record<string, ApiMethod>>;
}

/** Declares a feature (checks its shape, keeps its exact type for the API's types, and freezes it). */
// `Name` keeps the name's literal type (TypeScript 4.9's declarations have no `<const F>`).
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function defineFeature<Name extends string, F extends Feature & { readonly name: Name }>(feature: F): F {
  return Object.freeze(feature);
}
