/**
 * Every feature, in the order their routes and hooks apply. A configuration turns each on or
 * off (`Feature.enabled`); the router, the adapter requirement check, the error texts and the
 * session hooks are assembled from this list. Adding a feature is adding its folder and a line
 * here.
 */
import { baseFeature } from "./base/index.js";
import { credentialsFeature } from "./credentials/index.js";
import { devMailboxFeature } from "./dev-mailbox/index.js";
import { emailFeature } from "./email/index.js";
import type { Feature } from "./feature.js";
import { oauthFeature } from "./oauth/index.js";
import { sessionsFeature } from "./sessions/index.js";

export const FEATURES: readonly Feature[] = Object.freeze([
  baseFeature,
  oauthFeature,
  emailFeature,
  credentialsFeature,
  sessionsFeature,
  devMailboxFeature,
]);
