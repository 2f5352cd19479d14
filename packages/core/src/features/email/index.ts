/**
 * Passwordless sign-in with a link sent by email (providers of type "email"): strict address
 * validation, keyed-hash single-use tokens, store-then-send; the browser that asked for a link
 * signs in when it opens it, anywhere else a confirmation page that mail scanners never press.
 * Needs users and verification tokens in the database.
 */
import { defineFeature } from "../feature.js";
import { EMAIL_ERRORS } from "./errors.js";
import { emailFlow } from "./flow.js";

export const emailFeature = defineFeature({
  name: "email",
  enabled: (config) => config.providers.some((provider) => provider.type === "email"),
  flows: { email: emailFlow },
  adapterNeeds: () => [
    { group: "users", why: "email sign-in" },
    { group: "verification", why: "email sign-in" },
  ],
  errors: EMAIL_ERRORS,
});
