/**
 * The base feature, on in every configuration: the sign-in and sign-out pages and routes, the
 * session and CSRF routes, the provider list, the error and verify-request pages, and the two
 * provider routes (`signin/:provider`, `callback/:provider`) that hand each request to the flow
 * of the provider's type.
 */
import { defineFeature } from "../feature.js";
import { callbackRoute } from "./callback.js";
import { csrfRoute } from "./csrf.js";
import { errorRoute } from "./error.js";
import { BASE_ERRORS } from "./errors.js";
import { providersRoute } from "./providers.js";
import { sessionRoute } from "./session.js";
import { signinRoute } from "./signin.js";
import { signoutRoute } from "./signout.js";
import { verifyRequestRoute } from "./verify-request.js";

export const baseFeature = defineFeature({
  name: "base",
  enabled: () => true,
  routes: {
    signin: signinRoute,
    callback: callbackRoute,
    signout: signoutRoute,
    session: sessionRoute,
    csrf: csrfRoute,
    providers: providersRoute,
    error: errorRoute,
    "verify-request": verifyRequestRoute,
  },
  errors: BASE_ERRORS,
});
