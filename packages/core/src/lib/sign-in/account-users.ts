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

/**
 * Which user an account signs in as, worked out without writing anything: `persist` makes it so
 * (creates the user, links the account) and runs only once the `signIn` callback has agreed, so
 * a refused sign-in leaves the database as it was (next-auth v4's order).
 */
export type AccountPlan =
  { user: User; isNewUser: boolean; persist: () => Promise<User> } | { error: "OAuthAccountNotLinked" };

/** What the provider says of the profile's email: `email_verified` true, false, or nothing. */
export type EmailVouch = boolean | undefined;

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

/** Links `account` to the stored `user` (a write: only from a plan's `persist`). */
async function linkTo(state: RequestState, user: AdapterUser, account: Account): Promise<User> {
  await withAdapter(state.runtime, "linkAccount", (adapter) => adapter.linkAccount(toAdapterAccount(account, user.id)));
  await emitEvent(state.runtime, "linkAccount", { user, account });
  return user;
}

/**
 * next-auth's linking rules against the database, as a plan. An address the provider does not
 * vouch for is stored unverified (`emailVerified: null`), which keeps email sign-in from
 * merging into that user (see the email callback); one it says is unverified never links to
 * an existing user, even with `allowDangerousEmailAccountLinking`.
 */
export async function planAccountWithAdapter(
  state: RequestState,
  profileUser: User,
  account: Account,
  allowEmailLinking: boolean,
  emailVouched: EmailVouch,
): Promise<AccountPlan> {
  const { runtime } = state;
  const linked = await withAdapter(runtime, "getUserByAccount", (adapter) => adapter.getUserByAccount(account));
  const current = (await state.runtime.strategy.currentUser(state))?.id ?? null;

  if (current !== null) {
    if (linked !== null)
      return linked.id === current
        ? { user: linked, isNewUser: false, persist: () => Promise.resolve(linked) }
        : { error: "OAuthAccountNotLinked" };
    const user = await withAdapter(runtime, "getUser", (adapter) => adapter.getUser(current));
    if (user === null) return { error: "OAuthAccountNotLinked" };
    return { user, isNewUser: false, persist: () => linkTo(state, user, account) };
  }
  if (linked !== null) return { user: linked, isNewUser: false, persist: () => Promise.resolve(linked) };

  const email =
    typeof profileUser.email === "string" && profileUser.email !== "" ? profileUser.email.toLowerCase() : null;
  if (email !== null) {
    const existing = await withAdapter(runtime, "getUserByEmail", (adapter) => adapter.getUserByEmail(email));
    if (existing !== null) {
      // Pre-hijacking the other way round: an address the provider itself says is unverified
      // proves nothing about who owns the stored user.
      if (!allowEmailLinking || emailVouched === false) return { error: "OAuthAccountNotLinked" };
      return { user: existing, isNewUser: false, persist: () => linkTo(state, existing, account) };
    }
  }
  const { id: _providerId, ...fields } = profileUser;
  const emailVerified = email !== null && emailVouched === true ? new Date(state.nowMs) : null;
  const fresh = { ...fields, email, emailVerified, name: profileUser.name ?? null, image: profileUser.image ?? null };
  return {
    // What the `signIn` callback sees of a user not stored yet: the profile's, with its id.
    user: { ...fresh, id: profileUser.id },
    isNewUser: true,
    persist: () => createUserWithAccount(state, fresh, account),
  };
}

/**
 * Credentials users with database sessions: the session row needs a user row. The app's user
 * id is kept; a user the database has not seen yet is created with it.
 */
export async function planCredentialsUser(
  state: RequestState,
  user: User,
): Promise<{ user: User; persist: () => Promise<User> } | { takenBy: string }> {
  // Without an id every such user would be the same row (""): refuse rather than mix people up.
  if (user.id === "") {
    throw new AuthError(
      "CallbackError",
      "`authorize` returned a user without an `id`. Database sessions keep credentials users by id: return your user's stable id (e.g. its primary key).",
    );
  }
  const existing = await withAdapter(state.runtime, "getUser", (adapter) => adapter.getUser(user.id));
  if (existing !== null) {
    const merged = { ...existing, ...user };
    return { user: merged, persist: () => Promise.resolve(merged) };
  }
  // Another stored user (from OAuth or an email link) has this address. Linking by email would
  // hand that account to whoever the app's own user table says owns the address — which, with
  // unverified sign-ups, could be anyone. Refuse, and say how to sign them in as that user.
  const email = typeof user.email === "string" ? user.email.toLowerCase() : null;
  if (email !== null) {
    const owner = await withAdapter(state.runtime, "getUserByEmail", (adapter) => adapter.getUserByEmail(email));
    if (owner !== null) return { takenBy: owner.id };
  }
  const persist = async (): Promise<User> => {
    const created = await withAdapter(state.runtime, "createUser", (adapter) =>
      adapter.createUser({ ...user, email, emailVerified: null }),
    );
    await emitEvent(state.runtime, "createUser", { user: created });
    return { ...created, ...user, id: created.id };
  };
  return { user, persist };
}
