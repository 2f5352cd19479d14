/**
 * `providers/oauth`: the types a custom OAuth 2.0 / OpenID Connect provider is written with, at
 * the path next-auth v4 apps import them from (`import type { OAuthConfig } from
 * "next-auth/providers/oauth"`). No provider lives here: a custom one is a plain object.
 */
export type {
  AnyProfile,
  ClientAuthMethod,
  EndpointConfig,
  OAuthCheck,
  OAuthConfig,
  OAuthFields,
  OAuthUserConfig,
  TokenSet,
  UserinfoContext,
} from "../provider-types.js";
