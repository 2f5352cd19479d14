/**
 * Reads a POST body once, within a byte limit, as form fields or JSON. Form bodies
 * (`application/x-www-form-urlencoded`, what browsers and next-auth's client send) give strings
 * only, and a repeated field is refused rather than guessed at; JSON bodies may nest, to a depth
 * limit. Anything else is a 4xx, never an exception.
 */
import { fromUtf8, isPlainObject } from "../encoding.js";

/** The fields of a request body. Form bodies hold strings only. */
export type Body = Record<string, unknown>;

/** Why a body was refused, with the status to answer. */
export interface BodyError {
  ok: false;
  status: 400 | 413 | 415;
  reason: string;
}

/** The outcome of {@link readBody}. */
export type BodyResult = { ok: true; body: Body } | BodyError;

const MAX_DEPTH = 16;
const MAX_FIELDS = 256;

/** Reads `request`'s body; `{}` for an empty one. */
export async function readBody(request: Request, maxBytes: number): Promise<BodyResult> {
  const length = request.headers.get("content-length");
  if (length !== null && Number(length) > maxBytes)
    return { ok: false, status: 413, reason: "The request body is too large." };
  const bytes = await readLimited(request, maxBytes);
  if (bytes === null) return { ok: false, status: 413, reason: "The request body is too large." };
  if (bytes.length === 0) return { ok: true, body: {} };

  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  let text: string;
  try {
    text = fromUtf8.decode(bytes);
  } catch {
    return { ok: false, status: 400, reason: "The request body is not valid UTF-8." };
  }
  if (type === "application/x-www-form-urlencoded") return parseForm(text);
  if (type === "application/json") return parseJson(text);
  return { ok: false, status: 415, reason: "Send the body as application/x-www-form-urlencoded or application/json." };
}

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function parseForm(text: string): BodyResult {
  // URLSearchParams never throws; validate percent-encoding ourselves so "%zz" is a 400.
  if (/%(?![0-9a-fA-F]{2})/.test(text))
    return { ok: false, status: 400, reason: "The form body has invalid percent-encoding." };
  const fields: Body = Object.create(null) as Body;
  let count = 0;
  for (const pair of text.split("&")) {
    if (pair.length === 0) continue;
    if (++count > MAX_FIELDS) return { ok: false, status: 413, reason: "The form has too many fields." };
    const eq = pair.indexOf("=");
    let key: string;
    let value: string;
    try {
      key = decodeFormComponent(eq === -1 ? pair : pair.slice(0, eq));
      value = eq === -1 ? "" : decodeFormComponent(pair.slice(eq + 1));
    } catch {
      return { ok: false, status: 400, reason: "The form body has invalid percent-encoding." };
    }
    if (key in fields)
      return { ok: false, status: 400, reason: `The field "${key.slice(0, 40)}" appears more than once.` };
    fields[key] = value;
  }
  return { ok: true, body: fields };
}

function decodeFormComponent(raw: string): string {
  return decodeURIComponent(raw.replace(/\+/g, " "));
}

function parseJson(text: string): BodyResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, reason: "The JSON body does not parse." };
  }
  if (!isPlainObject(value)) return { ok: false, status: 400, reason: "The JSON body must be an object." };
  if (depth(value) > MAX_DEPTH) return { ok: false, status: 400, reason: "The JSON body nests too deeply." };
  return { ok: true, body: value };
}

/** Nesting depth, iteratively (a hostile body must not exhaust the stack). */
function depth(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, level] = stack.pop() as [unknown, number];
    if (typeof value !== "object" || value === null) continue;
    if (level > max) max = level;
    if (max > MAX_DEPTH) return max;
    for (const child of Object.values(value)) stack.push([child, level + 1]);
  }
  return max;
}
