/**
 * The pages router hands us Node's request and response (`NextApiRequest`/`NextApiResponse`,
 * or `getServerSideProps`' `req`/`res`). These turn them into a web `Request` for core, and
 * core's `Response` back onto them. Typed structurally, so nothing here imports Node.
 */

/** What we use of a Node request (with Next's parsed `body`, when present). */
export interface NodeRequest {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  socket?: { remoteAddress?: string | undefined; encrypted?: boolean } | undefined;
  [Symbol.asyncIterator]?: () => AsyncIterator<unknown>;
}

/** What we use of a Node response. */
export interface NodeResponse {
  statusCode: number;
  headersSent?: boolean;
  setHeader(name: string, value: string | number | readonly string[]): unknown;
  getHeader(name: string): string | number | string[] | undefined;
  end(chunk?: unknown): unknown;
}

/** Whether `value` looks like a Node request rather than a web `Request`. */
export function isNodeRequest(value: unknown): value is NodeRequest {
  return (
    typeof value === "object" &&
    value !== null &&
    !(value instanceof Request) &&
    "headers" in value &&
    typeof value.headers === "object" &&
    !(value.headers instanceof Headers)
  );
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

/** The origin the request was made to, from its Host header (core decides whether to trust it). */
export function nodeOrigin(req: NodeRequest): string {
  const proto =
    headerValue(req.headers["x-forwarded-proto"])?.split(",")[0]?.trim() ?? (req.socket?.encrypted ? "https" : "http");
  const host = headerValue(req.headers.host) ?? "localhost";
  return `${proto === "https" ? "https" : "http"}://${host}`;
}

async function readStream(req: NodeRequest): Promise<Uint8Array | undefined> {
  const iterator = req[Symbol.asyncIterator];
  if (iterator === undefined) return undefined;
  const chunks: Uint8Array[] = [];
  for await (const chunk of { [Symbol.asyncIterator]: () => iterator.call(req) }) {
    chunks.push(typeof chunk === "string" ? new TextEncoder().encode(chunk) : (chunk as Uint8Array));
  }
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Re-encodes a body Next.js already parsed, in the format its content type names. */
function encodeParsedBody(body: unknown, contentType: string): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string" || body instanceof Uint8Array) return body;
  if (contentType.includes("application/json")) return JSON.stringify(body);
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      form.append(key, typeof item === "string" ? item : JSON.stringify(item));
    }
  }
  return form.toString();
}

/** A web `Request` for a Node request; the body is carried over for POSTs. */
export async function toWebRequest(req: NodeRequest): Promise<Request> {
  const path = req.url ?? "/";
  const url = /^https?:\/\//.test(path) ? path : `${nodeOrigin(req)}${path.startsWith("/") ? path : `/${path}`}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(":")) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = (req.method ?? "GET").toUpperCase();
  let body: string | Uint8Array | undefined;
  if (method === "POST") {
    body =
      req.body === undefined ? await readStream(req) : encodeParsedBody(req.body, headers.get("content-type") ?? "");
    headers.delete("content-length");
    headers.delete("transfer-encoding");
  }
  return new Request(url, { method, headers, ...(body === undefined ? {} : { body: body as BodyInit }) });
}

/** Adds `Set-Cookie` lines to whatever the response already has. */
export function appendSetCookies(res: NodeResponse, lines: readonly string[]): void {
  if (lines.length === 0 || res.headersSent === true) return;
  const existing = res.getHeader("set-cookie");
  const current = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  res.setHeader("Set-Cookie", [...current, ...lines]);
}

/** Writes a web `Response` onto a Node response. */
export async function sendWebResponse(res: NodeResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  appendSetCookies(res, response.headers.getSetCookie());
  res.end(new Uint8Array(await response.arrayBuffer()));
}
