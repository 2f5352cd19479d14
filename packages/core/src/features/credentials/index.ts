/**
 * Sign-in with a form the app checks itself (`authorize(credentials, request)`; providers of type
 * "credentials"), with JWT or database sessions, rate limited per identifier and address.
 */
import { defineFeature } from "../feature.js";
import { CREDENTIALS_ERRORS } from "./errors.js";
import { credentialsFlow } from "./flow.js";

export const credentialsFeature = defineFeature({
  name: "credentials",
  enabled: (config) => config.providers.some((provider) => provider.type === "credentials"),
  flows: { credentials: credentialsFlow },
  errors: CREDENTIALS_ERRORS,
});
