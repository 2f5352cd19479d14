/**
 * ioredis prints every connection error of a client without an "error" listener (with its
 * stack) while it reconnects. The suites that cut Redis on purpose hide those lines, and only
 * those; what a request answers is what they check.
 */
import { afterAll, beforeAll, vi, type MockInstance } from "vitest";

export function quietIoredis(): void {
  let spy: MockInstance<typeof console.error> | undefined;
  beforeAll(() => {
    const original = console.error.bind(console);
    spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      if (typeof args[0] === "string" && args[0].startsWith("[ioredis] Unhandled error event")) return;
      original(...args);
    });
  });
  afterAll(() => {
    spy?.mockRestore();
  });
}
