/**
 * Slack, "Sign in with Slack" (OpenID Connect). https://api.slack.com/authentication/sign-in-with-slack
 *
 * Quirks: the token endpoint takes the secret in the body; the workspace is in
 * `https://slack.com/team_id`, the picture in `picture` (or sized `https://slack.com/user_image_*`).
 */
import type { OAuthConfig, OAuthUserConfig } from "../provider-types.js";
import { issuerProvider, type OidcProfile } from "../lib/providers/issuer-provider.js";

/** The claims Slack sends. */
export interface SlackProfile extends OidcProfile {
  "https://slack.com/team_id"?: string;
  "https://slack.com/user_id"?: string;
}

/**
 * Sign in with Slack.
 *
 * @param options - `clientId` and `clientSecret` from the provider's developer console; any
 *   other option overrides the defaults (merged deeply, as in next-auth v4).
 * @returns The provider, for `providers`.
 * @example
 * ```ts
 * import Slack from "gatehouse/providers/slack";
 * Slack({ clientId: process.env.SLACK_ID!, clientSecret: process.env.SLACK_SECRET! });
 * ```
 */
export default function Slack<P extends SlackProfile>(options: OAuthUserConfig<P>): OAuthConfig<P> {
  return issuerProvider<P>("slack", "Slack", options, {
    issuer: "https://slack.com",
    client: { token_endpoint_auth_method: "client_secret_post" },
    style: { bg: "#4a154b", text: "#ffffff" },
  });
}
