/**
 * Registering a passkey (WebAuthn §7.1, through @simplewebauthn/server): options for the
 * browser, then the browser's answer verified against this browser's challenge, the configured
 * origin and relying party id. A signed-in user adds a passkey to their account; with
 * `allowSignUp`, someone signed out creates a new account (no email) with the passkey alone and
 * is signed in.
 */
import type { RegistrationResponseJSON, VerifiedRegistrationResponse } from "@simplewebauthn/server";
import { base64urlDecode, base64urlEncode } from "#crypto";
import type { AdapterPasskey } from "../../adapter.js";
import { withAdapter } from "../../lib/adapter-call.js";
import { emitEvent } from "../../lib/callbacks.js";
import { DEFAULTS } from "../../lib/config/defaults.js";
import { utf8 } from "../../lib/encoding.js";
import type { RequestState } from "../../lib/http/request-state.js";
import type { Body } from "../../lib/http/read-body.js";
import { jsonResponse } from "../../lib/http/respond.js";
import { planCredentialsUser } from "../../lib/sign-in/account-users.js";
import { completeSignIn } from "../../lib/sign-in/complete-sign-in.js";
import type { ResolvedPasskeyProvider } from "../../provider-types.js";
import { clearCeremony, startCeremony, takeCeremony } from "./challenge.js";
import { passkeyInfo, passkeyName, userPasskeys } from "./passkey-records.js";
import { relyingParty } from "./relying-party.js";
import { credentialJson } from "./response-json.js";

const LIMITS = DEFAULTS.passkey;

/** The WebAuthn library, loaded on the first passkey request (not with every server start). */
const webauthn = () => import("@simplewebauthn/server");

/** `POST passkey/registration-options`: `{ options }` for `navigator.credentials.create()`. */
export async function registrationOptions(
  state: RequestState,
  provider: ResolvedPasskeyProvider,
  body: Body,
): Promise<Response> {
  const rp = relyingParty(state.config, provider);
  const current = await state.runtime.strategy.currentUser(state);
  let userId: string;
  let userName: string;
  let exclude: AdapterPasskey[] = [];
  if (current !== null) {
    // With JWT sessions a credentials user may have no row yet: the passkey needs one.
    const stored = await planCredentialsUser(state, {
      id: current.id,
      name: current.name ?? null,
      email: current.email ?? null,
      image: current.image ?? null,
    });
    if ("takenBy" in stored) {
      return jsonResponse(
        {
          error: "PasskeyRegistration",
          message: "Another stored account has this user's email; passkeys cannot be added.",
        },
        409,
      );
    }
    await stored.persist();
    userId = current.id;
    userName = current.email ?? current.name ?? current.id;
    exclude = await userPasskeys(state, userId);
    if (exclude.length >= LIMITS.maxPerUser) {
      return jsonResponse(
        { error: "BadRequest", message: `This account has ${LIMITS.maxPerUser} passkeys; remove one to add another.` },
        400,
      );
    }
  } else if (provider.allowSignUp) {
    userId = globalThis.crypto.randomUUID();
    const given = body.userName ?? body.name;
    userName = given === undefined ? "Passkey user" : (passkeyName(given, LIMITS.maxNameLength) ?? "");
    if (userName === "") {
      return jsonResponse(
        { error: "BadRequest", message: `\`userName\` must be 1–${LIMITS.maxNameLength} characters.` },
        400,
      );
    }
  } else {
    return jsonResponse(
      {
        error: "SessionRequired",
        message: "Sign in to add a passkey (signing up with a passkey alone needs `allowSignUp: true`).",
      },
      401,
    );
  }
  const { challenge, cookie } = await startCeremony(state, {
    kind: "registration",
    provider: provider.id,
    userId,
    ...(current === null ? { signUp: true, userName } : {}),
  });
  const options = await (
    await webauthn()
  ).generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName,
    userID: utf8.encode(userId),
    // The bytes: a string would be taken as text and encoded again.
    challenge: base64urlDecode(challenge) as Uint8Array<ArrayBuffer>,
    timeout: LIMITS.timeout,
    attestationType: "none",
    excludeCredentials: exclude.map((passkey) => ({ id: passkey.id, transports: passkey.transports })),
    authenticatorSelection: { residentKey: "required", userVerification: provider.userVerification },
  });
  return jsonResponse({ options }, 200, [cookie]);
}

/**
 * `POST passkey/registration-verification` with `{ response, name? }`: stores the passkey;
 * `{ passkey }` for a signed-in user, the sign-in's `{ url }` (and session cookie) for a sign-up.
 */
export async function registrationVerification(
  state: RequestState,
  provider: ResolvedPasskeyProvider,
  body: Body,
): Promise<Response> {
  const rp = relyingParty(state.config, provider);
  const cleared = clearCeremony(state);
  const refuse = (message: string, status = 400): Response =>
    jsonResponse({ error: "PasskeyRegistration", message }, status, cleared);
  const response = credentialJson(body.response);
  if (response === null) return refuse("Send the browser's credential as `response` (PublicKeyCredential JSON).");
  const name = body.name === undefined ? "Passkey" : passkeyName(body.name, LIMITS.maxNameLength);
  if (name === null) return refuse(`\`name\` must be 1–${LIMITS.maxNameLength} characters.`);

  const ceremony = await takeCeremony(state, "registration", provider.id);
  if (ceremony?.userId === undefined)
    return refuse("No passkey registration is in progress in this browser (or it expired). Start again.");
  if (ceremony.signUp !== true) {
    const current = await state.runtime.strategy.currentUser(state);
    if (current?.id !== ceremony.userId) return refuse("The registration was started by another account.", 403);
  }

  let verification: VerifiedRegistrationResponse;
  try {
    verification = await (
      await webauthn()
    ).verifyRegistrationResponse({
      response: response as unknown as RegistrationResponseJSON,
      expectedChallenge: ceremony.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: provider.userVerification === "required",
    });
  } catch (error) {
    state.runtime.logger.warn("PASSKEY_REGISTRATION_REFUSED", error instanceof Error ? error.message : String(error));
    return refuse("The passkey could not be verified.");
  }
  if (!verification.verified) return refuse("The passkey could not be verified.");
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  if ((await withAdapter(state.runtime, "getPasskey", (adapter) => adapter.getPasskey(credential.id))) !== null) {
    return refuse("This passkey is registered already.", 409);
  }
  const passkey: AdapterPasskey = {
    id: credential.id,
    userId: ceremony.userId,
    publicKey: base64urlEncode(credential.publicKey),
    counter: credential.counter,
    transports: [...(credential.transports ?? [])],
    deviceType: credentialDeviceType,
    backedUp: credentialBackedUp,
    name,
    createdAt: new Date(state.nowMs),
    lastUsedAt: ceremony.signUp === true ? new Date(state.nowMs) : null,
  };

  if (ceremony.signUp !== true) {
    const stored = await withAdapter(state.runtime, "createPasskey", (adapter) => adapter.createPasskey(passkey));
    return jsonResponse({ passkey: passkeyInfo(stored) }, 200, cleared);
  }
  const newUserId = ceremony.userId;
  const user = await withAdapter(state.runtime, "createUser", (adapter) =>
    adapter.createUser({ id: newUserId, email: null, emailVerified: null, name: ceremony.userName ?? null }),
  );
  try {
    await withAdapter(state.runtime, "createPasskey", (adapter) =>
      adapter.createPasskey({ ...passkey, userId: user.id }),
    );
  } catch (error) {
    // No account without its passkey: it could never sign in.
    await Promise.resolve(state.runtime.adapter?.deleteUser?.(user.id)).catch(() => undefined);
    throw error;
  }
  await emitEvent(state.runtime, "createUser", { user });
  return completeSignIn(state, {
    user,
    account: { providerAccountId: passkey.id, provider: provider.id, type: "webauthn" },
    isNewUser: true,
    callbackUrl: body.callbackUrl ?? state.cookies.get(state.cookieNames.callbackUrl.name),
    json: true,
    cookies: cleared,
  });
}
