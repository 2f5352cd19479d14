// Builds and serves apps/demo for the e2e suite (`next build && next start`).
import { E2E_SECRET, root, run, serve } from "./common.js";

const port = Number(process.env.DEMO_PORT ?? 3210);
const demo = `${root}apps/demo`;
const nextBin = `${root}node_modules/next/dist/bin/next`;
const env = { AUTH_SECRET: E2E_SECRET, NEXTAUTH_URL: `http://127.0.0.1:${port}` };

run("building apps/demo", process.execPath, [nextBin, "build"], { cwd: demo, env });
serve(demo, nextBin, port, env);
