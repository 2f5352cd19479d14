// The default store's pools: counters, security state and other values never crowd each other
// out, and a full pool refuses instead of forgetting.
import { describe, expect, it } from "vitest";
import { MemoryStore, SECURITY_KEY_PREFIXES, StoreFullError } from "../src/index.js";
import { clock } from "./helpers.js";

describe("MemoryStore", () => {
  it("peek reads a counter without counting, and says null when there is none", async () => {
    const time = clock(1_000_000);
    const store = new MemoryStore({ now: time.now });
    expect(await store.peek("k")).toBeNull();
    expect(await store.hit("k", 60_000)).toEqual({ count: 1, resetAt: 1_060_000 });
    expect(await store.peek("k")).toEqual({ count: 1, resetAt: 1_060_000 });
    expect(await store.peek("k")).toEqual({ count: 1, resetAt: 1_060_000 });
    expect((await store.hit("k", 60_000)).count).toBe(2);
    time.advance(60);
    expect(await store.peek("k")).toBeNull();
    expect(await store.hit("k", 60_000)).toEqual({ count: 1, resetAt: 1_120_000 });
  });

  it("a full counter pool refuses new keys (hit and peek reject), keeps counting live ones, and frees room as they expire", async () => {
    const time = clock(0);
    const store = new MemoryStore({ now: time.now, maxCounters: 3 });
    await store.hit("a", 10_000);
    await store.hit("b", 20_000);
    await store.hit("c", 20_000);
    const refused = await store.hit("d", 10_000).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StoreFullError);
    expect((refused as StoreFullError).code).toBe("StoreFull");
    expect((refused as StoreFullError).retryAfterMs).toBe(10_000);
    expect((refused as StoreFullError).message).toContain("maxCounters");
    await expect(store.peek("d")).rejects.toBeInstanceOf(StoreFullError);
    expect((await store.hit("a", 10_000)).count).toBe(2);
    expect(await store.peek("b")).toEqual({ count: 1, resetAt: 20_000 });
    time.advance(10);
    expect(await store.peek("d")).toBeNull();
    expect((await store.hit("d", 10_000)).count).toBe(1);
    await store.delete("b");
    expect((await store.hit("e", 10_000)).count).toBe(1);
  });

  it("counters never touch revocations or session epochs, which nothing evicts", async () => {
    const store = new MemoryStore({ maxCounters: 10, maxSecurityEntries: 2, maxValues: 1 });
    expect(SECURITY_KEY_PREFIXES).toEqual(["gatehouse:revoked:", "gatehouse:epoch:"]);
    await store.set("gatehouse:revoked:jti-1", "1", 60_000);
    await store.set("gatehouse:epoch:user-1", "5", 60_000);
    for (let i = 0; i < 100; i++) await store.hit(`gatehouse:rl:fail:credentials:id:${i}`, 60_000).catch(() => null);
    await store.set("other:1", "x", 60_000);
    await expect(store.set("other:2", "y", 60_000)).rejects.toBeInstanceOf(StoreFullError);
    // The security pool is full too: a new entry is refused, none is forgotten.
    const refused = await store.set("gatehouse:revoked:jti-2", "1", 60_000).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StoreFullError);
    expect((refused as Error).message).toContain("maxSecurityEntries");
    expect(await store.get("gatehouse:revoked:jti-1")).toBe("1");
    expect(await store.get("gatehouse:epoch:user-1")).toBe("5");
    expect(await store.get("other:1")).toBe("x");
    // Replacing an existing key needs no room.
    await store.set("gatehouse:epoch:user-1", "6", 60_000);
    expect(await store.get("gatehouse:epoch:user-1")).toBe("6");
  });

  it("set values expire, and delete removes counters and values", async () => {
    const time = clock(0);
    const store = new MemoryStore({ now: time.now });
    await store.set("gatehouse:revoked:x", "1", 1000);
    await store.hit("n", 1000);
    expect(await store.get("gatehouse:revoked:x")).toBe("1");
    await store.delete("n");
    expect(await store.peek("n")).toBeNull();
    time.advance(1);
    expect(await store.get("gatehouse:revoked:x")).toBeNull();
  });

  it("refuses bounds that are not whole numbers ≥ 1, naming the option", () => {
    expect(() => new MemoryStore({ maxCounters: 0 })).toThrow(/maxCounters/);
    expect(() => new MemoryStore({ maxSecurityEntries: 1.5 })).toThrow(/maxSecurityEntries/);
  });
});
