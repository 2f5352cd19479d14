import { hkdfSync } from "node:crypto";
import { CompactEncrypt, EncryptJWT, compactDecrypt } from "jose";
import { encode as nextAuthEncode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decode, encode } from "../src/jwt/index.js";
import { Jar, SECRET, SESSION_COOKIE, get, makeAuth, session, signIn } from "./helpers.js";

const SALT = SESSION_COOKIE;
const now = () => Math.floor(Date.now() / 1000);

/** Our key for a purpose, derived independently of the code under test. */
function ourKey(secret: string, salt: string): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", secret, salt, "Gatehouse session token encryption key", 32));
}

function header(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[0] as string, "base64url").toString()) as Record<string, unknown>;
}

describe("encode / decode", () => {
  it("round-trips claims and adds iat, exp and jti (next-auth v4 signatures)", async () => {
    const token = await encode({ token: { sub: "42", role: "admin" }, secret: SECRET, maxAge: 60, salt: SALT });
    expect(token.split(".")).toHaveLength(5);
    expect(token.split(".")[1]).toBe("");
    const claims = await decode({ token, secret: SECRET, salt: SALT });
    expect(claims).toMatchObject({ sub: "42", role: "admin" });
    expect(claims?.exp).toBe((claims?.iat as number) + 60);
    expect(claims?.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("writes a standard JWE: dir + A256GCM with a kid, readable by jose with the HKDF key", async () => {
    const token = await encode({ token: { sub: "1" }, secret: SECRET, salt: SALT });
    expect(header(token)).toEqual({
      alg: "dir",
      enc: "A256GCM",
      kid: expect.stringMatching(/^[A-Za-z0-9_-]{12}$/) as unknown,
    });
    const { plaintext } = await compactDecrypt(token, ourKey(SECRET, SALT));
    expect(JSON.parse(new TextDecoder().decode(plaintext))).toMatchObject({ sub: "1" });
  });

  it("reads a token jose sealed with the same key and header", async () => {
    const ours = await encode({ token: {}, secret: SECRET, salt: SALT });
    const exp = now() + 100;
    const token = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify({ sub: "jose", exp })))
      .setProtectedHeader(header(ours) as { alg: string; enc: string })
      .encrypt(ourKey(SECRET, SALT));
    expect(await decode({ token, secret: SECRET, salt: SALT })).toEqual({ sub: "jose", exp });
  });

  it("keeps purposes apart: a token of one salt never opens as another", async () => {
    const token = await encode({ token: { sub: "1" }, secret: SECRET, salt: "next-auth.session-token" });
    expect(await decode({ token, secret: SECRET, salt: "next-auth.pkce.code_verifier" })).toBeNull();
    expect(await decode({ token, secret: SECRET, salt: "" })).toBeNull();
  });

  it("rejects tampered tokens", async () => {
    const token = await encode({ token: { sub: "1" }, secret: SECRET, salt: SALT });
    const parts = token.split(".");
    for (const index of [0, 2, 3, 4]) {
      const copy = [...parts];
      const segment = copy[index] as string;
      copy[index] = (segment[0] === "A" ? "B" : "A") + segment.slice(1);
      expect(await decode({ token: copy.join("."), secret: SECRET, salt: SALT }), `segment ${index}`).toBeNull();
    }
    expect(await decode({ token, secret: "another-secret-0123456789", salt: SALT })).toBeNull();
  });

  it("enforces exp with 15 seconds of tolerance", async () => {
    const justExpired = await encode({ token: {}, secret: SECRET, salt: SALT, maxAge: -10 });
    expect(await decode({ token: justExpired, secret: SECRET, salt: SALT })).not.toBeNull();
    const expired = await encode({ token: {}, secret: SECRET, salt: SALT, maxAge: -20 });
    expect(await decode({ token: expired, secret: SECRET, salt: SALT })).toBeNull();
  });

  it("rejects tokens issued in the future and tokens without exp", async () => {
    const ours = header(await encode({ token: {}, secret: SECRET, salt: SALT }));
    const seal = (claims: object) =>
      new CompactEncrypt(new TextEncoder().encode(JSON.stringify(claims)))
        .setProtectedHeader(ours as { alg: string; enc: string })
        .encrypt(ourKey(SECRET, SALT));
    expect(
      await decode({ token: await seal({ iat: now() + 60, exp: now() + 3600 }), secret: SECRET, salt: SALT }),
    ).toBeNull();
    expect(
      await decode({ token: await seal({ nbf: now() + 60, exp: now() + 3600 }), secret: SECRET, salt: SALT }),
    ).toBeNull();
    expect(await decode({ token: await seal({ sub: "no-exp" }), secret: SECRET, salt: SALT })).toBeNull();
    expect(await decode({ token: await seal({ exp: "soon" }), secret: SECRET, salt: SALT })).toBeNull();
  });

  it("rejects any other algorithm, encryption, or header member before decrypting", async () => {
    const key = ourKey(SECRET, SALT);
    const kid = header(await encode({ token: {}, secret: SECRET, salt: SALT })).kid as string;
    const payload = new TextEncoder().encode(JSON.stringify({ exp: now() + 100 }));
    const attempts = [
      new CompactEncrypt(payload).setProtectedHeader({ alg: "dir", enc: "A128GCM", kid }).encrypt(key.subarray(0, 16)),
      new CompactEncrypt(payload)
        .setProtectedHeader({ alg: "dir", enc: "A256CBC-HS512", kid })
        .encrypt(new Uint8Array(64)),
      new CompactEncrypt(payload).setProtectedHeader({ alg: "A256KW", enc: "A256GCM", kid }).encrypt(key),
      new CompactEncrypt(payload).setProtectedHeader({ alg: "dir", enc: "A256GCM", kid, zip: "DEF" }).encrypt(key),
      new CompactEncrypt(payload).setProtectedHeader({ alg: "dir", enc: "A256GCM", kid: "unknown-kid1" }).encrypt(key),
      new CompactEncrypt(payload).setProtectedHeader({ enc: "A256GCM", alg: "dir", kid }).encrypt(key),
    ];
    for (const attempt of attempts) {
      expect(await decode({ token: await attempt, secret: SECRET, salt: SALT })).toBeNull();
    }
    const unsecured = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"sub":"1"}').toString("base64url")}.`;
    expect(await decode({ token: unsecured, secret: SECRET, salt: SALT })).toBeNull();
  });

  it("rejects malformed and oversized input without throwing", async () => {
    const token = await encode({ token: {}, secret: SECRET, salt: SALT });
    const bad = [
      "",
      "a",
      "a.b.c.d.e",
      "....",
      `${token}.x`,
      token.replace(/\./g, ".."),
      `${token.slice(0, -3)}$$$`,
      "x".repeat(20_000),
    ];
    for (const value of bad) expect(await decode({ token: value, secret: SECRET, salt: SALT })).toBeNull();
    const huge = await encode({ token: { pad: "x".repeat(13_000) }, secret: SECRET, salt: SALT });
    expect(huge.length).toBeGreaterThan(16 * 1024);
    expect(await decode({ token: huge, secret: SECRET, salt: SALT })).toBeNull();
  });
});

describe("secret rotation", () => {
  const OLD = "old-secret-0123456789abcdefghij";
  const NEW = "new-secret-0123456789abcdefghij";

  it("encrypts with the first secret and decrypts with any", async () => {
    const old = await encode({ token: { sub: "1" }, secret: OLD, salt: SALT });
    expect(await decode({ token: old, secret: [NEW, OLD], salt: SALT })).toMatchObject({ sub: "1" });
    const fresh = await encode({ token: { sub: "2" }, secret: [NEW, OLD], salt: SALT });
    expect(await decode({ token: fresh, secret: NEW, salt: SALT })).toMatchObject({ sub: "2" });
    expect(await decode({ token: fresh, secret: OLD, salt: SALT })).toBeNull();
    expect(header(old).kid).not.toBe(header(fresh).kid);
  });

  it("re-issues an old-secret session cookie under the new secret", async () => {
    const before = makeAuth({ secret: OLD });
    const { jar } = await signIn(before);
    const after = makeAuth({ secret: [NEW, OLD] });
    const response = await get(after, "/session", jar);
    expect(((await response.json()) as { user: unknown }).user).toMatchObject({ id: "1" });
    const reissued = jar.cookies.get(SESSION_COOKIE) as string;
    expect(await decode({ token: reissued, secret: NEW, salt: SALT })).toMatchObject({ sub: "1" });
    expect(await session(makeAuth({ secret: NEW }), jar)).toMatchObject({ user: { id: "1" } });
  });
});

describe("next-auth v4 tokens", () => {
  it("decodes a token made by next-auth@4's own encode", async () => {
    const v4 = await nextAuthEncode({ token: { name: "Ada", email: "ada@example.com", sub: "1" }, secret: SECRET });
    expect(header(v4)).toEqual({ alg: "dir", enc: "A256GCM" });
    expect(await decode({ token: v4, secret: SECRET })).toMatchObject({ sub: "1", email: "ada@example.com" });
    expect(await decode({ token: v4, secret: SECRET, salt: SALT })).toMatchObject({ sub: "1" });
    expect(await decode({ token: v4, secret: SECRET, salt: "next-auth.pkce.code_verifier" })).toBeNull();
    expect(await decode({ token: v4, secret: "different-secret-0123456789" })).toBeNull();
  });

  it("keeps a migrated user signed in and re-issues the cookie in Gatehouse's format", async () => {
    const auth = makeAuth();
    const jar = new Jar();
    jar.cookies.set(
      SESSION_COOKIE,
      await nextAuthEncode({ token: { name: "Ada", email: "ada@example.com", sub: "1" }, secret: SECRET }),
    );
    const response = await get(auth, "/session", jar);
    expect(await response.json()).toMatchObject({ user: { id: "1", name: "Ada", email: "ada@example.com" } });
    const reissued = jar.cookies.get(SESSION_COOKIE) as string;
    expect(header(reissued).kid).toBeDefined();
    expect(await decode({ token: reissued, secret: SECRET, salt: SALT })).toMatchObject({ sub: "1" });
  });

  it("does not accept an expired v4 token", async () => {
    const expired = await nextAuthEncode({ token: { sub: "1" }, secret: SECRET, maxAge: -60 });
    expect(await decode({ token: expired, secret: SECRET })).toBeNull();
  });

  it("does not accept a v4-style token with an extra header member", async () => {
    const key = new Uint8Array(hkdfSync("sha256", SECRET, "", "NextAuth.js Generated Encryption Key", 32));
    const token = await new EncryptJWT({ sub: "1" })
      .setProtectedHeader({ alg: "dir", enc: "A256GCM", cty: "JWT" })
      .setExpirationTime("1h")
      .encrypt(key);
    expect(await decode({ token, secret: SECRET })).toBeNull();
  });
});
