// A custom `jwt.encode` / `jwt.decode` (next-auth's option, e.g. a signed JWT another service
// reads) replaces the built-in sealing for every session read and write: sign-in, GET session,
// getSession, update, re-issue and sign-out. Each call gets the cookie name as `salt`, so one
// app's cookies of different purposes never open as each other. A decoder that throws is no
// session, never a 500.
import { describe, expect, it } from "vitest";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "../src/index.js";
import {
  Jar,
  SECRET,
  clock,
  csrf,
  get,
  makeAuth,
  postForm,
  recordingLogger,
  session,
  setCookies,
  signIn,
} from "./helpers.js";

const COOKIE = "next-auth.session-token";
const MAX_AGE = 3600;

/**
 * A codec no built-in decoder can read: `custom.<base64url JSON>`, bound to its salt. It adds
 * iat, exp and jti as next-auth's encode does (sign-out revokes by jti).
 */
function customCodec(now: () => number) {
  const calls: { op: "encode" | "decode"; salt: string | undefined; secret: unknown; maxAge?: number }[] = [];
  let failEncode = false;
  let failDecode = false;
  const encode = ({ token, secret, maxAge, salt }: JWTEncodeParams): string => {
    calls.push({ op: "encode", salt, secret, ...(maxAge === undefined ? {} : { maxAge }) });
    if (failEncode) throw new Error("KMS unreachable (key arn:secret-key-id)");
    const iat = Math.floor(now() / 1000);
    const claims = { ...token, iat, exp: iat + (maxAge ?? 0), jti: token?.jti ?? globalThis.crypto.randomUUID() };
    return `custom.${Buffer.from(JSON.stringify({ salt, claims })).toString("base64url")}`;
  };
  const decode = ({ token, secret, salt }: JWTDecodeParams): JWT | null => {
    calls.push({ op: "decode", salt, secret });
    if (failDecode) throw new Error("KMS unreachable (key arn:secret-key-id)");
    if (typeof token !== "string" || !token.startsWith("custom.")) return null;
    const body = JSON.parse(Buffer.from(token.slice(7), "base64url").toString()) as { salt: string; claims: JWT };
    if (body.salt !== salt) return null;
    return typeof body.claims.exp === "number" && body.claims.exp * 1000 > now() ? body.claims : null;
  };
  return {
    jwt: { encode, decode, maxAge: MAX_AGE },
    calls,
    failEncode: (on: boolean) => {
      failEncode = on;
    },
    failDecode: (on: boolean) => {
      failDecode = on;
    },
  };
}

function setup() {
  const time = clock();
  const codec = customCodec(time.now);
  const { logger, lines } = recordingLogger();
  const auth = makeAuth({ jwt: codec.jwt, now: time.now, session: { updateAge: 60 }, logger });
  return { time, codec, auth, lines };
}

const page = (jar: Jar) => new Request("http://localhost:3000/page", { headers: { cookie: jar.header() } });

describe("custom jwt.encode / jwt.decode", () => {
  it("write and read the session cookie at sign-in, GET session, getSession, update, re-issue and sign-out, salt = cookie name", async () => {
    const { time, codec, auth } = setup();

    const { jar, response } = await signIn(auth);
    const written = setCookies(response).find((cookie) => cookie.name === COOKIE);
    expect(written?.value).toMatch(/^custom\./);
    expect(codec.calls.filter((call) => call.op === "encode")).toEqual([
      { op: "encode", salt: COOKIE, secret: SECRET, maxAge: MAX_AGE },
    ]);

    // Reads go through the custom decoder (the built-in one cannot open "custom." tokens).
    expect(await session(auth, jar)).toMatchObject({ user: { id: "1", email: "ada@example.com" } });
    expect((await auth.getSession(page(jar))).session).toMatchObject({ user: { id: "1" } });

    // update(): written again by the custom encoder.
    const before = jar.cookies.get(COOKIE);
    time.advance(1);
    const updated = await postForm(auth, "/session", { csrfToken: await csrf(auth, jar), data: "{}" }, jar);
    expect(updated.status).toBe(200);
    expect(jar.cookies.get(COOKIE)).toMatch(/^custom\./);
    expect(jar.cookies.get(COOKIE)).not.toBe(before);

    // Re-issue once updateAge has passed: the custom encoder again.
    time.advance(120);
    const stale = jar.cookies.get(COOKIE);
    await get(auth, "/session", jar);
    expect(jar.cookies.get(COOKIE)).toMatch(/^custom\./);
    expect(jar.cookies.get(COOKIE)).not.toBe(stale);

    // Sign-out decodes with the custom decoder to revoke the token's id: a copy stops working.
    const copy = new Jar();
    copy.cookies.set(COOKIE, jar.cookies.get(COOKIE)!);
    await postForm(auth, "/signout", { csrfToken: await csrf(auth, jar), json: "true" }, jar);
    expect(jar.cookies.has(COOKIE)).toBe(false);
    expect(await session(auth, copy)).toEqual({});

    expect(codec.calls.filter((call) => call.op === "encode").length).toBeGreaterThanOrEqual(3);
    expect(codec.calls.filter((call) => call.op === "decode").length).toBeGreaterThanOrEqual(5);
    for (const call of codec.calls) expect(call, call.op).toMatchObject({ salt: COOKIE, secret: SECRET });
  });

  it("get the __Secure- cookie name as salt over https", async () => {
    const time = clock();
    const codec = customCodec(time.now);
    const https = "https://app.example.com";
    const auth = makeAuth({ url: https, jwt: codec.jwt, now: time.now });
    const jar = new Jar();
    const csrfToken = await csrf(auth, jar, `${https}/api/auth`);
    await postForm(
      auth,
      `${https}/api/auth/callback/credentials`,
      { csrfToken, email: "ada@example.com", password: "correct horse", json: "true" },
      jar,
    );
    expect(jar.cookies.get("__Secure-next-auth.session-token")).toMatch(/^custom\./);
    expect(await (await get(auth, `${https}/api/auth/session`, jar)).json()).toMatchObject({ user: { id: "1" } });
    expect(codec.calls.map((call) => call.salt)).toEqual([
      "__Secure-next-auth.session-token",
      "__Secure-next-auth.session-token",
    ]);
  });

  it("a jwt.decode that throws is no session, not a 500, and shows nothing of the error", async () => {
    const { codec, auth, lines } = setup();
    const { jar } = await signIn(auth);
    codec.failDecode(true);

    const copy = new Jar();
    copy.cookies.set(COOKIE, jar.cookies.get(COOKIE)!);
    const response = await get(auth, "/session", jar);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({});
    expect(body).not.toContain("KMS");
    expect((await auth.getSession(page(copy))).session).toBeNull();
    expect(lines.some(([level, code]) => level === "error" && code === "JWT_DECODE_ERROR")).toBe(true);

    // Sign-out still signs the browser out.
    const signedOut = await postForm(auth, "/signout", { csrfToken: await csrf(auth, copy), json: "true" }, copy);
    expect(signedOut.status).toBe(200);
    expect(copy.cookies.has(COOKIE)).toBe(false);
  });

  it("a jwt.encode that throws at sign-in sets no session cookie and shows nothing of the error", async () => {
    const { codec, auth } = setup();
    codec.failEncode(true);
    const { jar, response } = await signIn(auth);
    expect(response.status).not.toBeLessThan(400);
    expect(setCookies(response).some((cookie) => cookie.name.includes("session-token"))).toBe(false);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ error: "Configuration" });
    expect(body).not.toContain("KMS");
    expect(jar.cookies.has(COOKIE)).toBe(false);

    codec.failEncode(false);
    expect(await session(auth, jar)).toEqual({});
  });
});
