// The pages-router bridge reads a bounded body once and never re-serialises an unbounded one:
// through the real `export default NextAuth(options)` handler on a Node HTTP server, a JSON body
// nested 10,000 deep (parsed by the server first, as Next's body parser does) is a 400, and an
// oversized body — parsed or streamed — is a 413, as in the App Router; never a 500, and the
// server answers the next request.
import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import NextAuth from "../src/index.js";
import { SECRET, provider, serve } from "./helpers.js";
import { boundedJson } from "../src/lib/bounded-body.js";

const options = { secret: SECRET, providers: [provider()] };
const handler = NextAuth(options);
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

function deepJson(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;
}

async function post(url: string, body: string, type = "application/json"): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}/api/auth/callback/credentials`,
      { method: "POST", headers: { "content-type": type, accept: "application/json" } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
        });
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("pages-router bridge: bounded body", () => {
  it("deep JSON (10,000 nested), parsed as Next does: 400, not a 500 from re-serialising it", async () => {
    const server = await serve((req, res) => handler(req, res));
    close = server.close;
    const { url } = server;
    const answer = await post(url, deepJson(10_000));
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/nests too deeply/);
    // The server still answers.
    expect((await fetch(`${url}/api/auth/providers`)).status).toBe(200);
  });

  it("an oversized parsed body: 413", async () => {
    const server = await serve((req, res) => handler(req, res));
    close = server.close;
    const answer = await post(server.url, JSON.stringify({ email: "x".repeat(200_000) }));
    expect(answer.status).toBe(413);
  });

  it("an oversized streamed body (no body parser): 413, read no further than the limit", async () => {
    const received: boolean[] = [];
    const server = await serve(async (req, res) => {
      await handler(req, res);
      received.push(req.complete);
    }, false);
    close = server.close;
    const answer = await post(server.url, `email=${"x".repeat(1_000_000)}`, "application/x-www-form-urlencoded");
    expect(answer.status).toBe(413);
    // The bridge stopped reading at the limit: the rest of the megabyte was never taken in.
    expect(received).toEqual([false]);
    expect((await fetch(`${server.url}/api/auth/providers`)).status).toBe(200);
  });

  it("a small parsed body still signs in (the bridge's encoding is the body)", async () => {
    const server = await serve((req, res) => handler(req, res));
    close = server.close;
    const csrf = await fetch(`${server.url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ csrfToken, email: "ada@example.com", password: "correct horse", json: true }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().some((line) => line.startsWith("next-auth.session-token="))).toBe(true);
  });
});

describe("boundedJson", () => {
  it("is JSON.stringify for ordinary values", () => {
    const value = { a: [1, "two", null, { b: true }, undefined], c: undefined, d: 'é"\n' };
    expect(boundedJson(value, 1000)).toBe(JSON.stringify(value));
  });

  it("stops past the limit, without recursion, however deep", () => {
    let root: Record<string, unknown> = {};
    const top = root;
    for (let i = 0; i < 1_000_000; i++) {
      const next = {};
      root.a = next;
      root = next;
    }
    expect(boundedJson(top, 100).length).toBe(101);
  });
});
