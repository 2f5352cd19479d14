// A stand-in for the npm registry on loopback, so an app can install Gatehouse exactly as users
// will once it is published — `"next-auth": "npm:gatehouse@^0.1.0"`, resolved by plain
// `npm install` — while the packages are still `npm pack` tarballs. The names of those tarballs
// are served from them; every other request goes to the real registry unchanged (npm sends
// tarball downloads here too: it swaps registry.npmjs.org for the configured registry).
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:http";
import { get as httpsGet } from "node:https";
import { join } from "node:path";

const UPSTREAM = "https://registry.npmjs.org";

/** Serves the packages in `dir` (`*.tgz`) by name; returns the registry URL and a way to stop it. */
export async function startRegistry(dir) {
  const local = new Map();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".tgz"))) {
    const bytes = readFileSync(join(dir, file));
    const manifest = JSON.parse(
      execFileSync("tar", ["-xzOf", join(dir, file), "package/package.json"], { encoding: "utf8" }),
    );
    local.set(manifest.name, {
      file,
      manifest,
      integrity: `sha512-${createHash("sha512").update(bytes).digest("base64")}`,
      shasum: createHash("sha1").update(bytes).digest("hex"),
    });
  }
  let base = "";
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0].slice(1));
    const hit = local.get(path);
    if (hit !== undefined) {
      const { version } = hit.manifest;
      const dist = { tarball: `${base}/-/local/${hit.file}`, integrity: hit.integrity, shasum: hit.shasum };
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          name: path,
          "dist-tags": { latest: version },
          versions: { [version]: { ...hit.manifest, dist } },
        }),
      );
      return;
    }
    if (path.startsWith("-/local/")) {
      res.end(readFileSync(join(dir, path.slice("-/local/".length).replace(/[/\\]/g, ""))));
      return;
    }
    // Passed through as it comes (compressed, with its headers): npm sees the registry's bytes.
    const upstream = httpsGet(
      `${UPSTREAM}${req.url}`,
      {
        headers: {
          accept: req.headers.accept ?? "*/*",
          "accept-encoding": req.headers["accept-encoding"] ?? "identity",
        },
      },
      (answer) => {
        res.statusCode = answer.statusCode ?? 502;
        for (const header of ["content-type", "content-encoding", "content-length", "etag", "last-modified"]) {
          const value = answer.headers[header];
          if (value !== undefined) res.setHeader(header, value);
        }
        answer.pipe(res);
      },
    );
    upstream.on("error", (error) => {
      res.statusCode = 502;
      res.end(String(error));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  return { url: base, names: [...local.keys()], close: () => new Promise((resolve) => server.close(resolve)) };
}
