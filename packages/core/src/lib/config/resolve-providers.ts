import { ConfigError } from "../../errors.js";
import type { CredentialInput, ProviderInput } from "../../types.js";
import { isPlainObject } from "../encoding.js";
import { resolveEmailProvider } from "../email/resolve-email-provider.js";
import { deepMerge, resolveOAuthProvider } from "../oauth/resolve-oauth-provider.js";
import type { ResolvedCredentialsProvider, ResolvedProvider } from "./resolved-config.js";

const PROVIDER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const KNOWN_TYPES = new Set(["oauth", "oidc", "email", "credentials"]);

/**
 * Validates `providers`: each must be an object (or a factory returning one) with a URL-safe
 * `id`, a known `type`, and what that type needs. next-auth v4 provider objects keep the user's
 * options under `options`; those are merged over the defaults here, once.
 */
export function resolveProviders(inputs: unknown, production = true): ResolvedProvider[] {
  if (!Array.isArray(inputs)) {
    throw new ConfigError("InvalidProvider", "`providers` must be an array, e.g. `providers: [Credentials({ … })]`.");
  }
  const seen = new Set<string>();
  return inputs.map((input: unknown, index) => {
    const provider = resolveOne(input, index, production);
    if (seen.has(provider.id)) {
      throw new ConfigError(
        "DuplicateProviderId",
        `Two providers have the id "${provider.id}". Give one of them a different \`id\` option in \`providers\`.`,
      );
    }
    seen.add(provider.id);
    return provider;
  });
}

function resolveOne(input: unknown, index: number, production: boolean): ResolvedProvider {
  const value: unknown = typeof input === "function" ? (input as () => ProviderInput)() : input;
  if (!isPlainObject(value)) {
    throw new ConfigError("InvalidProvider", `\`providers[${index}]\` is not a provider object.`);
  }
  const { options: rawOptions, ...defaults } = value;
  const merged = deepMerge(defaults, isPlainObject(rawOptions) ? rawOptions : {});
  const { id, type } = merged;
  if (typeof id !== "string" || !PROVIDER_ID.test(id)) {
    throw new ConfigError(
      "InvalidProvider",
      `\`providers[${index}].id\` must be 1–64 letters, digits, "-" or "_" (it appears in URLs); got ${JSON.stringify(id)}.`,
    );
  }
  if (typeof type !== "string" || !KNOWN_TYPES.has(type)) {
    throw new ConfigError(
      "UnknownProviderType",
      `Provider "${id}" has \`type: ${JSON.stringify(type)}\`; use one of "oauth", "oidc", "email" or "credentials".`,
    );
  }
  const name = typeof merged.name === "string" && merged.name.length > 0 ? merged.name : id;
  if (type === "credentials") return resolveCredentials(id, name, merged);
  if (type === "oauth" || type === "oidc") return resolveOAuthProvider(id, name, merged);
  if (type === "email") return resolveEmailProvider(id, name, merged, production);
  throw new ConfigError(
    "InvalidProvider",
    `Provider "${id}" is of type "${type}", which this version of Gatehouse does not support yet; remove it from \`providers\`.`,
  );
}

function resolveCredentials(id: string, name: string, options: Record<string, unknown>): ResolvedCredentialsProvider {
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
