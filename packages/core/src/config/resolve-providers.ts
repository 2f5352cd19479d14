import { ConfigError } from "../errors.js";
import { FEATURES } from "../features/index.js";
import type { ProviderFlow } from "../features/feature.js";
import { deepMerge } from "../lib/deep-merge.js";
import { isPlainObject } from "../lib/encoding.js";
import type { ProviderInput, ProviderType, ResolvedProvider } from "../provider-types.js";

const PROVIDER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Each provider type's flow (its option merge and validator), from the feature that owns the type. */
const FLOWS: ReadonlyMap<string, ProviderFlow> = new Map(
  FEATURES.flatMap((feature) =>
    Object.entries(feature.flows ?? {}).map(([type, flow]) => [type, flow as ProviderFlow] as const),
  ),
);

/** The providers of a configuration. */
export interface ResolvedProviders {
  /** The providers that work, in the order given. */
  providers: ResolvedProvider[];
  /**
   * Providers turned off by a mistake in their own options (a missing `clientId`, an unknown
   * `type`, …), by id, with the error that says what to change. They are listed nowhere; their
   * `signin/:id` and `callback/:id` answer a Configuration error; the rest of auth works.
   */
  broken: Map<string, ConfigError>;
}

/**
 * Validates `providers`: each must be an object (or a factory returning one) with a URL-safe
 * `id`, a known `type`, and what that type needs. next-auth v4 provider objects keep the user's
 * options under `options`; those are merged over the defaults here, once.
 *
 * As in next-auth, one provider's bad options turn off that provider only (see
 * {@link ResolvedProviders.broken}). What makes the whole list unusable stays fatal: `providers`
 * not an array, an entry that is not a provider object or has no usable `id`, two providers
 * with one id.
 * @throws {ConfigError} for those.
 */
export function resolveProviders(inputs: unknown, production = true): ResolvedProviders {
  if (!Array.isArray(inputs)) {
    throw new ConfigError("InvalidProvider", "`providers` must be an array, e.g. `providers: [Credentials({ … })]`.");
  }
  const seen = new Set<string>();
  const providers: ResolvedProvider[] = [];
  const broken = new Map<string, ConfigError>();
  inputs.forEach((input: unknown, index) => {
    const outcome = resolveOne(input, index, production);
    const id = "error" in outcome ? outcome.id : outcome.provider.id;
    if (seen.has(id)) {
      throw new ConfigError(
        "DuplicateProviderId",
        `Two providers have the id "${id}". Give one of them a different \`id\` option in \`providers\`.`,
      );
    }
    seen.add(id);
    if ("error" in outcome) broken.set(id, outcome.error);
    else providers.push(outcome.provider);
  });
  return { providers, broken };
}

function resolveOne(
  input: unknown,
  index: number,
  production: boolean,
): { provider: ResolvedProvider } | { id: string; error: ConfigError } {
  const value: unknown = typeof input === "function" ? (input as () => ProviderInput)() : input;
  if (!isPlainObject(value)) {
    throw new ConfigError("InvalidProvider", `\`providers[${index}]\` is not a provider object.`);
  }
  const { options: rawOptions, ...defaults } = value;
  const options = isPlainObject(rawOptions) ? rawOptions : {};
  const declaredType = options.type ?? defaults.type;
  const flow = typeof declaredType === "string" ? FLOWS.get(declaredType) : undefined;
  const merged = (flow?.merge ?? deepMerge)(defaults, options);
  const { id, type } = merged;
  if (typeof id !== "string" || !PROVIDER_ID.test(id)) {
    throw new ConfigError(
      "InvalidProvider",
      `\`providers[${index}].id\` must be 1–64 letters, digits, "-" or "_" (it appears in URLs); got ${JSON.stringify(id)}.`,
    );
  }
  if (flow === undefined) {
    return {
      id,
      error: new ConfigError(
        "UnknownProviderType",
        `Provider "${id}" has \`type: ${JSON.stringify(type)}\`; use one of ${[...FLOWS.keys()]
          .map((known) => JSON.stringify(known))
          .join(", ")
          .replace(/, (?=[^,]*$)/, " or ")}.`,
      ),
    };
  }
  const name = typeof merged.name === "string" && merged.name.length > 0 ? merged.name : id;
  try {
    return { provider: flow.resolve({ id, name, type: type as ProviderType, options: merged, production }) };
  } catch (error) {
    if (error instanceof ConfigError) return { id, error };
    throw error;
  }
}
