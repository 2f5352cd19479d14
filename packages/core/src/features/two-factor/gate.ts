/**
 * The sign-in gate: after a first factor the configuration lists in `twoFactor.requireFor`, a
 * user with two-factor on gets no session. The browser gets the pending-sign-in cookie instead
 * and is sent to the second-factor page (`{ url, twoFactor: true }` for `json=true` callers);
 * the session is issued only when the code is right. A browser the user trusted skips it.
 */
import { ensureCsrf } from "../../lib/csrf.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { redirectOrJson } from "../../lib/http/respond.js";
import { firstFactorMethods } from "../../lib/session/authentication.js";
import type { GatedSignIn } from "../../lib/session/session-extension.js";
import { twoFactorRecord } from "./check-code.js";
import { writePending } from "./pending-sign-in.js";
import { isTrustedDevice } from "./trusted-device.js";

/** Whether this sign-in's first factor asks for the second. */
function required(state: RequestState, signIn: GatedSignIn): boolean {
  const requireFor = state.config.twoFactor?.requireFor;
  if (requireFor === undefined) return false;
  return requireFor.has(signIn.account.type) || requireFor.has(signIn.account.provider);
}

/** The `gateSignIn` session hook of the two-factor feature. */
export async function twoFactorGate(state: RequestState, signIn: GatedSignIn): Promise<Response | null> {
  if (!required(state, signIn) || typeof signIn.user.id !== "string" || signIn.user.id === "") return null;
  const record = await twoFactorRecord(state, signIn.user.id);
  if (record?.enabledAt === null || record === null) return null;
  if (await isTrustedDevice(state, record)) return null;
  const csrf = await ensureCsrf(state);
  const { landing, json, cookies, ...start } = signIn;
  const pending = await writePending(state, start, landing, firstFactorMethods(start.account), csrf.token);
  state.runtime.logger.debug("TWO_FACTOR_PENDING", { user: signIn.user.id, provider: signIn.account.provider });
  return redirectOrJson(json, `${state.authUrl}/two-factor`, [...cookies, ...csrf.cookies, ...pending], 200, {
    twoFactor: true,
  });
}
