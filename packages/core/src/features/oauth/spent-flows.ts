/**
 * A sign-in flow is finished once. Its check cookies are cleared by the callback, but a browser
 * (or whoever copied its cookies and the callback URL) can send the same callback again, and an
 * IdP that lets an authorization code be redeemed twice would then sign in a second time. So the
 * callback records the flow as spent — by its state (or, without one, its PKCE verifier, nonce or
 * code) — in the runtime's store, until the check cookies would have expired anyway, and refuses
 * a flow it has seen. The store's `hit` counts atomically, so two copies of one callback racing
 * each other cannot both pass.
 */
import { base64urlEncode, sha256 } from "#crypto";
import { AuthError } from "../../errors.js";
import { utf8 } from "../../lib/encoding.js";
import type { RequestState } from "../../lib/http/request-state.js";
import type { ResolvedOAuthProvider } from "../../provider-types.js";
import { CHECK_MAX_AGE } from "./checks.js";

/**
 * Marks the flow identified by `value` as spent.
 * @throws {AuthError} `OAuthCallbackCheck` when it was spent before; `StoreError` when the store
 *   cannot say.
 */
export async function spendFlow(state: RequestState, provider: ResolvedOAuthProvider, value: string): Promise<void> {
  const digest = base64urlEncode(await sha256(utf8.encode(value)));
  let count: number;
  try {
    // A minute beyond the cookie's life covers clock differences between instances.
    ({ count } = await state.runtime.store.hit(
      `gatehouse:oauth-flow:${provider.id}:${digest}`,
      (CHECK_MAX_AGE + 60) * 1000,
    ));
  } catch (error) {
    throw new AuthError("StoreError", "The store could not record the sign-in flow as used.", { cause: error });
  }
  if (count > 1) throw new AuthError("OAuthCallbackCheck", "this sign-in flow was already used (a replayed callback)");
}
