// Runs in both vitest projects: once with `#crypto` = node:crypto, once with WebCrypto. Each
// result is checked against node:crypto computed here directly, so both implementations are
// held to the same bytes.
import { createCipheriv, createHmac, hkdfSync, randomBytes as nodeRandom } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as platform from "#crypto";

describe("#crypto primitives (same bytes on every runtime)", () => {
  it("AES-256-GCM seals to the reference ciphertext and tag, and opens it", async () => {
    const raw = nodeRandom(32);
    const iv = nodeRandom(12);
    const aad = Buffer.from("header");
    const plaintext = Buffer.from("the quick brown fox".repeat(20));
    const cipher = createCipheriv("aes-256-gcm", raw, iv).setAAD(aad);
    const expected = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const tag = cipher.getAuthTag();

    const key = await platform.importAesKey(raw);
    const sealed = await platform.aesGcmSeal(key, iv, plaintext, aad);
    expect(Buffer.from(sealed.ciphertext)).toEqual(expected);
    expect(Buffer.from(sealed.tag)).toEqual(tag);
    expect(Buffer.from((await platform.aesGcmOpen(key, iv, expected, tag, aad)) as Uint8Array)).toEqual(plaintext);
    const badTag = Buffer.from(tag);
    badTag[0] = (badTag[0] as number) ^ 1;
    expect(await platform.aesGcmOpen(key, iv, expected, badTag, aad)).toBeNull();
    expect(await platform.aesGcmOpen(key, iv, expected, tag, Buffer.from("other"))).toBeNull();
  });

  it("HKDF-SHA-256 and HMAC-SHA-256 match node:crypto", async () => {
    const ikm = Buffer.from("secret");
    const salt = Buffer.from("next-auth.session-token");
    const info = Buffer.from("info");
    expect(Buffer.from(await platform.hkdfSha256(ikm, salt, info, 32))).toEqual(
      Buffer.from(hkdfSync("sha256", ikm, salt, info, 32)),
    );
    expect(Buffer.from(await platform.hmacSha256(ikm, info))).toEqual(createHmac("sha256", ikm).update(info).digest());
  });

  it("base64url is strict and unpadded", () => {
    const bytes = nodeRandom(100);
    const text = platform.base64urlEncode(bytes);
    expect(text).toBe(bytes.toString("base64url"));
    expect(Buffer.from(platform.base64urlDecode(text) as Uint8Array)).toEqual(bytes);
    for (const bad of ["ab+c", "ab/c", "ab=c", "a b", "abcde"]) expect(platform.base64urlDecode(bad)).toBeNull();
    expect(platform.base64urlDecode("")?.length).toBe(0);
  });

  it("timingSafeEqual compares bytes", () => {
    expect(platform.timingSafeEqual(Buffer.from("abc"), Buffer.from("abc"))).toBe(true);
    expect(platform.timingSafeEqual(Buffer.from("abc"), Buffer.from("abd"))).toBe(false);
    expect(platform.timingSafeEqual(Buffer.from("abc"), Buffer.from("ab"))).toBe(false);
  });

  it("randomBytes returns fresh bytes of the requested length", () => {
    const a = platform.randomBytes(32);
    expect(a).toHaveLength(32);
    expect(Buffer.from(a)).not.toEqual(Buffer.from(platform.randomBytes(32)));
  });
});
