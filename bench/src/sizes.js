// Bundle sizes, min+gzip, built the way an app's bundler would: the client entry for the
// browser (react external), the middleware for the Edge (next/server external). Dynamic imports
// become chunks of their own, as Next.js makes them, and only the entry chunk counts: what a
// page downloads before any code runs (the passkey ceremony's code, say, loads on use).
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const benchDir = fileURLToPath(new URL("..", import.meta.url));

async function minGzip(source, options) {
  const result = await build({
    stdin: { contents: source, resolveDir: benchDir, loader: "js" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    splitting: true,
    outdir: "bench-out",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
    ...options,
  });
  const entry = result.outputFiles.find((file) => file.path.endsWith("stdin.js")) ?? result.outputFiles[0];
  return gzipSync(entry.contents, { level: 9 }).length;
}

const client = (pkg) => `export { SessionProvider, useSession, signIn, signOut } from "${pkg}/react";`;
const middleware = (pkg) => `import { NextResponse } from "next/server";
import { getToken } from "${pkg}/jwt";
export async function middleware(req) {
  const token = await getToken({ req });
  return token ? NextResponse.next() : NextResponse.redirect(new URL("/login", req.url));
}`;

/** `{ client: { lib: bytes }, edge: { lib: bytes } }` for next-auth and Gatehouse. */
export async function bundleSizes() {
  const browser = { platform: "browser", external: ["react", "react-dom", "react/jsx-runtime"] };
  const edge = {
    platform: "neutral",
    conditions: ["edge-light", "worker", "browser"],
    mainFields: ["module", "main"],
    external: ["next", "next/*"],
  };
  return {
    client: {
      "next-auth": await minGzip(client("next-auth"), browser),
      gatehouse: await minGzip(client("gatehouse"), browser),
    },
    edge: {
      "next-auth": await minGzip(middleware("next-auth"), edge),
      gatehouse: await minGzip(middleware("gatehouse"), edge),
    },
  };
}
