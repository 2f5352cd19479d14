/**
 * The `two-factor` routes (every POST with the CSRF token):
 * - `GET two-factor`: the second-factor page (a pending sign-in, or a step-up when signed in
 *   with two-factor on); anyone else is sent to sign in (`callbackUrl` kept).
 * - `POST two-factor`: the page's form (`code`, `trustDevice`, `callbackUrl`); `json=true` for `{ url }`.
 * - JSON: `POST two-factor/enable`, `two-factor/verify` (`code`), `two-factor/disable` (`code`),
 *   `two-factor/backup-codes`, `two-factor/forget-devices`; `GET two-factor/status`.
 */
import { fail, prefersJson } from "../../lib/http/fail.js";
import { safeCallbackParam, signInPageUrl } from "../../lib/http/navigation.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { jsonResponse, redirectOrJson, redirectResponse } from "../../lib/http/respond.js";
import type { Route } from "../feature.js";
import { twoFactorRecord } from "./check-code.js";
import { codePage } from "./code-page.js";
import {
  disableTwoFactor,
  forgetDevices,
  isRefusal,
  regenerateBackupCodes,
  startEnrolment,
  twoFactorStatus,
  type Refusal,
} from "./manage-two-factor.js";
import { readPending } from "./pending-sign-in.js";
import { verifyCode, type Verified } from "./verify-code.js";

function refusalJson(refusal: Refusal): Response {
  const headers = refusal.retryAfter === undefined ? undefined : { "Retry-After": String(refusal.retryAfter) };
  return jsonResponse({ error: refusal.error }, refusal.status, [], headers);
}

function verifiedJson(verified: Verified): Response {
  if (verified.kind === "signed-in") return verified.response;
  if (verified.kind === "enabled") return jsonResponse({ enabled: true, backupCodes: verified.backupCodes });
  return jsonResponse({ url: verified.url }, 200, verified.cookies);
}

async function whichPage(state: RequestState): Promise<"sign-in" | "step-up" | null> {
  if ((await readPending(state)) !== null) return "sign-in";
  const user = await state.runtime.strategy.currentUser(state);
  if (user === null) return null;
  const record = await twoFactorRecord(state, user.id);
  return record !== null && record.enabledAt !== null ? "step-up" : null;
}

async function api(state: RequestState, action: string, body: Record<string, unknown>): Promise<Response> {
  const answer = (value: object): Response => (isRefusal(value) ? refusalJson(value) : jsonResponse(value));
  switch (action) {
    case "enable":
      return answer(await startEnrolment(state));
    case "verify": {
      const verified = await verifyCode(state, body.code, {
        trustDevice: body.trustDevice === "true",
        callbackUrl: body.callbackUrl,
        json: true,
      });
      return "error" in verified ? refusalJson(verified) : verifiedJson(verified);
    }
    case "disable":
      return answer(await disableTwoFactor(state, { code: body.code, password: body.password }));
    case "backup-codes":
      return answer(await regenerateBackupCodes(state));
    case "forget-devices":
      return answer(await forgetDevices(state));
    default:
      return jsonResponse({ error: "NotFound", message: `Unknown two-factor action "${action.slice(0, 40)}".` }, 404);
  }
}

export const twoFactorRoute: Route = {
  provider: "optional",
  async GET(state, { providerId }) {
    if (providerId === "status") {
      const status = await twoFactorStatus(state);
      return isRefusal(status) ? refusalJson(status) : jsonResponse(status);
    }
    if (providerId !== undefined) return fail(state, { status: 404, code: "NotFound", json: true });
    const callbackUrl = safeCallbackParam(state, state.url.searchParams.get("callbackUrl"));
    const mode = await whichPage(state);
    if (mode === null) return redirectResponse(signInPageUrl(state, { callbackUrl }));
    return codePage(state, { mode, callbackUrl });
  },
  async POST(state, { providerId, body }) {
    if (providerId !== undefined) return api(state, providerId, body);
    const json = prefersJson(state, body);
    const callbackUrl = safeCallbackParam(state, body.callbackUrl);
    const verified = await verifyCode(state, body.code, {
      trustDevice: body.trustDevice === "true",
      callbackUrl,
      json,
    });
    if (!("error" in verified)) {
      if (verified.kind === "stepped-up") return redirectOrJson(json, verified.url, verified.cookies);
      return verifiedJson(verified);
    }
    if (json) return refusalJson(verified);
    if (verified.error === "SessionRequired" || verified.error === "TwoFactorExpired") {
      return redirectResponse(
        signInPageUrl(state, {
          error: verified.error === "TwoFactorExpired" ? "TwoFactorExpired" : undefined,
          callbackUrl,
        }),
      );
    }
    const mode = (await whichPage(state)) ?? "sign-in";
    return codePage(state, {
      mode,
      error: verified.error,
      callbackUrl,
      status: verified.status,
      ...(verified.retryAfter === undefined ? {} : { headers: { "Retry-After": String(verified.retryAfter) } }),
    });
  },
};
