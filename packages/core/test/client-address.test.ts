// Parsing and grouping client addresses: strict, IPv6 per /64, IPv4-mapped IPv6 as IPv4.
import { describe, expect, it } from "vitest";
import { addressKey, isPrivateAddress, parseIpAddress } from "../src/lib/http/ip-address.js";

const key = (raw: string): string | null => {
  const address = parseIpAddress(raw);
  return address === null ? null : addressKey(address);
};

describe("client addresses", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["203.0.113.7:51234", "203.0.113.7"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["2001:DB8:0:0:FFFF::1", "2001:db8:0:0::/64"],
    ["[2001:db8:a:b::1]:443", "2001:db8:a:b::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["::ffff:c000:201", "192.0.2.1"],
    ["[::ffff:192.0.2.1]:80", "192.0.2.1"],
    ["2001:db8:1:2:3:4:192.0.2.1", "2001:db8:1:2::/64"],
  ])("%s counts as %s", (raw, expected) => {
    expect(key(raw)).toBe(expected);
  });

  it.each([
    "",
    "unknown",
    "203.0.113",
    "203.0.113.256",
    "01.2.3.4",
    "1.2.3.4.5",
    "2001:db8::1::2",
    "2001:db8:1:2:3:4:5:6:7",
    "1:2:3:4:5:6:7:8::",
    "::ffff:192.0.2",
    "[2001:db8::1",
    "g::1",
    "12345::1",
    "203.0.113.7, 198.51.100.1",
    "localhost",
  ])("%j is not an address", (raw) => {
    expect(parseIpAddress(raw)).toBeNull();
  });

  it("tells private and loopback addresses (where proxies connect from) from public ones", () => {
    const isPrivate = (raw: string): boolean => isPrivateAddress(parseIpAddress(raw)!);
    for (const raw of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "100.64.0.1",
      "169.254.1.1",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
    ]) {
      expect(isPrivate(raw), raw).toBe(true);
    }
    for (const raw of ["203.0.113.7", "172.32.0.1", "8.8.8.8", "2001:db8::1", "::2"]) {
      expect(isPrivate(raw), raw).toBe(false);
    }
  });
});
