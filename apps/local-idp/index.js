// A local OpenID Connect provider for development and tests: any login name signs in (no
// password check), consent is granted automatically, refresh tokens are issued, and
// RP-initiated logout is on. Loopback only. Not for production, obviously.
import Provider from "oidc-provider";

/**
 * @typedef {object} IdpOptions
 * @property {number} [port] default 3300
 * @property {Array<Record<string, unknown>>} clients oidc-provider client metadata
 * @property {number} [accessTokenTtl] seconds, default 3600
 * @property {(event: string, detail: unknown) => void} [onEvent] called for grant and refresh events
 * @property {{ keys: Array<Record<string, unknown>> }} [jwks] private signing keys; the first of an
 *   algorithm signs (restart with another set to rotate keys)
 * @property {Record<string, unknown>} [profileClaims] extra claims every account has, released with
 *   the `profile` scope (group lists, say)
 * @property {boolean | ((login: string) => boolean)} [emailVerified] the `email_verified` claim,
 *   for every account or per login name; default true (false: an IdP that does not vouch)
 */

/** Starts the provider; resolves with its issuer URL and a `close()`. */
export async function startIdp(/** @type {IdpOptions} */ options) {
  const port = options.port ?? 3300;
  const issuer = `http://127.0.0.1:${port}`;
  const extra = options.profileClaims ?? {};
  const verified = options.emailVerified ?? true;
  const profileClaims = ["name", "picture", ...Object.keys(extra)];
  const provider = new Provider(issuer, {
    clients: options.clients,
    ...(options.jwks === undefined ? {} : { jwks: options.jwks }),
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: profileClaims },
    conformIdTokenClaims: false,
    cookies: { keys: ["gatehouse-local-idp-cookie-key"] },
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      revocation: { enabled: true },
    },
    ttl: {
      AccessToken: options.accessTokenTtl ?? 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 24 * 3600,
      Grant: 24 * 3600,
      Interaction: 600,
      Session: 24 * 3600,
    },
    rotateRefreshToken: true,
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    async loadExistingGrant(ctx) {
      // Grant whatever was asked: no consent screen in development.
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope("openid email profile offline_access");
      grant.addOIDCClaims(["sub", "email", "email_verified", ...profileClaims]);
      await grant.save();
      return grant;
    },
    async findAccount(_ctx, id) {
      const login = String(id);
      return {
        accountId: login,
        claims: () => ({
          sub: login,
          email: login.includes("@") ? login : `${login}@local.test`,
          email_verified: typeof verified === "function" ? verified(login) : verified,
          name: login.split("@")[0],
          ...extra,
        }),
      };
    },
  });
  if (options.onEvent) {
    for (const event of ["grant.success", "grant.error", "refresh_token.consumed", "server_error"]) {
      provider.on(event, (_ctx, detail) => options.onEvent?.(event, detail));
    }
  }
  const server = await new Promise((resolve) => {
    const listening = provider.listen(port, "127.0.0.1", () => resolve(listening));
  });
  return {
    issuer,
    provider,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
