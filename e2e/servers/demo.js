// Builds and serves apps/demo for the e2e suite (`next build && next start`).
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { E2E_SECRET, root, run, serve } from "./common.js";

const port = Number(process.env.DEMO_PORT ?? 3210);
const demo = `${root}apps/demo`;
const nextBin = `${root}node_modules/next/dist/bin/next`;
const idpPort = Number(process.env.E2E_IDP_PORT ?? 3310);
const env = {
  AUTH_SECRET: E2E_SECRET,
  // A fresh SQLite database per run, and the SMTP sink the email tests start (e2e/tests/mail-sink.ts).
  DATABASE_URL: `sqlite:${process.env.E2E_DEMO_DATABASE ?? `${tmpdir()}/gatehouse-e2e-demo-${Date.now()}.db`}`,
  EMAIL_SERVER: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? 3325}`,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  LOCAL_IDP_ISSUER: `http://127.0.0.1:${idpPort}`,
};

// The local OpenID provider the demo's "Sign in with Local IdP" uses.
const idp = spawn(process.execPath, [`${root}apps/local-idp/cli.js`], {
  stdio: ["ignore", "inherit", "ignore"],
  env: { ...process.env, LOCAL_IDP_PORT: String(idpPort), LOCAL_IDP_APP_URL: `http://127.0.0.1:${port}` },
});
process.on("exit", () => idp.kill());

run("building apps/demo", process.execPath, [nextBin, "build"], { cwd: demo, env });
serve(demo, nextBin, port, env);
