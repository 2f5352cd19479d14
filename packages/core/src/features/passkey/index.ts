/**
 * Passkeys (WebAuthn; providers of type "webauthn", `Passkey()`): sign-in with discoverable
 * credentials and the browser's passkey autofill, passkeys added, named and removed by signed-in
 * users, and sign-up with a passkey alone when `allowSignUp` is on. Routes under
 * `{basePath}/passkey/…`; `auth.api.passkey.*` on the server; `registerPasskey`, `listPasskeys`,
 * `renamePasskey`, `deletePasskey` and `signIn("passkey")` in React. Needs users and passkeys in
 * the database, and the site's URL for the relying party.
 */
import { ConfigError } from "../../errors.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { defineFeature } from "../feature.js";
import { PASSKEY_ERRORS } from "./errors.js";
import { passkeyFlow } from "./flow.js";
import { deleteUserPasskey, listUserPasskeys, renameUserPasskey } from "./manage-passkeys.js";
import { relyingParty } from "./relying-party.js";
import { passkeyRoute } from "./route.js";

export type { PasskeyInfo } from "./passkey-records.js";

export const passkeyFeature = defineFeature({
  name: "passkey",
  enabled: (config) => config.providers.some((provider) => provider.type === "webauthn"),
  check(config) {
    const providers = config.providers.filter((provider) => provider.type === "webauthn");
    if (providers.length > 1) {
      throw new ConfigError("InvalidProvider", "Configure one passkey provider (`Passkey()`); its routes are shared.");
    }
    for (const provider of providers) relyingParty(config, provider);
  },
  routes: { passkey: passkeyRoute },
  flows: { webauthn: passkeyFlow },
  adapterNeeds: () => [
    { group: "users", why: "passkeys" },
    { group: "passkeys", why: "passkeys" },
  ],
  errors: PASSKEY_ERRORS,
  api: {
    /** The signed-in user's passkeys, oldest first; `null` when signed out. */
    list: async (state: RequestState) => ({ value: await listUserPasskeys(state) }),
    /** Renames a passkey of the signed-in user; the passkey, or `null` when it is not theirs. */
    async rename(state: RequestState, id: string, name: string) {
      const result = await renameUserPasskey(state, id, name);
      return { value: typeof result === "string" ? null : result };
    },
    /** Deletes a passkey of the signed-in user; `true` when it was deleted. */
    delete: async (state: RequestState, id: string) => ({ value: (await deleteUserPasskey(state, id)) === "deleted" }),
  },
});
