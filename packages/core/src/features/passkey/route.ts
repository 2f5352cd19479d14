/**
 * `passkey/:operation` under `basePath`, all JSON, every POST with the CSRF token:
 * `POST registration-options`, `POST registration-verification`, `POST authentication-options`,
 * `POST authentication-verification`, `GET list`, `POST rename` (`{ id, name }`) and
 * `POST delete` (`{ id }`).
 */
import { jsonResponse } from "../../lib/http/respond.js";
import type { RequestState } from "../../lib/http/request-state.js";
import { DEFAULTS } from "../../lib/config/defaults.js";
import type { ResolvedPasskeyProvider } from "../../provider-types.js";
import type { Route } from "../feature.js";
import { authenticationOptions, authenticationVerification } from "./authentication.js";
import { deleteUserPasskey, listUserPasskeys, renameUserPasskey } from "./manage-passkeys.js";
import { passkeyName } from "./passkey-records.js";
import { registrationOptions, registrationVerification } from "./registration.js";

const OPERATIONS =
  "registration-options, registration-verification, authentication-options, authentication-verification, list, rename or delete";

/** The configuration's passkey provider (the feature is on only when there is one). */
export function passkeyProvider(state: RequestState): ResolvedPasskeyProvider {
  return state.config.providers.find((provider) => provider.type === "webauthn") as ResolvedPasskeyProvider;
}

function credentialId(value: unknown): string | null {
  return typeof value === "string" && /^[A-Za-z0-9_-]{1,1024}$/.test(value) ? value : null;
}

const signedOut = (): Response => jsonResponse({ error: "SessionRequired" }, 401);
const unknown = (): Response => jsonResponse({ error: "UnknownPasskey" }, 404);
const notFound = (operation: string | undefined): Response =>
  jsonResponse(
    { error: "NotFound", message: `Unknown passkey operation "${(operation ?? "").slice(0, 40)}": use ${OPERATIONS}.` },
    404,
  );

export const passkeyRoute: Route = {
  provider: "required",
  api: true,
  async GET(state, { providerId }) {
    if (providerId !== "list") return notFound(providerId);
    const passkeys = await listUserPasskeys(state);
    return passkeys === null ? signedOut() : jsonResponse({ passkeys });
  },
  async POST(state, { providerId, body }) {
    const provider = passkeyProvider(state);
    switch (providerId) {
      case "registration-options":
        return registrationOptions(state, provider, body);
      case "registration-verification":
        return registrationVerification(state, provider, body);
      case "authentication-options":
        return authenticationOptions(state, provider);
      case "authentication-verification":
        return authenticationVerification(state, provider, body, true);
      case "rename": {
        const id = credentialId(body.id);
        const name = passkeyName(body.name, DEFAULTS.passkey.maxNameLength);
        if (id === null || name === null) {
          return jsonResponse(
            {
              error: "BadRequest",
              message: `Send the passkey's \`id\` and a \`name\` of 1–${DEFAULTS.passkey.maxNameLength} characters.`,
            },
            400,
          );
        }
        const result = await renameUserPasskey(state, id, name);
        return result === "signed-out"
          ? signedOut()
          : result === "unknown"
            ? unknown()
            : jsonResponse({ passkey: result });
      }
      case "delete": {
        const id = credentialId(body.id);
        if (id === null) return jsonResponse({ error: "BadRequest", message: "Send the passkey's `id`." }, 400);
        const result = await deleteUserPasskey(state, id);
        return result === "signed-out"
          ? signedOut()
          : result === "unknown"
            ? unknown()
            : jsonResponse({ deleted: true });
      }
      default:
        return notFound(providerId);
    }
  },
};
