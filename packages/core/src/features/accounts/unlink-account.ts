/**
 * Unlinking a provider account from the signed-in user (an account page's "Disconnect GitHub"):
 * only an account of the caller's own user, by provider and provider account id.
 */
import { ConfigError } from "../../errors.js";
import { withAdapter } from "../../lib/adapter-call.js";
import { emitEvent } from "../../lib/callbacks.js";
import type { RequestState } from "../../lib/http/request-state.js";

/** Which account to unlink. */
export interface AccountRef {
  provider: string;
  providerAccountId: string;
}

/** What an unlink did. */
export type UnlinkResult = "unlinked" | "signed-out" | "unknown";

/**
 * Unlinks `account` from the signed-in user.
 * @returns `"unlinked"`; `"signed-out"` without a session; `"unknown"` when the account is not
 *   the caller's (or does not exist) — the two are not told apart.
 * @throws {ConfigError} when the adapter cannot unlink accounts.
 */
export async function unlinkAccount(state: RequestState, account: AccountRef): Promise<UnlinkResult> {
  const { runtime } = state;
  if (typeof runtime.adapter?.unlinkAccount !== "function") {
    throw new ConfigError(
      "InvalidOption",
      "Unlinking accounts needs an adapter with unlinkAccount (every first-party adapter has it).",
    );
  }
  const current = await runtime.strategy.currentUser(state);
  if (current === null) return "signed-out";
  const owner = await withAdapter(runtime, "getUserByAccount", (adapter) => adapter.getUserByAccount(account));
  if (owner === null || owner.id !== current.id) return "unknown";
  await withAdapter(runtime, "unlinkAccount", (adapter) => adapter.unlinkAccount(account));
  await emitEvent(runtime, "updateUser", { user: owner });
  return "unlinked";
}
