/**
 * Every feature's server-side operations, on `NextAuth(options)`'s result — `sessions.list()`,
 * `sessions.revoke(target)`, `accounts.unlink(account)`, … — for server components, server
 * actions and route handlers: each runs with the current request and writes its cookies through
 * `cookies()`. Bound from core's list, so a new feature's operations appear here by themselves.
 */
import { API_METHODS, type ApiOutcome, type FeatureApis } from "@gatehouse/core";
import type { AuthOptions } from "../types.js";
import { instanceFor } from "./instance.js";
import { requestFromNext, writeNextCookies } from "./next-request.js";

/** One feature's operations, on the current request. */
export type NextBoundApi<A> = {
  [M in keyof A]: A[M] extends (state: never, ...args: infer P) => Promise<ApiOutcome<infer R>>
    ? (...args: P) => Promise<R>
    : never;
};

/** Every feature's operations, by feature name. */
export type NextFeatureApis = { [F in keyof FeatureApis]: NextBoundApi<FeatureApis[F]> };

/** Binds every feature's operations to `options` (the instance is created on first call). */
export function bindFeatureApis(options: AuthOptions): NextFeatureApis {
  const out: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const [feature, methods] of Object.entries(API_METHODS)) {
    out[feature] = Object.fromEntries(
      methods.map((method) => [
        method,
        async (...args: unknown[]) => {
          const api = instanceFor(options).api as unknown as Record<
            string,
            Record<string, (request: Request, ...rest: unknown[]) => Promise<ApiOutcome<unknown>>>
          >;
          const call = api[feature]?.[method];
          if (call === undefined) throw new TypeError(`No server operation ${feature}.${method}.`);
          const outcome = await call(await requestFromNext(), ...args);
          await writeNextCookies(outcome.cookies ?? []);
          return outcome.value;
        },
      ]),
    );
  }
  return out as unknown as NextFeatureApis;
}
