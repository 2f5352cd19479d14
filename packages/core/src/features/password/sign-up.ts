/**
 * `POST signup/password`: a new account. The answer is the same whether or not the address
 * already has an account — same status, same body, one hash spent either way, the mail sent
 * after the answer — and the address's owner gets a mail saying someone tried. A new account is
 * unverified; with `requireEmailVerification` (the default) it gets a verification link and
 * signs in once verified.
 */
import { base64urlEncode, randomBytes } from "#crypto";
import { withAdapter } from "../../lib/adapter-call.js";
import { emitEvent } from "../../lib/callbacks.js";
import type { SetCookie } from "../../lib/cookies/set-cookie.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { bindLink } from "../../lib/mail/link-binding.js";
import { countEmailRequest } from "../../lib/rate-limit.js";
import type { ResolvedPasswordProvider } from "../../provider-types.js";
import { newPasswordProblem } from "./new-password.js";
import { bodyEmail, refused, sendLater, type PasswordOutcome } from "./outcome.js";
import { hashPassword } from "./password-hash.js";
import { sendPasswordMail } from "./password-mail.js";
import { issueToken } from "./password-tokens.js";

/** What a sign-up sends. */
export interface SignUpInput {
  /** The address to sign up with; checked like an email sign-in's. */
  email: unknown;
  /** The new password: 8 to 128 characters after NFKC normalisation. */
  password: unknown;
  /** An optional display name for the new user. */
  name?: unknown;
}

/** Sends the verification link for `email` (after the answer); resolves with its token. */
export async function sendVerification(
  state: RequestState,
  provider: ResolvedPasswordProvider,
  email: string,
): Promise<string> {
  const { token, expires } = await issueToken(state, "verify-email", email, provider.verificationMaxAge);
  const link = new URL(`${state.authUrl}/verify-email/${encodeURIComponent(provider.id)}`);
  link.searchParams.set("token", token);
  sendLater(state, "verifyEmail", () => sendPasswordMail(state, provider, "verifyEmail", email, link.href, expires));
  return token;
}

/** What a verification link is bound under (see lib/mail/link-binding.ts). */
export function verificationBinding(provider: ResolvedPasswordProvider): string {
  return `verify-email:${provider.id}`;
}

/**
 * The cookie that lets the signing-up browser verify by opening the link. Every sign-up answer
 * sets one — bound to a random token when no link goes out (a taken address, no verification)
 * — so the answers look alike.
 */
function bindVerification(
  state: RequestState,
  provider: ResolvedPasswordProvider,
  token: string | null,
): Promise<SetCookie> {
  const bound = token ?? base64urlEncode(randomBytes(32));
  return bindLink(state, verificationBinding(provider), bound, provider.verificationMaxAge);
}

/** The page that says a mail is on its way. */
export function sentPage(state: RequestState, what: "verify" | "reset"): string {
  return `${state.authUrl}/password/sent?mail=${what}`;
}

/** Creates an account (or, for a taken address, tells its owner), answering the same either way. */
export async function signUp(
  state: RequestState,
  provider: ResolvedPasswordProvider,
  input: SignUpInput,
): Promise<PasswordOutcome> {
  const { runtime } = state;
  const email = bodyEmail(input.email);
  if (email === null) return refused(400, "BadRequest", "Enter a valid email address.");
  const problem = await newPasswordProblem(provider, input.password);
  if (problem !== null) return refused(400, "InvalidPassword", problem);
  const name = typeof input.name === "string" && input.name.trim() !== "" ? input.name.trim().slice(0, 200) : null;

  // Sign-ups send mail: counted like email-link requests (per address, per client address).
  const limit = await countEmailRequest(state, `${provider.id}-signup`, email);
  if (limit.limited) return refused(429, "RateLimited", undefined, { "Retry-After": String(limit.retryAfter) });

  // The hash is spent before the lookup, so both answers cost the same.
  const hash = await hashPassword(provider, input.password as string);
  const existing = await withAdapter(runtime, "getUserByEmail", (adapter) => adapter.getUserByEmail(email));
  if (existing !== null) {
    const signIn = `${state.authUrl}/signin`;
    sendLater(state, "accountExists", () => sendPasswordMail(state, provider, "accountExists", email, signIn, null));
    return { ok: true, url: sentPage(state, "verify"), cookies: [await bindVerification(state, provider, null)] };
  }
  let user;
  try {
    user = await withAdapter(runtime, "createUserWithPassword", (adapter) =>
      adapter.createUserWithPassword({ email, emailVerified: null, name, image: null }, hash),
    );
  } catch (error) {
    // A concurrent sign-up took the address between the lookup and the insert: the same answer.
    if ((await withAdapter(runtime, "getUserByEmail", (adapter) => adapter.getUserByEmail(email))) !== null)
      return { ok: true, url: sentPage(state, "verify"), cookies: [await bindVerification(state, provider, null)] };
    throw error;
  }
  await emitEvent(runtime, "createUser", { user });
  const token = provider.requireEmailVerification ? await sendVerification(state, provider, email) : null;
  return { ok: true, url: sentPage(state, "verify"), cookies: [await bindVerification(state, provider, token)] };
}
