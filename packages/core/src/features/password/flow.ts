/** The password flow: the sign-in form posts email and password to `callback/:id` (or `signin/:id`). */
import type { ResolvedPasswordProvider } from "../../provider-types.js";
import type { ProviderFlow } from "../feature.js";
import { passwordSignIn } from "./password-sign-in.js";
import { resolvePasswordProvider } from "./resolve-password-provider.js";

export const passwordFlow: ProviderFlow<ResolvedPasswordProvider> = {
  resolve: ({ id, name, options, production }) => resolvePasswordProvider(id, name, options, production),
  signIn: passwordSignIn,
  callbackPost: passwordSignIn,
  // The form carries the CSRF token.
  callbackCsrf: true,
};
