/**
 * Password accounts (providers of type "password", `Password()`): sign-up, email verification,
 * sign-in, forgotten and changed passwords, with argon2id hashes, no account enumeration, and
 * the mails through the same sender as magic links. Needs users, verification tokens and
 * passwords in the database (and session management with database sessions).
 */
import { ConfigError } from "../../errors.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { defineFeature } from "../feature.js";
import { changePassword, confirmPassword } from "./change-password.js";
import { PASSWORD_ERRORS } from "./errors.js";
import { passwordFlow } from "./flow.js";
import { forgotPassword } from "./forgot-password.js";
import { passwordProvider, type PasswordOutcome } from "./outcome.js";
import { resetPassword } from "./reset-password.js";
import { passwordRoute, signUpRoute, verifyEmailRoute } from "./routes.js";
import { signUp, type SignUpInput } from "./sign-up.js";

function provider(state: RequestState) {
  const found = passwordProvider(state);
  if (found === undefined) throw new ConfigError("InvalidOption", "Add `Password()` to `providers` to use passwords.");
  return found;
}

/** An outcome as the server API gives it: the value, and the cookies to set. */
function api(outcome: PasswordOutcome) {
  const { cookies = [], ...value } = outcome.ok ? outcome : { ...outcome, cookies: [] };
  return { value, cookies };
}

export const passwordFeature = defineFeature({
  name: "password",
  enabled: (config) => config.providers.some((entry) => entry.type === "password"),
  flows: { password: passwordFlow },
  routes: { signup: signUpRoute, "verify-email": verifyEmailRoute, password: passwordRoute },
  adapterNeeds: (config) => [
    { group: "users", why: "password accounts" },
    { group: "verification", why: "password accounts" },
    { group: "passwords", why: "password accounts" },
    ...(config.session.strategy === "database"
      ? [{ group: "management" as const, why: "password accounts (a reset ends every session)" }]
      : []),
  ],
  errors: PASSWORD_ERRORS,
  // Lets another feature ask for the password before a sensitive change (turning two-factor off).
  session: { confirmPassword },
  api: {
    /** Creates an account (the same answer when the address has one); `{ ok, url }` or `{ ok: false, code }`. */
    signUp: async (state: RequestState, input: SignUpInput) => api(await signUp(state, provider(state), input)),
    /** Sends a reset link, if the address has an account. */
    requestPasswordReset: async (state: RequestState, input: { email: unknown }) =>
      api(await forgotPassword(state, provider(state), input.email)),
    /** Sets a new password with a reset token; every session of the account ends. */
    resetPassword: async (state: RequestState, input: { token: unknown; password: unknown }) =>
      api(await resetPassword(state, provider(state), input)),
    /** Changes the signed-in user's password; their other sessions end. */
    changePassword: async (state: RequestState, input: { currentPassword: unknown; newPassword: unknown }) =>
      api(await changePassword(state, provider(state), input)),
  },
});
