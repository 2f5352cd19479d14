/**
 * The pages router hands us Node's request and response (`NextApiRequest`/`NextApiResponse`,
 * or `getServerSideProps`' `req`/`res`). These turn them into a web `Request` for core, and
 * core's `Response` back onto them. Typed structurally, so nothing here imports Node.
 */
import { DEFAULTS } from "@gatehouse/core";
import { encodeParsedBody, readBoundedStream } from "./bounded-body.js";

/** What we use of a Node request (with Next's parsed `body`, when present). */
export interface NodeRequest {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  socket?: { remoteAddress?: string | undefined; encrypted?: boolean } | undefined;
  /** Node: whether the whole message has been received (`false` once a body was cut off). */
  complete?: boolean;
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
    // Bounded: core reads no more than this, so neither reading nor re-encoding goes further.
    const limit = DEFAULTS.maxBodyBytes;
    const iterator = req[Symbol.asyncIterator];
    if (req.body !== undefined) body = encodeParsedBody(req.body, headers.get("content-type") ?? "", limit);
    else if (iterator !== undefined)
      body = (await readBoundedStream({ [Symbol.asyncIterator]: () => iterator.call(req) }, limit)).bytes;
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
