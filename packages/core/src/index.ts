/**
 * `@gatehouse/core`: the framework-free engine. `createAuth(config)` returns
 * `(request: Request) => Promise<Response>` for the auth routes, on web standards only.
 */
export {
  Auth,
  createAuth,
  type ActionResult,
  type AuthApi,
  type AuthHandler,
  type BoundApi,
  type ServerSignInInput,
  type RevocationResult,
  type SessionInfo,
  type SessionLookup,
  type SessionRevocation,
} from "./auth.js";
export { AuthError, ConfigError, CredentialsSignin, SessionTooLargeError, StoreFullError } from "./errors.js";
export type { AuthErrorCode, ConfigErrorCode, ErrorCode, ErrorText, RequestErrorCode } from "./errors.js";
export { MemoryStore, SECURITY_KEY_PREFIXES, type MemoryStoreOptions } from "./lib/store/ephemeral-store.js";
export { serializeCookie, type SetCookie } from "./lib/cookies/set-cookie.js";
export { DEFAULTS } from "./lib/config/defaults.js";
export { systemClock } from "./lib/clock.js";
export { createLogger } from "./lib/logger.js";
export { safeRedirect } from "./lib/redirect.js";
export type { ResolvedConfig } from "./lib/config/resolved-config.js";
export type * from "./types.js";
export type * from "./options.js";
export type * from "./provider-types.js";
export type * from "./adapter.js";
export type { ApiOutcome } from "./features/feature.js";
export { API_METHODS, type FeatureApis } from "./features/index.js";
export type { AccountRef } from "./features/accounts/unlink-account.js";
export type {
  PasskeyInfo,
  PasskeyOutcome,
  PasskeySignInOptions,
  RegisterPasskeyOptions,
} from "./features/passkey/client.js";
export type { ChangeFields, PasswordResult, ResetFields, SignUpFields } from "./features/password/client.js";
export type { PasswordOutcome } from "./features/password/outcome.js";
export type { SignUpInput } from "./features/password/sign-up.js";
export type { ClientAnswer, ClientKit } from "./lib/client-kit.js";
export { ADAPTER_GROUPS, ADAPTER_METHODS, KEEPS_GATEHOUSE_FIELDS } from "./adapter.js";
export type { TwoFactorEnrolment, TwoFactorStatus, TwoFactorVerifyResult } from "./features/two-factor/index.js";
export type {
  RecentAuthOptions,
  Verification as TwoFactorVerification,
  VerifyOptions as TwoFactorVerifyOptions,
} from "./features/two-factor/client.js";
export { authenticatedWithin, stepUpUrl } from "./lib/session/step-up.js";
