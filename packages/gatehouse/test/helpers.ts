/** Helpers: a real Node HTTP server around a pages-router style handler, and a cookie jar. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Credentials from "../src/providers/credentials.js";

export const SECRET = "gatehouse-package-test-secret-0123456789";

export function provider(): ReturnType<typeof Credentials> {
  return Credentials({
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    authorize: (credentials) =>
      credentials?.email === "ada@example.com" && credentials.password === "correct horse"
        ? { id: "1", name: "Ada", email: "ada@example.com", role: "admin" }
        : null,
  });
}

/** Starts a server on a free loopback port; `handler` gets Next-like `req` (with parsed `body`) and `res`. */
export async function serve(
  handler: (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => Promise<void> | void,
  parseBody = true,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (parseBody && req.method === "POST") {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const text = Buffer.concat(chunks).toString();
        const type = req.headers["content-type"] ?? "";
        // As Next's body parser does: form → object (repeated keys → arrays), JSON → object.
        (req as IncomingMessage & { body?: unknown }).body = type.includes("json")
          ? (JSON.parse(text) as unknown)
          : Object.fromEntries(
              [...new URLSearchParams(text).keys()].map((key) => {
                const all = new URLSearchParams(text).getAll(key);
                return [key, all.length > 1 ? all : all[0]];
              }),
            );
      }
      try {
        await handler(req, res);
      } catch (error) {
        res.statusCode = 599;
        res.end(String(error));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A cookie jar over fetch. */
export class Jar {
  readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.header());
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    this.take(response);
    return response;
  }
}

/** Signs in through `${base}/api/auth` with the credentials provider. */
export async function signInOver(base: string, jar: Jar, password = "correct horse"): Promise<Response> {
  const { csrfToken } = (await (await jar.fetch(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
  return jar.fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email: "ada@example.com", password, json: "true" }),
  });
}
