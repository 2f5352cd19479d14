import { isRevokedIn } from "../lib/session/revocation.js";
import type { EphemeralStore, JWT } from "../types.js";

/** Instances remembered per secret, at most (the oldest is forgotten). */
const MAX_STORES_PER_SECRET = 8;
/** Secrets remembered, at most (the oldest is forgotten). */
const MAX_SECRETS = 32;

type Registry = Map<string, WeakRef<EphemeralStore>[]>;

const REGISTRY = Symbol.for("gatehouse.revocation-stores");

/**
 * The stores of the JWT-session auth instances of this JavaScript realm, by secret — the named
 * registry that lets `getToken` and the middleware, which decode the cookie without an auth
 * instance, see the sign-outs those instances recorded. It lives on the realm's global object
 * (under a `Symbol.for` key) rather than in this module, because Next.js bundles the proxy /
 * middleware and the route handlers separately, each with its own copy of this module, while they
 * run in one process. The Edge runtime is another realm: it sees only what was registered there.
 * Stores are held weakly, so a dropped instance is not kept alive.
 */
function registry(): Registry {
  const realm = globalThis as { [REGISTRY]?: Registry };
  let found = realm[REGISTRY];
  if (found === undefined) {
    found = new Map();
    Object.defineProperty(realm, REGISTRY, { value: found, enumerable: false });
  }
  return found;
}

function secretList(secret: string | readonly string[]): readonly string[] {
  return typeof secret === "string" ? [secret] : secret;
}

/**
 * Remembers `store` as where the instance using `secrets` records sign-outs (`createAuth` calls
 * this for JWT sessions).
 */
export function registerRevocationStore(secrets: readonly string[], store: EphemeralStore): void {
  const all = registry();
  for (const secret of secrets) {
    const refs = (all.get(secret) ?? []).filter((ref) => {
      const held = ref.deref();
      return held !== undefined && held !== store;
    });
    refs.push(new WeakRef(store));
    if (refs.length > MAX_STORES_PER_SECRET) refs.shift();
    all.delete(secret);
    all.set(secret, refs);
    if (all.size > MAX_SECRETS) all.delete(all.keys().next().value as string);
  }
}

/** The stores registered for any of `secret`, and `extra` (deduplicated). */
export function revocationStores(secret: string | readonly string[], extra?: EphemeralStore): EphemeralStore[] {
  const found = new Set<EphemeralStore>();
  const all = registry();
  for (const one of secretList(secret)) {
    for (const ref of all.get(one) ?? []) {
      const store = ref.deref();
      if (store !== undefined) found.add(store);
    }
  }
  if (extra !== undefined) found.add(extra);
  return [...found];
}

/**
 * Whether a decoded session token was signed out — its id revoked, or its user signed out
 * everywhere after it started — according to the auth instances of this process that use
 * `secret` and to `store`, if given (pass the app's shared store, e.g. `RedisStore`, where no auth
 * instance runs in this process, such as Edge middleware with a store that works there).
 *
 * @param token the decoded claims.
 * @param options.secret the secret (or secrets) the token was decoded with.
 * @param options.store another store to consult.
 * @returns `true` when any store says it was signed out.
 * @throws whatever a store throws (the caller treats that as no session).
 * @example
 * ```ts
 * const claims = await decode({ token, secret, salt })
 * if (claims && (await isSignedOut(claims, { secret }))) return null
 * ```
 */
export async function isSignedOut(
  token: JWT,
  options: { secret: string | readonly string[]; store?: EphemeralStore | undefined },
): Promise<boolean> {
  const stores = revocationStores(options.secret, options.store);
  if (stores.length === 0) return false;
  const answers = await Promise.all(stores.map((store) => isRevokedIn(store, token)));
  return answers.includes(true);
}
