/**
 * `AuthRuntime`: everything an auth instance holds that lives and changes while the app runs —
 * the store, the adapter, derived keys, the logger (which remembers what it warned about), the
 * session strategy, the page renderer, and each feature's own state (OAuth metadata and JWKS
 * caches, refresh flights, the dev mailbox, mail transports) in named slots. `createAuth` builds
 * one per instance; nothing of the kind lives at module level, and the options themselves
 * (`ResolvedConfig`) stay frozen.
 */
import type { Adapter } from "../adapter.js";
import type { ErrorCode, ErrorText } from "../errors.js";
import type { EphemeralStore, LoggerInstance } from "../types.js";
import type { ResolvedConfig } from "./config/resolved-config.js";
import type { CsrfKeys } from "./csrf.js";
import type { Keyring } from "./keyring.js";
import type { PageRenderer } from "./pages.js";
import type { SessionExtension } from "./session/session-extension.js";
import type { SessionStrategy } from "./session/strategy.js";

/**
 * A named place for one feature's run-time state, created on first use per runtime.
 * @example
 * ```ts
 * const MAILBOX = new RuntimeSlot("dev-mailbox", () => ({ messages: [] as DevMessage[] }))
 * state.runtime.slot(MAILBOX).messages.push(message)
 * ```
 */
export class RuntimeSlot<T> {
  /**
   * @param name for debugging.
   * @param create makes the slot's value for one runtime.
   */
  constructor(
    readonly name: string,
    readonly create: (runtime: AuthRuntime) => T,
  ) {}
}

/** What an auth instance holds at run time. */
export interface AuthRuntime {
  /** The options, resolved and frozen. */
  readonly config: ResolvedConfig;
  /** Rate-limit counters, revocations and session epochs. */
  readonly store: EphemeralStore;
  /** The database adapter, checked to have what the configuration needs. */
  readonly adapter: Adapter | undefined;
  /** Session-token keys per purpose. */
  readonly keyring: Keyring;
  /** CSRF cookie keys. */
  readonly csrfKeys: CsrfKeys;
  readonly logger: LoggerInstance;
  /** The clock every expiry is judged by, in milliseconds. */
  readonly now: () => number;
  /** The `fetch` every request to an identity provider goes through. */
  readonly fetch: typeof fetch;
  /** JWT or database sessions, chosen once. */
  readonly strategy: SessionStrategy;
  /** The built-in pages. */
  readonly pages: PageRenderer;
  /** What the built-in pages say for each error code of the enabled features. */
  readonly errorTexts: ReadonlyMap<ErrorCode, ErrorText>;
  /** What the enabled features add to the session life cycle. */
  readonly extensions: readonly SessionExtension[];
  /** A feature's own state (see {@link RuntimeSlot}). */
  slot<T>(slot: RuntimeSlot<T>): T;
}

/** The parts of a runtime `createAuth` assembles; slots are added here. */
export type RuntimeParts = Omit<AuthRuntime, "slot" | "strategy" | "pages"> & {
  strategy: (runtime: AuthRuntime) => SessionStrategy;
  pages: (runtime: AuthRuntime) => PageRenderer;
};

/** Builds a runtime from its parts. */
export function createRuntime(parts: RuntimeParts): AuthRuntime {
  const slots = new Map<RuntimeSlot<unknown>, unknown>();
  const runtime: AuthRuntime = {
    ...parts,
    strategy: undefined as unknown as SessionStrategy,
    pages: undefined as unknown as PageRenderer,
    slot<T>(slot: RuntimeSlot<T>): T {
      if (!slots.has(slot)) slots.set(slot, slot.create(runtime));
      return slots.get(slot) as T;
    },
  };
  Object.assign(runtime, { strategy: parts.strategy(runtime), pages: parts.pages(runtime) });
  return Object.freeze(runtime);
}
