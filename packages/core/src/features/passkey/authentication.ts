/**
 * Signing in with a passkey (WebAuthn §7.2, through @simplewebauthn/server): options with no
 * allowed credentials (discoverable credentials: the browser offers the user's passkeys for this
 * site, also as autofill), then the browser's assertion verified against this browser's
 * challenge, the configured origin and relying party id, and the stored public key.
 *
 * The signature counter (§6.1.1): when the stored or the new counter is non-zero, the new one
 * must be greater; otherwise the credential may have been cloned, and the sign-in is refused.
 * Backup eligibility (the BE flag, `deviceType`) cannot change over a credential's life; the
 * backup state (BS, `backedUp`) can, and is recorded (§6.1.3).
 */
import type { AuthenticationResponseJSON, VerifiedAuthenticationResponse } from "@simplewebauthn/server";
import { base64urlDecode } from "#crypto";
import type { AdapterUser } from "../../adapter.js";
import { withAdapter } from "../../lib/adapter-call.js";
import { DEFAULTS } from "../../lib/config/defaults.js";
import { fromUtf8, isPlainObject } from "../../lib/encoding.js";
import type { RequestState } from "../../lib/http/request-state.js";
import type { Body } from "../../lib/http/read-body.js";
import { signInPageUrl } from "../../lib/http/navigation.js";
import { jsonResponse } from "../../lib/http/respond.js";
import { completeSignIn } from "../../lib/sign-in/complete-sign-in.js";
import { signInFailure } from "../../lib/sign-in/sign-in-failure.js";
import { limitSignInAttempt } from "../../lib/rate-limit.js";
import type { ResolvedPasskeyProvider } from "../../provider-types.js";
import { clearCeremony, startCeremony, takeCeremony } from "./challenge.js";
import { relyingParty } from "./relying-party.js";
import { credentialJson } from "./response-json.js";

/** The WebAuthn library, loaded on the first passkey request (not with every server start). */
const webauthn = () => import("@simplewebauthn/server");

/** `POST passkey/authentication-options`: `{ options }` for `navigator.credentials.get()`. */
export async function authenticationOptions(state: RequestState, provider: ResolvedPasskeyProvider): Promise<Response> {
  const rp = relyingParty(state.config, provider);
  const { challenge, cookie } = await startCeremony(state, { kind: "authentication", provider: provider.id });
  const options = await (
    await webauthn()
  ).generateAuthenticationOptions({
    rpID: rp.id,
    // The bytes: a string would be taken as text and encoded again.
    challenge: base64urlDecode(challenge) as Uint8Array<ArrayBuffer>,
    timeout: DEFAULTS.passkey.timeout,
    userVerification: provider.userVerification,
    allowCredentials: [],
  });
  return jsonResponse({ options }, 200, [cookie]);
}

function userHandle(response: Record<string, unknown>): string | null | undefined {
  const inner = response.response;
  const handle = isPlainObject(inner) ? inner.userHandle : undefined;
  if (handle === undefined || handle === null || handle === "") return undefined;
  if (typeof handle !== "string") return null;
  const bytes = base64urlDecode(handle);
  if (bytes === null) return null;
  try {
    return fromUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Why a passkey sign-in was refused: the log line, and the status. */
interface Refusal {
  reason: string;
  status: number;
}

/**
 * `POST passkey/authentication-verification` (and `callback/:id`) with `{ response,
 * callbackUrl? }`: signs in as the passkey's user; a refusal is `PasskeySignin`. Refusals count
 * against the sign-in rate limits (per credential id, per id and address, per address), as wrong
 * passwords do; a good sign-in clears the credential's counters.
 */
export async function authenticationVerification(
  state: RequestState,
  provider: ResolvedPasskeyProvider,
  body: Body,
  json: boolean,
): Promise<Response> {
  const { runtime } = state;
  const cleared = clearCeremony(state);
  const refuse = async ({ reason, status }: Refusal): Promise<Response> => {
    runtime.logger.warn("PASSKEY_SIGNIN_REFUSED", reason);
    // The challenge cookie goes whatever happens; JSON callers (every passkey client) get it cleared.
    if (json)
      return jsonResponse(
        { url: signInPageUrl(state, { error: "PasskeySignin" }), error: "PasskeySignin" },
        status,
        cleared,
      );
    return signInFailure(state, json, { status, code: "PasskeySignin" }, { callbackUrl: body.callbackUrl });
  };
  const response = credentialJson(body.response);
  if (response === null) return refuse({ reason: "the request had no credential (`response`)", status: 400 });

  const attempt = await limitSignInAttempt(state, provider.id, response.id as string, async () => {
    const outcome = await verifyAssertion(state, provider, response);
    return { succeeded: "user" in outcome, value: outcome };
  });
  if (attempt.limited) {
    runtime.logger.warn("PASSKEY_SIGNIN_REFUSED", "too many refused passkey sign-ins: rate limited");
    const headers = { "Retry-After": String(attempt.retryAfter) };
    if (json) {
      const url = signInPageUrl(state, { error: "RateLimited" });
      return jsonResponse({ url, error: "RateLimited" }, 429, cleared, headers);
    }
    return signInFailure(state, json, { status: 429, code: "RateLimited", headers }, { callbackUrl: body.callbackUrl });
  }
  if ("reason" in attempt.value) return refuse(attempt.value);
  return completeSignIn(state, {
    user: attempt.value.user,
    account: { providerAccountId: attempt.value.passkeyId, provider: provider.id, type: "webauthn" },
    isNewUser: false,
    callbackUrl: body.callbackUrl ?? state.cookies.get(state.cookieNames.callbackUrl.name),
    json,
    cookies: cleared,
  });
}

/**
 * Checks the browser's assertion against this browser's challenge and the stored passkey, and
 * records the use: the passkey's user, or why not.
 */
async function verifyAssertion(
  state: RequestState,
  provider: ResolvedPasskeyProvider,
  response: Record<string, unknown>,
): Promise<{ user: AdapterUser; passkeyId: string } | Refusal> {
  const { runtime } = state;
  const no = (reason: string): Refusal => ({ reason, status: 401 });
  const ceremony = await takeCeremony(state, "authentication", provider.id);
  if (ceremony === null) return no("no passkey sign-in is in progress in this browser, it expired, or it was used");

  const passkey = await withAdapter(runtime, "getPasskey", (adapter) => adapter.getPasskey(response.id as string));
  if (passkey === null) return no("the passkey is not registered here (it may have been removed)");
  const handle = userHandle(response);
  if (handle !== undefined && handle !== passkey.userId) return no("the passkey's user handle names another user");
  const publicKey = base64urlDecode(passkey.publicKey);
  if (publicKey === null) return no("the stored public key does not decode");

  let verification: VerifiedAuthenticationResponse;
  try {
    verification = await (
      await webauthn()
    ).verifyAuthenticationResponse({
      response: response as unknown as AuthenticationResponseJSON,
      expectedChallenge: ceremony.challenge,
      expectedOrigin: relyingParty(state.config, provider).origin,
      expectedRPID: relyingParty(state.config, provider).id,
      // The counter is judged below, where a replay is told apart from other failures.
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(publicKey),
        counter: 0,
        transports: passkey.transports,
      },
      requireUserVerification: provider.userVerification === "required",
    });
  } catch (error) {
    return no(`the assertion did not verify: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!verification.verified) return no("the assertion did not verify");
  const { newCounter, credentialDeviceType, credentialBackedUp } = verification.authenticationInfo;
  if ((passkey.counter > 0 || newCounter > 0) && newCounter <= passkey.counter) {
    runtime.logger.error(
      "PASSKEY_CLONED",
      `Passkey ${passkey.id} of user ${passkey.userId} sent signature counter ${newCounter}, not above the ${passkey.counter} already seen: it may have been cloned. Refused.`,
    );
    return no("the signature counter went backwards (a cloned authenticator?)");
  }
  if (credentialDeviceType !== passkey.deviceType) return no("the passkey's backup eligibility changed");

  const updated = await withAdapter(runtime, "updatePasskeyUsage", (adapter) =>
    adapter.updatePasskeyUsage({
      id: passkey.id,
      previousCounter: passkey.counter,
      counter: newCounter,
      backedUp: credentialBackedUp,
      lastUsedAt: new Date(state.nowMs),
    }),
  );
  if (updated === null) return no("the passkey was used or removed at the same time");
  const user = await withAdapter(runtime, "getUser", (adapter) => adapter.getUser(passkey.userId));
  if (user === null) return no("the passkey's user no longer exists");
  return { user, passkeyId: passkey.id };
}
