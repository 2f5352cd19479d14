// The environment as bundlers see it (run after `npm run build`). Next 12's middleware has no
// environment at run time: its bundler inlines `process.env.NAME` at build time, and only that
// exact form. The browser bundle, on the other side, must never name the secret's variables.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/** `code` bundled as Next would for `platform`, with `define` inlined; the output text. */
async function bundle(code: string, platform: "browser" | "neutral", define: Record<string, string> = {}) {
  const result = await build({
    stdin: { contents: code, resolveDir: packageDir, loader: "js" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform,
    define,
    logLevel: "silent",
    external: ["react", "react-dom", "react/jsx-runtime", "next", "next/*", "@gatehouse/core", "@gatehouse/core/*"],
  });
  return result.outputFiles[0]?.text ?? "";
}

describe("the environment", () => {
  it("reaches the middleware where the bundler inlines `process.env.NAME` and no process exists at run time", async () => {
    const code = await bundle(`export { default } from "gatehouse/middleware";`, "neutral", {
      "process.env.NEXTAUTH_SECRET": JSON.stringify("inlined-secret-0123456789-abcdefghij"),
      "process.env.NEXTAUTH_URL": JSON.stringify("https://app.example"),
    });
    expect(code).toContain("inlined-secret-0123456789-abcdefghij");
    expect(code).toContain("https://app.example");
  });

  it("is never named in the browser bundle of gatehouse/react but for the app's URL", async () => {
    const code = await bundle(`export * from "gatehouse/react";`, "browser");
    for (const name of ["NEXTAUTH_SECRET", "AUTH_SECRET", "DATABASE_URL"]) expect(code, name).not.toContain(name);
    expect(code).toContain("NEXTAUTH_URL");
  });
});
