/**
 * Account management: unlink a provider account from the signed-in user (`accounts` route;
 * `NextAuth(…).accounts.unlink()` on the server; `unlinkAccount()` in React). On whenever a
 * database is configured.
 */
import type { RequestState } from "../../lib/http/request-state.js";
import { defineFeature } from "../feature.js";
import { accountsRoute } from "./route.js";
import { unlinkAccount, type AccountRef } from "./unlink-account.js";

export const accountsFeature = defineFeature({
  name: "accounts",
  enabled: (config) => config.hasAdapter,
  routes: { accounts: accountsRoute },
  errors: { UnknownAccount: {} },
  api: {
    /** Unlinks a provider account of the signed-in user; `true` when it was unlinked. */
    unlink: async (state: RequestState, account: AccountRef) => ({
      value: (await unlinkAccount(state, account)) === "unlinked",
    }),
  },
});
