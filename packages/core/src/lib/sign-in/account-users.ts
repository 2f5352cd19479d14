/**
 * Users and accounts in the database: next-auth's linking rules, in one place for OAuth and
 * email (and used whatever the session strategy). A user is keyed by provider + provider
 * account id. Signed out, an unknown account whose email belongs to an existing user is refused
 * (`OAuthAccountNotLinked`) unless the provider allows dangerous email linking; signed in, a new
 * account joins the current user.
 */
import type { AdapterAccount, AdapterUser } from "../../adapter.js";
import { AuthError } from "../../errors.js";
import type { Account, User } from "../../types.js";
import { withAdapter } from "../adapter-call.js";
import { emitEvent } from "../callbacks.js";
import type { RequestState } from "../http/request-state.js";

/** Which user an account signs in as. */
export type AccountOutcome = { user: User; isNewUser: boolean } | { error: "OAuthAccountNotLinked" };

function toAdapterAccount(account: Account, userId: string): AdapterAccount {
  return { ...account, userId, type: account.type };
}

/** Creates a user with its first account, atomically when the adapter can. */
export async function createUserWithAccount(
  state: RequestState,
  user: Omit<AdapterUser, "id"> & { id?: string },
  account: Account,
): Promise<AdapterUser> {
  const created = await withAdapter(state.runtime, "createUserWithAccount", async (adapter) => {
    if (typeof adapter.createUserWithAccount === "function") return adapter.createUserWithAccount(user, { ...account });
    // A next-auth adapter: create, link, and undo the user if linking fails.
    const fresh = await adapter.createUser(user);
    try {
      await adapter.linkAccount(toAdapterAccount(account, fresh.id));
    } catch (error) {
      await Promise.resolve(adapter.deleteUser(fresh.id)).catch(() => undefined);
      throw error;
    }
    return fresh;
  });
  await emitEvent(state.runtime, "createUser", { user: created });
  await emitEvent(state.runtime, "linkAccount", { user: created, account });
  return created;
}

/** next-auth's linking rules against the database. */
export async function resolveAccountWithAdapter(
  state: RequestState,
  profileUser: User,
  account: Account,
  allowEmailLinking: boolean,
  emailVerified: Date | null = null,
): Promise<AccountOutcome> {
  const { runtime } = state;
  const linked = await withAdapter(runtime, "getUserByAccount", (adapter) => adapter.getUserByAccount(account));
  const current = (await state.runtime.strategy.currentUser(state))?.id ?? null;

  if (current !== null) {
    if (linked !== null)
      return linked.id === current ? { user: linked, isNewUser: false } : { error: "OAuthAccountNotLinked" };
    await withAdapter(runtime, "linkAccount", (adapter) => adapter.linkAccount(toAdapterAccount(account, current)));
    const user = await withAdapter(runtime, "getUser", (adapter) => adapter.getUser(current));
    if (user === null) return { error: "OAuthAccountNotLinked" };
    await emitEvent(runtime, "linkAccount", { user: user, account });
    return { user: user, isNewUser: false };
  }
  if (linked !== null) return { user: linked, isNewUser: false };

  const email =
    typeof profileUser.email === "string" && profileUser.email !== "" ? profileUser.email.toLowerCase() : null;
  if (email !== null) {
    const existing = await withAdapter(runtime, "getUserByEmail", (adapter) => adapter.getUserByEmail(email));
    if (existing !== null) {
      if (!allowEmailLinking) return { error: "OAuthAccountNotLinked" };
      await withAdapter(runtime, "linkAccount", (adapter) =>
        adapter.linkAccount(toAdapterAccount(account, existing.id)),
      );
      await emitEvent(runtime, "linkAccount", { user: existing, account });
      return { user: existing, isNewUser: false };
    }
  }
  const { id: _providerId, ...fields } = profileUser;
  const created = await createUserWithAccount(
    state,
    { ...fields, email, emailVerified, name: profileUser.name ?? null, image: profileUser.image ?? null },
    account,
  );
  return { user: created, isNewUser: true };
}

/**
 * Credentials users with database sessions: the session row needs a user row. The app's user
 * id is kept; a user the database has not seen yet is created with it.
 */
export async function ensureCredentialsUser(
  state: RequestState,
  user: User,
): Promise<{ user: User } | { takenBy: string }> {
  // Without an id every such user would be the same row (""): refuse rather than mix people up.
  if (user.id === "") {
    throw new AuthError(
      "CallbackError",
      "`authorize` returned a user without an `id`. Database sessions keep credentials users by id: return your user's stable id (e.g. its primary key).",
    );
  }
  const existing = await withAdapter(state.runtime, "getUser", (adapter) => adapter.getUser(user.id));
  if (existing !== null) return { user: { ...existing, ...user } };
  // Another stored user (from OAuth or an email link) has this address. Linking by email would
  // hand that account to whoever the app's own user table says owns the address — which, with
  // unverified sign-ups, could be anyone. Refuse, and say how to sign them in as that user.
  const email = typeof user.email === "string" ? user.email.toLowerCase() : null;
  if (email !== null) {
    const owner = await withAdapter(state.runtime, "getUserByEmail", (adapter) => adapter.getUserByEmail(email));
    if (owner !== null) return { takenBy: owner.id };
  }
  const created = await withAdapter(state.runtime, "createUser", (adapter) =>
    adapter.createUser({
      ...user,
      email: typeof user.email === "string" ? user.email.toLowerCase() : null,
      emailVerified: null,
    }),
  );
  await emitEvent(state.runtime, "createUser", { user: created });
  return { user: { ...created, ...user, id: created.id } };
}
