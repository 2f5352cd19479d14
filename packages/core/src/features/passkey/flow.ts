/**
 * The passkey flow: `POST callback/:id` with the browser's assertion signs in (what
 * `signIn("passkey")` in React posts); `POST signin/:id` answers the authentication options,
 * since a passkey ceremony needs the browser's WebAuthn API and cannot finish by a form post.
 */
import type { ResolvedPasskeyProvider } from "../../provider-types.js";
import type { ProviderFlow } from "../feature.js";
import { authenticationOptions, authenticationVerification } from "./authentication.js";
import { resolvePasskey } from "./resolve-passkey.js";

export const passkeyFlow: ProviderFlow<ResolvedPasskeyProvider> = {
  resolve: ({ id, name, options }) => resolvePasskey(id, name, options),
  signIn: (state, provider) => authenticationOptions(state, provider),
  callbackPost: authenticationVerification,
  // The assertion is posted with the CSRF token.
  callbackCsrf: true,
};
