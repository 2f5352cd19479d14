/**
 * The browser's answer to a ceremony (`PublicKeyCredential.toJSON()`, as @simplewebauthn/browser
 * sends it): taken from a JSON body as an object, or from a form field as JSON text, and checked
 * for its outer shape before the WebAuthn library looks inside.
 */
import { isPlainObject } from "../../lib/encoding.js";

const MAX_TEXT = 16_384;

/** The credential in `value`, or `null` when it is not one. */
export function credentialJson(value: unknown): Record<string, unknown> | null {
  let parsed: unknown = value;
  if (typeof value === "string") {
    if (value.length > MAX_TEXT) return null;
    try {
      parsed = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!isPlainObject(parsed) || !isPlainObject(parsed.response)) return null;
  const { id, rawId, type } = parsed;
  if (typeof id !== "string" || id === "" || id.length > 1024 || rawId !== id || type !== "public-key") return null;
  return parsed;
}
