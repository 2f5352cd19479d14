// One type-aware linter for every TypeScript file: typescript-eslint's strict, type-checked rules,
// plus the house rules that keep @gatehouse/core on web standards.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "**/.next/**",
      "coverage/**",
      "vitest.config.ts",
      "apps/local-idp/**",
      // Written the way next-auth v4 apps write their code, not ours: type-checked (npm run
      // typecheck, and next build in e2e), not held to this repository's lint rules.
      "e2e/v4-app/**",
      "test-results/**",
      "**/*.js",
      "**/*.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      // Next.js middleware and handlers may return nothing; documented overloads read better apart.
      "@typescript-eslint/no-invalid-void-type": "off",
      "@typescript-eslint/unified-signatures": "off",
    },
  },
  {
    files: ["packages/core/src/**/*.ts"],
    ignores: ["packages/core/src/lib/crypto/node.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*"],
              message: "Core runs on web standards; put Node-only code behind the #crypto node condition.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "process", message: "Core reads no environment; take it from config." },
        { name: "Buffer", message: "Use Uint8Array." },
      ],
    },
  },
  {
    files: ["**/test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
);
