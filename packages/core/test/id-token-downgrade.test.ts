// Regression tests for the ID token of providers that next-auth v4 types as `"oauth"` but that
// are OpenID Connect (`idToken: true`: Google, Apple, Auth0, Okta, Keycloak, Azure AD, …). Their
// `GET /providers` type is v4's "oauth" now; the callback must still treat them as OIDC, or an
// attacker who can shape the token response (a hostile or compromised IdP proxy, a mix-up) could
// drop the ID token and have the profile taken from an unverified userinfo answer instead.
import { readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Provider } from "../src/index.js";
import { makeAuth } from "./helpers.js";
import { CLIENT, signInWith, type SignInCase } from "./provider-signin.js";

const here = dirname(fileURLToPath(import.meta.url));
type Factory = (options: Record<string, unknown>) => Provider & { idToken?: boolean; type?: string };

/** Every built-in provider module whose definition takes the profile from the ID token. */
const modules = await Promise.all(
  readdirSync(join(here, "../src/providers"))
    .filter((file) => file.endsWith(".ts"))
    .map(async (file) => {
      const factory = ((await import(`../src/providers/${file}`)) as { default?: Factory }).default;
      return { module: basename(file, ".ts"), factory };
    }),
);
const OPTIONS = { ...CLIENT, issuer: "https://idp.example.com", tenantId: "contoso", primaryUserFlow: "B2C_1_signin" };
const OPENID = modules.filter(({ factory }) => {
  const provider = factory?.(OPTIONS);
  return provider?.type === "oauth" && provider.idToken === true;
});

/** A sign-in case for one of them, its discovery document where the provider looks for it. */
function caseFor(
  module: string,
  factory: Factory,
  oidc: Partial<NonNullable<SignInCase["oidc"]>>,
  options: Record<string, unknown> = {},
): SignInCase {
  const provider = factory({ ...OPTIONS, ...options });
  const resolved = makeAuth({ providers: [provider] }).config.providers[0] as {
    id: string;
    issuer?: string;
    wellKnown?: string;
  };
  const issuer = resolved.issuer ?? "https://idp.example.com";
  const discovery = resolved.wellKnown ?? `${issuer}/.well-known/openid-configuration`;
  return {
    name: module,
    provider,
    authorize: `${issuer}/authorize`,
    oidc: { discovery, issuer, claims: { sub: "victim", email: "victim@example.com" }, ...oidc },
    // What an attacker's userinfo would say, if it were ever asked.
    api: { [`${issuer}/userinfo`]: { sub: "attacker", email: "attacker@example.com", name: "Attacker" } },
    expected: { id: `${resolved.id}:victim` },
  };
}

describe("ID tokens of providers next-auth v4 types as oauth", () => {
  it("finds them (Google, Apple, Auth0, Okta, Keycloak, Azure AD, … )", () => {
    const found = OPENID.map(({ module }) => module);
    for (const module of [
      "google",
      "apple",
      "auth0",
      "okta",
      "keycloak",
      "cognito",
      "azure-ad",
      "azure-ad-b2c",
      "line",
    ]) {
      expect(found, module).toContain(module);
    }
  });

  it.each(OPENID)(
    "$module: a token response stripped of its ID token is refused, not answered from userinfo",
    async ({ module, factory }) => {
      const result = await signInWith(caseFor(module, factory as Factory, { idToken: false }));
      expect(result.location).toMatch(/\/api\/auth\/signin\?error=OAuthCallback$/);
      expect(result.user).toBeUndefined();
      expect(result.api).toEqual([]);
    },
  );

  // next-auth v4's own defaults for several of them (Google, Auth0, Keycloak, …) are
  // `checks: ["pkce", "state"]`, and apps copy them: without a nonce, only requiring the ID token
  // stops the downgrade.
  it.each(OPENID)(
    "$module with v4's checks [pkce, state]: a token response stripped of its ID token is refused",
    async ({ module, factory }) => {
      const result = await signInWith(
        caseFor(module, factory as Factory, { idToken: false }, { checks: ["pkce", "state"] }),
      );
      expect(result.location).toMatch(/\/api\/auth\/signin\?error=OAuthCallback$/);
      expect(result.user).toBeUndefined();
      expect(result.api).toEqual([]);
    },
  );

  it.each(OPENID)(
    "$module: an ID token that cannot be verified (no jwks_uri) is refused, not replaced by userinfo",
    async ({ module, factory }) => {
      const result = await signInWith(caseFor(module, factory as Factory, { jwks: false }));
      expect(result.location).toMatch(/\/api\/auth\/signin\?error=OAuthCallback$/);
      expect(result.user).toBeUndefined();
      expect(result.api).toEqual([]);
    },
  );

  it.each(OPENID)(
    "$module: an ID token replayed from another sign-in (another nonce) is refused",
    async ({ module, factory }) => {
      const result = await signInWith(caseFor(module, factory as Factory, { nonce: "nonce-of-another-sign-in" }));
      expect(result.location).toMatch(/\/api\/auth\/signin\?error=OAuthCallback$/);
      expect(result.user).toBeUndefined();
    },
  );

  it.each(OPENID)("$module: the genuine ID token signs in, with its own claims", async ({ module, factory }) => {
    const test = caseFor(module, factory as Factory, {});
    const result = await signInWith(test);
    expect(result.location).toBe("http://localhost:3000/done");
    expect(result.user?.id).toBe(test.expected.id);
    expect(result.api).toEqual([]);
  });
});
