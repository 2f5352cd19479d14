/**
 * The React client's {@link ClientKit}: the auth routes at the provider's `basePath`, posts with
 * the CSRF token, and a session refresh (here and in the other tabs) when a feature says the
 * session changed. `bind` makes a feature's client function (kit first) a plain function.
 */
import type { ClientKit } from "@gatehouse/core/clients";
import { base, broadcast, post, refresh } from "./client-state.js";

const kit: ClientKit = {
  async get(path) {
    const res = await fetch(`${base}/${path}`);
    return { ok: res.ok, status: res.status, data: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  },
  async post(path, fields) {
    const { res, data } = await post(path, { ...fields });
    return { ok: res.ok, status: res.status, data };
  },
  url: (path) => `${base}/${path}`,
  async changed() {
    await refresh();
    broadcast();
  },
};

/** `fn` with the React client's kit as its first argument. */
export function bind<A extends unknown[], R>(fn: (kit: ClientKit, ...args: A) => R): (...args: A) => R {
  return (...args) => fn(kit, ...args);
}
