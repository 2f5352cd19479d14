// The development mailbox lists live sign-in links (issue 9, item 3): it must answer only in an
// explicit development environment, and only a browser on this machine — never the test or
// production environment, never a client elsewhere on the network, never one that only claims
// to be local through a forged Host or X-Forwarded-For.
import { describe, expect, it } from "vitest";
import type { AuthConfig, AuthHandler } from "../src/index.js";
import Email from "../src/providers/email.js";
import { memoryDatabase } from "./database.js";
import { AUTH, makeAuth } from "./helpers.js";

async function mailboxAuth(environment: AuthConfig["environment"]): Promise<AuthHandler> {
  const db = await memoryDatabase();
  return makeAuth({ adapter: db.adapter, environment, providers: [Email()] });
}

function open(
  auth: AuthHandler,
  { base = AUTH, peer, headers = {} }: { base?: string; peer?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  return auth(new Request(`${base}/dev-mailbox`, { headers }), peer === undefined ? {} : { clientAddress: peer });
}

describe("the dev mailbox answers only development, and only this machine", () => {
  it("in the test environment it does not exist", async () => {
    expect((await open(await mailboxAuth("test"), { peer: "127.0.0.1" })).status).toBe(404);
  });

  it("a client elsewhere on the network gets a 404, whatever Host it sends", async () => {
    const auth = await mailboxAuth("development");
    expect((await open(auth, { peer: "192.168.1.23" })).status).toBe(404);
    expect((await open(auth, { peer: "2001:db8::7" })).status).toBe(404);
    expect((await open(auth, { peer: "192.168.1.23", headers: { "x-forwarded-for": "127.0.0.1" } })).status).toBe(404);
  });

  it("a loopback connection is answered (IPv4, IPv6, IPv4-mapped)", async () => {
    const auth = await mailboxAuth("development");
    for (const peer of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) expect((await open(auth, { peer })).status).toBe(200);
  });

  it("with no connection address (the App Router): a non-loopback Host, or a forwarded remote client, gets a 404", async () => {
    const auth = await mailboxAuth("development");
    expect((await open(auth, { base: "http://192.168.1.5:3000/api/auth" })).status).toBe(404);
    expect((await open(auth, { base: "http://dev.example.com/api/auth" })).status).toBe(404);
    expect((await open(auth, { headers: { "x-forwarded-for": "203.0.113.9" } })).status).toBe(404);
    expect((await open(auth, { headers: { "x-forwarded-for": "127.0.0.1, 203.0.113.9" } })).status).toBe(404);
    expect((await open(auth, { headers: { forwarded: "for=203.0.113.9" } })).status).toBe(404);
    // What Next.js's own server writes for a browser on this machine.
    expect((await open(auth, { headers: { "x-forwarded-for": "::1" } })).status).toBe(200);
    expect((await open(auth, { base: "http://127.0.0.1:3000/api/auth" })).status).toBe(200);
  });
});
