/** The email-link flow: `POST signin/:id` sends the link, `callback/:id` is where it lands. */
import type { ResolvedEmailProvider } from "../../provider-types.js";
import type { ProviderFlow } from "../feature.js";
import { resolveEmailProvider } from "./resolve-email-provider.js";
import { emailConfirm, emailVerify } from "./email-callback.js";
import { emailSignIn } from "./email-sign-in.js";

export const emailFlow: ProviderFlow<ResolvedEmailProvider> = {
  resolve: ({ id, name, options, production }) => resolveEmailProvider(id, name, options, production),
  signIn: emailSignIn,
  callbackGet: emailConfirm,
  callbackPost: emailVerify,
  // The confirmation page (shown to every browser but the asking one) posts the token back with
  // the CSRF token.
  callbackCsrf: true,
};
