import { ConfigError } from "../errors.js";
import { FEATURES } from "../features/index.js";
import type { ProviderResolver } from "../features/feature.js";
import { deepMerge } from "../lib/deep-merge.js";
import { isPlainObject } from "../lib/encoding.js";
import type { ProviderInput, ProviderType, ResolvedProvider } from "../provider-types.js";

const PROVIDER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Each provider type's validator, from the feature that owns the type. */
const RESOLVERS: ReadonlyMap<string, ProviderResolver> = new Map(
  FEATURES.flatMap((feature) =>
    Object.entries(feature.flows ?? {}).map(([type, flow]) => [type, flow.resolve as ProviderResolver] as const),
  ),
);

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
  const resolve = typeof type === "string" ? RESOLVERS.get(type) : undefined;
  if (resolve === undefined) {
    throw new ConfigError(
      "UnknownProviderType",
      `Provider "${id}" has \`type: ${JSON.stringify(type)}\`; use one of ${[...RESOLVERS.keys()]
        .map((known) => JSON.stringify(known))
        .join(", ")
        .replace(/, (?=[^,]*$)/, " or ")}.`,
    );
  }
  const name = typeof merged.name === "string" && merged.name.length > 0 ? merged.name : id;
  return resolve({ id, name, type: type as ProviderType, options: merged, production });
}
