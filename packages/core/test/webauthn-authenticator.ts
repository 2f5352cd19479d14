/**
 * A software authenticator for the unit tests: a real P-256 key pair (WebCrypto) that makes real
 * WebAuthn registration and authentication responses (attestation "none", §8.7), the way a
 * browser hands them over (`PublicKeyCredential.toJSON()`). It signs what it is told to — a
 * challenge, an origin, a counter, flags — so a test can play an honest authenticator, a clone
 * that replays a counter, or a phishing page's origin. Faking at the edge: the server side runs
 * @simplewebauthn/server unchanged.
 */
import { createHash, webcrypto } from "node:crypto";

const subtle = webcrypto.subtle;

export const b64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array): Uint8Array => new Uint8Array(createHash("sha256").update(data).digest());
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

// Just enough CBOR (RFC 8949) for an attestation object and a COSE key.
type Cbor = number | string | Uint8Array | Map<Cbor, Cbor>;
function head(major: number, length: number): Uint8Array {
  if (length < 24) return new Uint8Array([(major << 5) | length]);
  if (length < 256) return new Uint8Array([(major << 5) | 24, length]);
  return new Uint8Array([(major << 5) | 25, length >> 8, length & 0xff]);
}
function cbor(value: Cbor): Uint8Array {
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") {
    const bytes = new TextEncoder().encode(value);
    return concat(head(3, bytes.length), bytes);
  }
  if (value instanceof Uint8Array) return concat(head(2, value.length), value);
  return concat(head(5, value.size), ...[...value].flatMap(([key, item]) => [cbor(key), cbor(item)]));
}

/** A raw r‖s ECDSA signature (WebCrypto) as ASN.1 DER (what WebAuthn carries). */
function derSignature(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array): Uint8Array => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    let trimmed: Uint8Array = bytes.slice(start);
    if ((trimmed[0] as number) & 0x80) trimmed = concat(new Uint8Array([0]), trimmed);
    return concat(new Uint8Array([0x02, trimmed.length]), trimmed);
  };
  const body = concat(integer(raw.slice(0, 32)), integer(raw.slice(32)));
  return concat(new Uint8Array([0x30, body.length]), body);
}

/** Authenticator data flags (§6.1). */
export const FLAGS = { UP: 0x01, UV: 0x04, BE: 0x08, BS: 0x10, AT: 0x40 } as const;

/** What one ceremony's answer should say (defaults: an honest, synced platform passkey). */
export interface Answer {
  origin?: string;
  rpId?: string;
  counter?: number;
  /** @default UP | UV | BE | BS */
  flags?: number;
  type?: string;
}

/** One credential on the software authenticator. */
export class SoftwareAuthenticator {
  readonly credentialId: Uint8Array = webcrypto.getRandomValues(new Uint8Array(32));
  counter: number;
  userHandle: string | undefined;
  private constructor(
    private readonly keys: CryptoKeyPair,
    counter: number,
  ) {
    this.counter = counter;
  }

  /** A new credential; `counter` is where its signature counter starts (0: it keeps none). */
  static async create(counter = 0): Promise<SoftwareAuthenticator> {
    const keys = await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
    return new SoftwareAuthenticator(keys, counter);
  }

  /** A copy of this credential — the same key and counter — as a cloned authenticator has it. */
  clone(): SoftwareAuthenticator {
    const copy = new SoftwareAuthenticator(this.keys, this.counter);
    (copy as { credentialId: Uint8Array }).credentialId = this.credentialId;
    copy.userHandle = this.userHandle;
    return copy;
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  private authData(rpId: string, flags: number, counter: number, attested?: Uint8Array): Uint8Array {
    const count = new Uint8Array(4);
    new DataView(count.buffer).setUint32(0, counter);
    return concat(sha256(new TextEncoder().encode(rpId)), new Uint8Array([flags]), count, attested ?? new Uint8Array());
  }

  private clientData(type: string, challenge: string, origin: string): Uint8Array {
    return new TextEncoder().encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** The answer to `navigator.credentials.create({ publicKey: options })`. */
  async register(options: Record<string, unknown>, answer: Answer = {}): Promise<Record<string, unknown>> {
    const rp = options.rp as { id: string };
    const user = options.user as { id: string };
    this.userHandle = user.id;
    const jwk = await subtle.exportKey("jwk", this.keys.publicKey);
    const coseKey = cbor(
      new Map<Cbor, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, new Uint8Array(Buffer.from(jwk.x as string, "base64url"))],
        [-3, new Uint8Array(Buffer.from(jwk.y as string, "base64url"))],
      ]),
    );
    const idLength = new Uint8Array([this.credentialId.length >> 8, this.credentialId.length & 0xff]);
    const attested = concat(new Uint8Array(16), idLength, this.credentialId, coseKey);
    const flags = (answer.flags ?? FLAGS.UP | FLAGS.UV | FLAGS.BE | FLAGS.BS) | FLAGS.AT;
    const authData = this.authData(answer.rpId ?? rp.id, flags, answer.counter ?? this.counter, attested);
    const attestationObject = cbor(
      new Map<Cbor, Cbor>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", authData],
      ]),
    );
    const clientDataJSON = this.clientData(
      answer.type ?? "webauthn.create",
      options.challenge as string,
      answer.origin ?? "http://localhost:3000",
    );
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: ["internal", "hybrid"],
      },
    };
  }

  /**
   * The answer to `navigator.credentials.get({ publicKey: options })`; the counter moves on by
   * one first when the credential keeps one.
   */
  async authenticate(options: Record<string, unknown>, answer: Answer = {}): Promise<Record<string, unknown>> {
    if (this.counter > 0 && answer.counter === undefined) this.counter += 1;
    const flags = answer.flags ?? FLAGS.UP | FLAGS.UV | FLAGS.BE | FLAGS.BS;
    const authData = this.authData(answer.rpId ?? (options.rpId as string), flags, answer.counter ?? this.counter);
    const clientDataJSON = this.clientData(
      answer.type ?? "webauthn.get",
      options.challenge as string,
      answer.origin ?? "http://localhost:3000",
    );
    const signed = concat(authData, sha256(clientDataJSON));
    const raw = new Uint8Array(await subtle.sign({ name: "ECDSA", hash: "SHA-256" }, this.keys.privateKey, signed));
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(derSignature(raw)),
        ...(this.userHandle === undefined ? {} : { userHandle: this.userHandle }),
      },
    };
  }
}
