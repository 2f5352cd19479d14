/**
 * Every feature, in the order their routes and hooks apply. A configuration turns each on or
 * off (`Feature.enabled`); the router, the adapter requirement check, the error texts and the
 * session hooks are assembled from this list. Adding a feature is adding its folder and a line
 * here.
 */
import { accountsFeature } from "./accounts/index.js";
import { baseFeature } from "./base/index.js";
import { credentialsFeature } from "./credentials/index.js";
import { devMailboxFeature } from "./dev-mailbox/index.js";
import type { Feature } from "./feature.js";
import { emailFeature } from "./email/index.js";
import { oauthFeature } from "./oauth/index.js";
import { passkeyFeature } from "./passkey/index.js";
import { passwordFeature } from "./password/index.js";
import { sessionsFeature } from "./sessions/index.js";
import { twoFactorFeature } from "./two-factor/index.js";

const ALL = Object.freeze([
  baseFeature,
  oauthFeature,
  emailFeature,
  credentialsFeature,
  sessionsFeature,
  accountsFeature,
  passkeyFeature,
  passwordFeature,
  devMailboxFeature,
  twoFactorFeature,
] as const);

/** Every feature (for assembling routes, checks and hooks). */
export const FEATURES: readonly Feature[] = ALL;

/** The server-side operations of every feature, by feature name (what `AuthHandler.api` binds). */
export type FeatureApis = {
  [F in (typeof ALL)[number] as F extends { api: object } ? F["name"] : never]: F extends { api: infer A } ? A : never;
};

/** The names of every feature's server-side operations (for integrations that bind them). */
export const API_METHODS: Readonly<Record<string, readonly string[]>> = Object.freeze(
  Object.fromEntries(
    FEATURES.flatMap((feature) => (feature.api === undefined ? [] : [[feature.name, Object.keys(feature.api)]])),
  ),
);
