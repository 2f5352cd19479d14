export {
  Auth,
  createAuth,
  type AuthHandler,
  type RevocationResult,
  type SessionInfo,
  type SessionLookup,
  type SessionRevocation,
} from "./auth.js";
export { AuthError, ConfigError, CredentialsSignin, SessionTooLargeError } from "./errors.js";
export type { AuthErrorCode, ConfigErrorCode, RequestErrorCode } from "./errors.js";
export { MemoryStore, type EphemeralStore, type MemoryStoreOptions } from "./lib/store/ephemeral-store.js";
export { serializeCookie, type SetCookie } from "./lib/cookies/set-cookie.js";
export { DEFAULTS } from "./lib/config/defaults.js";
export { developmentSecret } from "./lib/config/development-secret.js";
export { safeRedirect } from "./lib/redirect.js";
export type { ResolvedConfig } from "./lib/config/resolved-config.js";
export type * from "./types.js";
export type * from "./oauth-types.js";
export type * from "./adapter.js";
export { ADAPTER_GROUPS, KEEPS_GATEHOUSE_FIELDS } from "./adapter.js";
