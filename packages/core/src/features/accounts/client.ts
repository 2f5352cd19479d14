/** Unlinking accounts from the browser (bound to the React client's routes by `gatehouse/react`). */
import type { ClientKit } from "../../lib/client-kit.js";
import type { AccountRef } from "./unlink-account.js";

/**
 * Unlinks a provider account from the signed-in user (`POST {basePath}/accounts`, CSRF-checked);
 * when it was unlinked, the session is read again here and in the other tabs.
 * @param account - The account: its provider id and the provider's id for the user.
 * @returns `true` when it was unlinked; `false` when signed out or the account is not theirs.
 * @example `await unlinkAccount({ provider: "github", providerAccountId: "12345" })`
 */
export async function unlinkAccount(kit: ClientKit, account: AccountRef): Promise<boolean> {
  const { data } = await kit.post("accounts", { action: "unlink", ...account });
  if (data.unlinked !== true) return false;
  await kit.changed();
  return true;
}
