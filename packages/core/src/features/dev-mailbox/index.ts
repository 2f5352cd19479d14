/**
 * The development mailbox: in development, mail that has no server to go to (an Email provider
 * without `server`) is listed at `{basePath}/dev-mailbox`. In production the route is a 404.
 */
import { defineFeature } from "../feature.js";
import { devMailboxRoute } from "./route.js";

export const devMailboxFeature = defineFeature({
  name: "dev-mailbox",
  enabled: () => true,
  routes: { "dev-mailbox": devMailboxRoute },
});
