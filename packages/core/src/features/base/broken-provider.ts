/**
 * The answer for a provider turned off by a mistake in its own options (see
 * `ResolvedConfig.brokenProviders`): its sign-in and callback go to the error page with
 * `?error=Configuration` (`{ url }` for `json=true`, which next-auth's client follows), and the
 * rest of auth keeps working. Why it is off was logged once, when the configuration was read.
 */
import { errorPageUrl } from "../../lib/http/navigation.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { redirectOrJson } from "../../lib/http/respond.js";

/** The response for a request to a turned-off provider, or `null` if `providerId` is not one. */
export function brokenProviderResponse(
  state: RequestState,
  providerId: string | undefined,
  json: boolean,
): Response | null {
  if (providerId === undefined || !state.config.brokenProviders.has(providerId)) return null;
  return redirectOrJson(json, errorPageUrl(state, "Configuration"), [], 500);
}
