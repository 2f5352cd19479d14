import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const crypto = (impl: "node" | "web") => ({
  find: /^#crypto$/,
  replacement: fileURLToPath(new URL(`./packages/core/src/lib/crypto/${impl}.ts`, import.meta.url)),
});

const argon2 = (impl: "node" | "web") => ({
  find: /^#argon2$/,
  replacement: fileURLToPath(new URL(`./packages/core/src/features/password/argon2-${impl}.ts`, import.meta.url)),
});

// The core suite runs twice: on the node:crypto fast path and on WebCrypto, which is what Edge
// and browsers run. Both must give the same answers.
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: [crypto("node"), argon2("node")] },
        test: { name: "core:node", include: ["packages/core/test/**/*.test.ts"] },
      },
      {
        resolve: { alias: [crypto("web"), argon2("web")] },
        test: {
          name: "core:web",
          include: ["packages/core/test/**/*.test.ts"],
          // Adapters dying mid sign-in do not depend on the crypto implementation, nor do the
          // docs: run them once.
          exclude: ["packages/core/test/database-failure-*.test.ts", "packages/core/test/docs.test.ts"],
        },
      },
      {
        test: { name: "gatehouse", include: ["packages/gatehouse/test/**/*.test.ts"] },
      },
      {
        test: {
          name: "adapters",
          include: ["packages/adapter-*/test/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Published next-auth and Auth.js adapters, pinned in compat/adapters/package.json.
        test: {
          name: "compat",
          include: ["compat/*/test/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
