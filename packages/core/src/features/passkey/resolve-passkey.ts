/** Validates a passkey provider once, at configuration. */
import { ConfigError } from "../../errors.js";
import { DEFAULTS } from "../../lib/config/defaults.js";
import type { ResolvedPasskeyProvider, UserVerificationRequirement } from "../../provider-types.js";

const REQUIREMENTS: ReadonlySet<string> = new Set(["required", "preferred", "discouraged"]);

/**
 * The provider with its options checked.
 * @throws {ConfigError} `InvalidProvider` for a bad `userVerification`, `allowSignUp` or name.
 */
export function resolvePasskey(id: string, name: string, options: Record<string, unknown>): ResolvedPasskeyProvider {
  const { userVerification = DEFAULTS.passkey.userVerification, allowSignUp = false } = options;
  if (typeof userVerification !== "string" || !REQUIREMENTS.has(userVerification)) {
    throw new ConfigError(
      "InvalidProvider",
      `Provider "${id}": \`userVerification\` must be "required", "preferred" or "discouraged"; got ${JSON.stringify(userVerification)}.`,
    );
  }
  if (typeof allowSignUp !== "boolean") {
    throw new ConfigError("InvalidProvider", `Provider "${id}": \`allowSignUp\` must be true or false.`);
  }
  const text = (option: string): string | undefined => {
    const value = options[option];
    if (value === undefined) return undefined;
    if (typeof value !== "string" || value.trim() === "" || value.length > 253) {
      throw new ConfigError("InvalidProvider", `Provider "${id}": \`${option}\` must be a non-empty string.`);
    }
    return value.trim();
  };
  const relyingPartyId = text("relyingPartyId")?.toLowerCase();
  if (
    relyingPartyId !== undefined &&
    !/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/.test(relyingPartyId)
  ) {
    throw new ConfigError(
      "InvalidProvider",
      `Provider "${id}": \`relyingPartyId\` must be a domain name, e.g. "example.com".`,
    );
  }
  return Object.freeze({
    id,
    name,
    type: "webauthn" as const,
    relyingPartyName: text("relyingPartyName"),
    relyingPartyId,
    allowSignUp,
    userVerification: userVerification as UserVerificationRequirement,
  });
}
