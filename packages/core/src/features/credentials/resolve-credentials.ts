/** Validates a credentials provider once, at configuration. */
import { ConfigError } from "../../errors.js";
import { isPlainObject } from "../../lib/encoding.js";
import type { CredentialInput, ResolvedCredentialsProvider } from "../../provider-types.js";

/**
 * The provider with its form fields checked and the field that names the account (for rate
 * limiting) settled.
 * @throws {ConfigError} `MissingAuthorize` without `authorize`; `InvalidProvider` for bad fields.
 */
export function resolveCredentials(
  id: string,
  name: string,
  options: Record<string, unknown>,
): ResolvedCredentialsProvider {
  if (typeof options.authorize !== "function") {
    throw new ConfigError(
      "MissingAuthorize",
      `Credentials provider "${id}" has no \`authorize\` function. Add \`authorize: async (credentials, request) => user | null\`.`,
    );
  }
  const fields = options.credentials ?? {};
  if (!isPlainObject(fields) || !Object.values(fields).every(isPlainObject)) {
    throw new ConfigError(
      "InvalidProvider",
      `Credentials provider "${id}": \`credentials\` must map field names to inputs, e.g. \`{ email: { label: "Email", type: "email" } }\`.`,
    );
  }
  const credentials = fields as Record<string, CredentialInput>;
  const declared = typeof options.identifierField === "string" ? options.identifierField : undefined;
  const identifierField =
    declared ?? Object.keys(credentials).find((field) => (credentials[field]?.type ?? "text") !== "password");
  return Object.freeze({
    id,
    name,
    type: "credentials" as const,
    credentials: Object.freeze({ ...credentials }),
    authorize: options.authorize as ResolvedCredentialsProvider["authorize"],
    identifierField,
  });
}
