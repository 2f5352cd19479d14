/** `POST accounts` (with the CSRF token): `{ action: "unlink", provider, providerAccountId }`. */
import { ConfigError } from "../../errors.js";
import { fail } from "../../lib/http/fail.js";
import { jsonResponse } from "../../lib/http/respond.js";
import type { Route } from "../feature.js";
import { unlinkAccount, type AccountRef } from "./unlink-account.js";

function accountRef(body: Record<string, unknown>): AccountRef | null {
  const { action, provider, providerAccountId } = body;
  if (action !== "unlink" || typeof provider !== "string" || typeof providerAccountId !== "string") return null;
  if (provider === "" || provider.length > 64 || providerAccountId === "" || providerAccountId.length > 255)
    return null;
  return { provider, providerAccountId };
}

export const accountsRoute: Route = {
  provider: "none",
  api: true,
  async POST(state, { body }) {
    const account = accountRef(body);
    if (account === null) {
      return jsonResponse(
        { error: "BadRequest", message: 'Send action "unlink" with the provider and providerAccountId.' },
        400,
      );
    }
    try {
      const result = await unlinkAccount(state, account);
      if (result === "signed-out") return jsonResponse({ error: "SessionRequired" }, 401);
      if (result === "unknown") return jsonResponse({ error: "UnknownAccount" }, 404);
      return jsonResponse({ unlinked: true });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return fail(state, { status: 400, code: "BadRequest", message: error.message, json: true });
    }
  },
};
