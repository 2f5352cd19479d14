/**
 * IP addresses as the rate limits count them: IPv4 as itself, IPv6 by its /64 network (one
 * subscriber's LAN, handed out whole, so counting single IPv6 addresses would let one machine
 * rotate through 2^64 of them), and IPv4-mapped IPv6 (`::ffff:192.0.2.1`, what a dual-stack
 * socket reports) as the IPv4 address it carries. Strict parsing: anything that is not an
 * address is `null`, never a guess.
 */

/** A parsed address: 4 bytes, or 8 16-bit groups. */
export type IpAddress =
  | { readonly version: 4; readonly parts: readonly number[] }
  | {
      readonly version: 6;
      readonly parts: readonly number[];
    };

const IPV4 =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const GROUP = /^[0-9A-Fa-f]{1,4}$/;

function parseIpv4(text: string): number[] | null {
  const match = IPV4.exec(text);
  return match === null ? null : match.slice(1).map(Number);
}

function parseGroups(text: string): number[] | null {
  if (text === "") return [];
  const out: number[] = [];
  const pieces = text.split(":");
  for (const [index, piece] of pieces.entries()) {
    if (index === pieces.length - 1 && piece.includes(".")) {
      const v4 = parseIpv4(piece);
      if (v4 === null) return null;
      out.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number));
    } else if (GROUP.test(piece)) out.push(Number.parseInt(piece, 16));
    else return null;
  }
  return out;
}

function parseIpv6(text: string): number[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0] as string);
  const tail = halves.length === 2 ? parseGroups(halves[1] as string) : [];
  if (head === null || tail === null) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...new Array<number>(missing).fill(0), ...tail] : null;
}

/**
 * Parses one address as sockets and `X-Forwarded-For` entries write it: `192.0.2.1`,
 * `192.0.2.1:443`, `2001:db8::1`, `[2001:db8::1]:443`, `fe80::1%eth0`.
 * @returns the address (IPv4-mapped IPv6 as IPv4), or `null` when `raw` is not one.
 */
export function parseIpAddress(raw: string): IpAddress | null {
  let text = raw.trim();
  if (text.length === 0 || text.length > 64) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed !== null) text = bracketed[1] as string;
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.indexOf(":"));
  const zone = text.indexOf("%");
  if (zone !== -1 && text.includes(":")) text = text.slice(0, zone);
  const v4 = parseIpv4(text);
  if (v4 !== null) return { version: 4, parts: v4 };
  const v6 = parseIpv6(text);
  if (v6 === null) return null;
  if (v6.slice(0, 5).every((group) => group === 0) && v6[5] === 0xffff) {
    const [high = 0, low = 0] = v6.slice(6);
    return { version: 4, parts: [high >> 8, high & 0xff, low >> 8, low & 0xff] };
  }
  return { version: 6, parts: v6 };
}

/**
 * The key an address counts under: `192.0.2.1` for IPv4, `2001:db8:0:1::/64` for IPv6 (its
 * first four groups, lower-case, without leading zeros).
 */
export function addressKey(address: IpAddress): string {
  return address.version === 4
    ? address.parts.join(".")
    : `${address.parts
        .slice(0, 4)
        .map((group) => group.toString(16))
        .join(":")}::/64`;
}

/**
 * Whether the address is loopback, link-local or private (RFC 1918, RFC 6598 shared space,
 * RFC 4193 unique local): where a reverse proxy in front of the app usually connects from.
 */
export function isPrivateAddress(address: IpAddress): boolean {
  const [a = 0, b = 0] = address.parts;
  if (address.version === 4) {
    return (
      a === 10 ||
      a === 127 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const loopback = address.parts.slice(0, 7).every((group) => group === 0) && address.parts[7] === 1;
  return loopback || (a & 0xfe00) === 0xfc00 || (a & 0xffc0) === 0xfe80;
}

/** Whether `address` is this machine's own: 127.0.0.0/8 or ::1 (IPv4-mapped included). */
export function isLoopbackAddress(address: IpAddress): boolean {
  if (address.version === 4) return address.parts[0] === 127;
  return address.parts.slice(0, 7).every((group) => group === 0) && address.parts[7] === 1;
}
