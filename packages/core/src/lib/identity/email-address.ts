/**
 * Email identifiers are validated strictly before anything else touches them — next-auth has had
 * advisories for each of these: lists (`a@x.com,b@y.com`), quoted local parts, comments,
 * angle brackets, CR/LF, and look-alike "@"s such as the full-width "＠" (checked before NFKC,
 * which would otherwise turn it into a real "@"). What passes is one plain `local@domain`
 * address, NFKC-normalized, trimmed and lowercased.
 */

const LOOKALIKE_AT = /[@\uFF20\uFE6B]/g;
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** Why an identifier was refused (for logs; users see one generic message). */
export type IdentifierProblem = "empty" | "too-long" | "control" | "lookalike" | "list" | "syntax";

/** The normalized address, or the reason it was refused. */
export function normalizeEmail(raw: unknown): { email: string } | { problem: IdentifierProblem } {
  if (typeof raw !== "string" || raw.trim() === "") return { problem: "empty" };
  if (raw.length > 320) return { problem: "too-long" };
  // eslint-disable-next-line no-control-regex -- control characters are what we refuse
  if (/[\u0000-\u001F\u007F]/.test(raw)) return { problem: "control" };
  const ats = raw.match(LOOKALIKE_AT) ?? [];
  if (ats.some((at) => at !== "@")) return { problem: "lookalike" };
  const normalized = raw.normalize("NFKC").trim();
  if (/[,;]/.test(normalized)) return { problem: "list" };
  if (/["()<>[\]\\\s]/.test(normalized)) return { problem: "syntax" };
  const parts = normalized.split("@");
  if (parts.length !== 2) return { problem: parts.length > 2 ? "list" : "syntax" };
  const [local = "", domain = ""] = parts;
  if (local.length > 64 || !LOCAL.test(local) || !DOMAIN.test(domain)) return { problem: "syntax" };
  const email = `${local}@${domain}`.toLowerCase();
  return email.length > 254 ? { problem: "too-long" } : { email };
}
