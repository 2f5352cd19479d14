// The demo over HTTPS for the e2e suite: a TLS server with a certificate made now (openssl), in
// front of a second `next start` of the build servers/demo.js just made, whose NEXTAUTH_URL is
// https, on PostgreSQL (a database of its own, made afresh; the http demo is on SQLite), or on
// SQLite where e2e/run.js found no PostgreSQL (never under CI). Its own local IdP (plain http on 127.0.0.1, so a different site from https://localhost)
// has a client for the demo's form_post provider, whose callback arrives as a cross-site POST.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:tls";
import { startIdp } from "@gatehouse/local-idp";
import { E2E_SECRET, freshPostgresDatabase, root, run, serve } from "./common.js";

const HTTPS_PORT = Number(process.env.DEMO_HTTPS_PORT ?? 3212);
const appPort = Number(process.env.DEMO_HTTPS_APP_PORT ?? 3213);
const idpPort = Number(process.env.E2E_HTTPS_IDP_PORT ?? 3311);
const origin = `https://localhost:${HTTPS_PORT}`;
const demo = `${root}apps/demo`;
const nextBin = `${root}node_modules/next/dist/bin/next`;

// A self-signed certificate for localhost, valid for this run only.
const dir = mkdtempSync(join(tmpdir(), "gatehouse-e2e-tls-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const made = spawnSync(
  "openssl",
  [
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-days",
    "2",
    "-subj",
    "/CN=localhost",
    "-addext",
    "subjectAltName=DNS:localhost,IP:127.0.0.1",
    "-keyout",
    join(dir, "key.pem"),
    "-out",
    join(dir, "cert.pem"),
  ],
  { stdio: ["ignore", "ignore", "inherit"] },
);
if (made.status !== 0)
  throw new Error(`[e2e] openssl could not make a certificate (exit ${made.status ?? made.error})`);

const idp = await startIdp({
  port: idpPort,
  clients: [
    {
      client_id: "gatehouse-demo",
      client_secret: "gatehouse-demo-local-secret",
      redirect_uris: [`${origin}/api/auth/callback/local`, `${origin}/api/auth/callback/local-post`],
      post_logout_redirect_uris: [`${origin}/`],
      grant_types: ["authorization_code", "refresh_token"],
    },
  ],
});
process.on("exit", () => void idp.close());

// TLS in front of the app: bytes in, bytes out (the app sees plain HTTP on loopback).
const tls = createServer(
  { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) },
  (socket) => {
    const upstream = connect(appPort, "127.0.0.1");
    for (const end of [socket, upstream]) end.on("error", () => end.destroy());
    socket.on("close", () => upstream.destroy());
    upstream.on("close", () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  },
);
await new Promise((resolve, reject) => {
  tls.once("error", reject);
  tls.listen(HTTPS_PORT, "127.0.0.1", resolve);
});

// The e2e suite built the demo just before (servers/demo.js); build it only when run alone.
if (!existsSync(`${demo}/.next/BUILD_ID`))
  run("building apps/demo", process.execPath, [nextBin, "build"], { cwd: demo });
/** A fresh PostgreSQL database for this run, or SQLite when there is no PostgreSQL here. */
async function database() {
  if (process.env.E2E_SWITCH_APP_SKIPPED !== undefined) {
    process.stdout.write("[e2e] the HTTPS demo runs on SQLite: no PostgreSQL here (see e2e/run.js)\n");
    return `sqlite:${tmpdir()}/gatehouse-e2e-demo-https-${Date.now()}.db`;
  }
  const url = await freshPostgresDatabase("demo_https");
  process.stdout.write(`[e2e] the HTTPS demo runs on PostgreSQL (${new URL(url).pathname.slice(1)})\n`);
  return url;
}

serve(demo, nextBin, appPort, {
  AUTH_SECRET: E2E_SECRET,
  DATABASE_URL: await database(),
  EMAIL_SERVER: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? 3325}`,
  NEXTAUTH_URL: origin,
  LOCAL_IDP_ISSUER: idp.issuer,
  LOCAL_IDP_FORM_POST: "1",
});
