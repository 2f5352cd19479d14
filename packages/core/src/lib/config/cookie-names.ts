/**
 * The cookies Gatehouse sets. Names follow next-auth's family (`next-auth.session-token`, …) so
 * existing client code and cookies keep working; over HTTPS they get the `__Secure-` prefix, and
 * the CSRF cookie `__Host-` (RFC 6265bis §4.1.3), which also pins it to this host and path `/`.
 */
import type { CookieOption, CookiesOptions } from "../../types.js";
import { DEFAULTS } from "./defaults.js";

/** Builds the cookie set for one scheme. User overrides replace whole entries, as in next-auth. */
export function cookieOptions(prefix: string, secure: boolean, overrides: Partial<CookiesOptions>): CookiesOptions {
  const p = secure ? "__Secure-" : "";
  const base = { httpOnly: true, sameSite: "lax", path: "/", secure } as const;
  const checks = { ...base, maxAge: DEFAULTS.oauth.checkMaxAge };
  const defaults: CookiesOptions = {
    sessionToken: { name: `${p}${prefix}.session-token`, options: { ...base } },
    callbackUrl: { name: `${p}${prefix}.callback-url`, options: { ...base } },
    csrfToken: { name: `${secure ? "__Host-" : ""}${prefix}.csrf-token`, options: { ...base } },
    pkceCodeVerifier: { name: `${p}${prefix}.pkce.code_verifier`, options: { ...checks } },
    state: { name: `${p}${prefix}.state`, options: { ...checks } },
    nonce: { name: `${p}${prefix}.nonce`, options: { ...checks } },
    webauthnChallenge: {
      name: `${p}${prefix}.challenge`,
      options: { ...base, maxAge: DEFAULTS.passkey.challengeMaxAge },
    },
    // Its Max-Age is set per link, from the email provider's `maxAge`.
    emailLink: { name: `${p}${prefix}.email-link`, options: { ...base } },
  };
  const merged = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof CookiesOptions)[]) {
    const override: CookieOption | undefined = overrides[key];
    if (override !== undefined) merged[key] = { name: override.name, options: { ...override.options } };
  }
  return merged;
}
