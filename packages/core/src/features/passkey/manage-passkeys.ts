/** The signed-in user's passkeys: list, rename, delete — only their own, by credential id. */
import { withAdapter } from "../../lib/adapter-call.js";
import { emitEvent } from "../../lib/callbacks.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { passkeyInfo, userPasskeys, type PasskeyInfo } from "./passkey-records.js";

/** The signed-in user's passkeys, oldest first; `null` when signed out. */
export async function listUserPasskeys(state: RequestState): Promise<PasskeyInfo[] | null> {
  const current = await state.runtime.strategy.currentUser(state);
  if (current === null) return null;
  return (await userPasskeys(state, current.id)).map(passkeyInfo);
}

/** Renames a passkey of the signed-in user: the passkey, `"signed-out"`, or `"unknown"`. */
export async function renameUserPasskey(
  state: RequestState,
  id: string,
  name: string,
): Promise<PasskeyInfo | "signed-out" | "unknown"> {
  const current = await state.runtime.strategy.currentUser(state);
  if (current === null) return "signed-out";
  const renamed = await withAdapter(state.runtime, "renamePasskey", (adapter) =>
    adapter.renamePasskey({ id, userId: current.id, name }),
  );
  return renamed === null ? "unknown" : passkeyInfo(renamed);
}

/** Deletes a passkey of the signed-in user: `"deleted"`, `"signed-out"`, or `"unknown"`. */
export async function deleteUserPasskey(
  state: RequestState,
  id: string,
): Promise<"deleted" | "signed-out" | "unknown"> {
  const current = await state.runtime.strategy.currentUser(state);
  if (current === null) return "signed-out";
  const deleted = await withAdapter(state.runtime, "deletePasskey", (adapter) =>
    adapter.deletePasskey({ id, userId: current.id }),
  );
  if (!deleted) return "unknown";
  const user = await withAdapter(state.runtime, "getUser", (adapter) => adapter.getUser(current.id));
  if (user !== null) await emitEvent(state.runtime, "updateUser", { user });
  return "deleted";
}
