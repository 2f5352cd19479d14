/**
 * Sign-in with a credentials provider (next-auth semantics): the body's fields go to
 * `authorize(credentials, request)`; a user object signs in, `null`/`false` is
 * `CredentialsSignin` (401), a thrown {@link CredentialsSignin} shows its message, and anything
 * else thrown is a server fault that is logged and shown generically. Rate limits count failed
 * attempts only (per identifier, per identifier and address, per address) and refuse an attempt
 * before `authorize` runs once one is reached; a good sign-in never counts.
 */
import { CredentialsSignin } from "../../errors.js";
import type { AuthorizeRequest, ResolvedCredentialsProvider } from "../../provider-types.js";
import type { User } from "../../types.js";
import { isPlainObject } from "../../lib/encoding.js";
import { redact, withoutValues } from "../../lib/logger.js";
import type { RequestState } from "../../lib/http/request-state.js";
import type { Body } from "../../lib/http/read-body.js";
import { limitSignInAttempt } from "../../lib/rate-limit.js";
import { planCredentialsUser } from "../../lib/sign-in/account-users.js";
import { completeSignIn } from "../../lib/sign-in/complete-sign-in.js";
import { signInFailure, type SignInFailure } from "../../lib/sign-in/sign-in-failure.js";

const RESERVED: ReadonlySet<string> = new Set(["csrfToken", "callbackUrl", "json", "redirect"]);

/** Handles `POST callback/:id` (and `signin/:id`) for a credentials provider. */
export async function credentialsSignIn(
  state: RequestState,
  provider: ResolvedCredentialsProvider,
  body: Body,
  json: boolean,
): Promise<Response> {
  const credentials: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "csrfToken") continue;
    if (RESERVED.has(key) && typeof value !== "string") continue;
    if (typeof value !== "string") {
      return jsonOrPage(state, provider, body, json, {
        status: 400,
        code: "CredentialsSignin",
        message: `The field "${key.slice(0, 40)}" must be a string.`,
      });
    }
    credentials[key] = value;
  }
  const identifier = provider.identifierField === undefined ? undefined : credentials[provider.identifierField];

  const attempt = await limitSignInAttempt(state, provider.id, identifier, async () => {
    const outcome = await authorizeUser(state, provider, credentials);
    return { succeeded: "user" in outcome, value: outcome };
  });
  if (attempt.limited) {
    return jsonOrPage(state, provider, body, json, {
      status: 429,
      code: "RateLimited",
      headers: { "Retry-After": String(attempt.retryAfter) },
    });
  }
  if ("failure" in attempt.value) return jsonOrPage(state, provider, body, json, attempt.value.failure);
  const { user } = attempt.value;

  const rawId = user.id;
  let persist: (() => Promise<User>) | undefined;
  let signedIn = user as User;
  if (state.config.session.strategy === "database") {
    const normalized: User = {
      ...user,
      id: typeof rawId === "string" || typeof rawId === "number" ? String(rawId) : "",
    };
    const stored = await planCredentialsUser(state, normalized);
    if ("takenBy" in stored) {
      state.runtime.logger.warn(
        "CREDENTIALS_EMAIL_TAKEN",
        `\`authorize\` returned user "${normalized.id}", but its email belongs to another stored user ("${stored.takenBy}", who signed in another way). Refused, not linked. To let them in as that user, return its id from \`authorize\`.`,
      );
      return jsonOrPage(state, provider, body, json, { status: 403, code: "OAuthAccountNotLinked" });
    }
    signedIn = stored.user;
    persist = stored.persist;
  }
  // JWT sessions, as next-auth v4: the callbacks and events see authorize()'s user as returned
  // (a numeric id stays a number, in `account.providerAccountId` too); the token's `sub` is its
  // string form. Database sessions: the stored user.
  return completeSignIn(state, {
    user: signedIn,
    ...(persist === undefined ? {} : { persist }),
    account: { providerAccountId: signedIn.id, type: "credentials", provider: provider.id },
    isNewUser: false,
    credentials,
    callbackUrl: body.callbackUrl ?? state.cookies.get(state.cookieNames.callbackUrl.name),
    json,
  });
}

/** Runs `authorize`: a user object, or the failure to answer with. */
async function authorizeUser(
  state: RequestState,
  provider: ResolvedCredentialsProvider,
  credentials: Record<string, string>,
): Promise<{ user: Record<string, unknown> } | { failure: SignInFailure }> {
  // Credential values are never logged, whatever the fields are called (a `pin`, an `otp`):
  // the names only, and the values scrubbed from what `authorize` throws.
  state.runtime.logger.debug("CREDENTIALS_AUTHORIZE", { provider: provider.id, fields: Object.keys(credentials) });
  const scrub = (error: unknown): unknown => withoutValues(redact(error), Object.values(credentials));
  let user: unknown;
  try {
    user = await provider.authorize(credentials, authorizeRequest(state, credentials));
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { failure: { status: 401, code: "CredentialsSignin", message: error.message } };
    }
    state.runtime.logger.error("CREDENTIALS_AUTHORIZE_ERROR", { provider: provider.id, error: scrub(error) });
    return { failure: { status: 500, code: "Callback" } };
  }
  if (user === null || user === false || user === undefined) {
    return { failure: { status: 401, code: "CredentialsSignin" } };
  }
  if (!isPlainObject(user)) {
    state.runtime.logger.error("CREDENTIALS_AUTHORIZE_ERROR", {
      provider: provider.id,
      error: new TypeError("`authorize` must return a user object, null or false."),
    });
    return { failure: { status: 500, code: "Callback" } };
  }
  return { user };
}

function authorizeRequest(state: RequestState, body: Record<string, string>): AuthorizeRequest {
  const headers: Record<string, string> = {};
  state.request.headers.forEach((value, key) => {
    headers[key] = value;
  });
  return {
    method: state.request.method,
    headers,
    query: Object.fromEntries(state.url.searchParams),
    body,
    request: state.request,
  };
}

/**
 * A failed attempt: `{ url }` with the error for `json=true` callers (next-auth's client reads
 * `error` from it); otherwise the sign-in page again, with the non-secret fields filled back in.
 */
function jsonOrPage(
  state: RequestState,
  provider: ResolvedCredentialsProvider,
  body: Body,
  json: boolean,
  failure: SignInFailure,
): Promise<Response> | Response {
  const values: Record<string, string> = {};
  for (const [name, input] of Object.entries(provider.credentials)) {
    const value = body[name];
    if (input.type !== "password" && typeof value === "string") values[name] = value.slice(0, 256);
  }
  return signInFailure(state, json, failure, {
    values,
    callbackUrl: body.callbackUrl,
    ...(failure.code === "CredentialsSignin" ? { provider: provider.id } : {}),
  });
}
