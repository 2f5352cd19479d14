/** The credentials flow: the form posts to `signin/:id` or `callback/:id`; nothing comes back by GET. */
import type { ResolvedCredentialsProvider } from "../../provider-types.js";
import type { ProviderFlow } from "../feature.js";
import { resolveCredentials } from "./resolve-credentials.js";
import { credentialsSignIn } from "./credentials-sign-in.js";

export const credentialsFlow: ProviderFlow<ResolvedCredentialsProvider> = {
  resolve: ({ id, name, options }) => resolveCredentials(id, name, options),
  signIn: credentialsSignIn,
  callbackPost: credentialsSignIn,
  // The form carries the CSRF token.
  callbackCsrf: true,
};
