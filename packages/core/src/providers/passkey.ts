/**
 * Sign-in with a passkey (WebAuthn): discoverable credentials, the browser's passkey autofill on
 * the built-in sign-in page, and passkeys that signed-in users add, name and remove. Needs a
 * database (`adapter` or `database`) and the site's URL (`url`, NEXTAUTH_URL / AUTH_URL), which
 * the relying party id and origin come from.
 *
 * @example
 * ```ts
 * Passkey({ allowSignUp: true })
 * ```
 */
import type { PasskeyConfig, PasskeyProvider } from "../provider-types.js";

export type { PasskeyConfig, PasskeyProvider, UserVerificationRequirement } from "../provider-types.js";

/**
 * Passkeys (WebAuthn) as a sign-in method.
 *
 * @param options - `allowSignUp` (new accounts with a passkey alone), `userVerification`
 *   (default `"preferred"`), the relying party's name and id; any other option overrides the
 *   defaults.
 * @returns The provider, for `providers` (passkeys need a database adapter).
 * @example
 * ```ts
 * import Passkey from "gatehouse/providers/passkey";
 * Passkey({ allowSignUp: true, userVerification: "required" });
 * ```
 */
export default function Passkey(options: PasskeyConfig = {}): PasskeyProvider {
  return { id: "passkey", name: "Passkey", type: "webauthn", ...options };
}
