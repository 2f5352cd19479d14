/**
 * The rules a new password must meet (ASVS 5 §6.2): 8 to 128 characters by default, counted
 * after NFKC normalisation, every Unicode character allowed, no composition rules; and, when the
 * app gives `isBreached`, not a password known to be breached.
 */
import { runCallback } from "../../lib/callbacks.js";
import type { ResolvedPasswordProvider } from "../../provider-types.js";
import { normalizePassword } from "./password-hash.js";

/** Why a new password is refused, in words for the user; `null` when it is acceptable. */
export async function newPasswordProblem(
  provider: ResolvedPasswordProvider,
  password: unknown,
): Promise<string | null> {
  if (typeof password !== "string") return "Enter a password.";
  // Counted in code points, so an emoji is one character.
  const length = Array.from(normalizePassword(password)).length;
  if (length < provider.minLength) return `Use at least ${provider.minLength} characters.`;
  if (length > provider.maxLength) return `Use at most ${provider.maxLength} characters.`;
  const breached = provider.isBreached;
  if (breached !== undefined && (await runCallback("isBreached", () => breached(normalizePassword(password)))))
    return "This password has appeared in a data breach. Choose another one.";
  return null;
}
