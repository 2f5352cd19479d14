/**
 * The pages-router bridge's body, bounded: core reads at most `DEFAULTS.maxBodyBytes` of a POST
 * body, so the bridge never holds or produces more than one byte past that. A stream is read up
 * to the limit; a body Next.js already parsed is encoded again iteratively (no recursion for a
 * hostile nesting depth to exhaust) and stops as soon as the text passes the limit. What core
 * then receives is refused by core exactly as in the App Router: 413 past the limit, 400 for
 * JSON nested too deep.
 */

/** Reads a Node request stream up to `maxBytes + 1` bytes (enough for core to see it is too big). */
export async function readBoundedStream(
  iterable: AsyncIterable<unknown>,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  // Not `for await`: leaving that loop early would destroy the request, and with it the socket
  // the 413 must be written to.
  const iterator: AsyncIterator<unknown> = iterable[Symbol.asyncIterator]();
  for (;;) {
    const step: IteratorResult<unknown> = await iterator.next();
    if (step.done === true) break;
    const value = step.value;
    const chunk = typeof value === "string" ? new TextEncoder().encode(value) : (value as Uint8Array);
    const room = maxBytes + 1 - total;
    chunks.push(chunk.byteLength > room ? chunk.subarray(0, room) : chunk);
    total += Math.min(chunk.byteLength, room);
    if (total > maxBytes) {
      truncated = true;
      break;
    }
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, truncated };
}

/** Collects text parts until they pass `maxChars`; then only the first `maxChars + 1` count. */
class BoundedText {
  readonly #parts: string[] = [];
  #length = 0;
  constructor(readonly maxChars: number) {}
  get full(): boolean {
    return this.#length > this.maxChars;
  }
  push(text: string): void {
    if (this.full) return;
    const room = this.maxChars + 1 - this.#length;
    const part = text.length > room ? text.slice(0, room) : text;
    this.#parts.push(part);
    this.#length += part.length;
  }
  toString(): string {
    return this.#parts.join("");
  }
}

type Frame = { kind: "text"; text: string } | { kind: "value"; value: unknown; inArray: boolean };

/**
 * `JSON.stringify(value)` without recursion, stopping past `maxChars` (the result is then cut
 * there). Values JSON has no form for are left out (in objects) or `null` (in arrays), as
 * `JSON.stringify` does.
 */
export function boundedJson(value: unknown, maxChars: number): string {
  const out = new BoundedText(maxChars);
  const stack: Frame[] = [{ kind: "value", value, inArray: false }];
  while (stack.length > 0 && !out.full) {
    const frame = stack.pop() as Frame;
    if (frame.kind === "text") {
      out.push(frame.text);
      continue;
    }
    const item = frame.value;
    if (item === null || typeof item === "number" || typeof item === "boolean" || typeof item === "string") {
      out.push(
        typeof item === "string" && item.length > maxChars ? `"${item.slice(0, maxChars)}` : JSON.stringify(item),
      );
    } else if (Array.isArray(item)) {
      const frames: Frame[] = [{ kind: "text", text: "[" }];
      // Each element writes at least one character: past `maxChars` of them the rest cannot count.
      for (let index = 0; index < item.length && index <= maxChars; index++) {
        if (index > 0) frames.push({ kind: "text", text: "," });
        frames.push({ kind: "value", value: item[index], inArray: true });
      }
      frames.push({ kind: "text", text: "]" });
      for (let i = frames.length - 1; i >= 0; i--) stack.push(frames[i] as Frame);
    } else if (typeof item === "object") {
      const frames: Frame[] = [{ kind: "text", text: "{" }];
      let first = true;
      for (const [key, child] of Object.entries(item)) {
        if (frames.length > maxChars) break;
        if (child === undefined || typeof child === "function" || typeof child === "symbol") continue;
        frames.push({ kind: "text", text: `${first ? "" : ","}${JSON.stringify(key)}:` });
        frames.push({ kind: "value", value: child, inArray: false });
        first = false;
      }
      frames.push({ kind: "text", text: "}" });
      for (let i = frames.length - 1; i >= 0; i--) stack.push(frames[i] as Frame);
    } else if (frame.inArray) {
      out.push("null");
    }
  }
  return out.toString();
}

/**
 * A body Next.js already parsed, encoded again in the format its content type names, within
 * `maxChars` (past it, cut there: core then answers 413).
 */
export function encodeParsedBody(
  body: unknown,
  contentType: string,
  maxChars: number,
): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body.length > maxChars ? body.slice(0, maxChars + 1) : body;
  if (body instanceof Uint8Array) return body.byteLength > maxChars ? body.subarray(0, maxChars + 1) : body;
  if (contentType.includes("application/json")) return boundedJson(body, maxChars);
  const out = new BoundedText(maxChars);
  let first = true;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (out.full) return out.toString();
      const text = typeof item === "string" ? item : boundedJson(item, maxChars);
      out.push(`${first ? "" : "&"}${new URLSearchParams([[key, text]]).toString()}`);
      first = false;
    }
  }
  return out.toString();
}
