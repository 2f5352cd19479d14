// `npm start`: build the packages and the demo app, then serve it on 127.0.0.1:3000 (PORT to
// change). Installs nothing. The first run writes a random development secret to
// apps/demo/.env.local, so sessions survive restarts.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const demo = `${root}apps/demo`;
const port = process.env.PORT ?? "3000";
const nextBin = `${root}node_modules/next/dist/bin/next`;

function step(title, command, args, cwd = root) {
  console.log(`\n▸ ${title}`);
  const result = spawnSync(command, args, {
    cwd,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    console.error(
      `\n✗ ${title} failed (exit ${result.status ?? result.signal}). Fix the error above and run npm start again.`,
    );
    process.exit(1);
  }
}

if (!existsSync(nextBin)) {
  console.error("Dependencies are missing: run `npm install` first, then `npm start`.");
  process.exit(1);
}

const envFile = `${demo}/.env.local`;
const env = existsSync(envFile) ? readFileSync(envFile, "utf8") : "";
if (!/^AUTH_SECRET=/m.test(env)) {
  const lines = [
    "# Written by `npm start`: a random secret for this machine's demo. Never commit it.",
    `AUTH_SECRET=${randomBytes(32).toString("base64url")}`,
    "# The demo listens on loopback only, so the Host header can be trusted.",
    "AUTH_TRUST_HOST=true",
    "",
  ];
  writeFileSync(envFile, `${env}${env === "" || env.endsWith("\n") ? "" : "\n"}${lines.join("\n")}`);
  console.log("▸ Generated a development secret in apps/demo/.env.local");
}

step("Building the Gatehouse packages", process.execPath, [`${root}node_modules/typescript/bin/tsc`, "-b"]);
step("Bundling the Gatehouse packages", process.execPath, [`${root}scripts/build.js`]);
// GATEHOUSE_DEMO=1: the demo's auth.ts turns on development mode, so email sign-in links go to
// the development mailbox page instead of needing an SMTP server.
process.env.GATEHOUSE_DEMO = "1";
step("Building the demo app (next build)", process.execPath, [nextBin, "build"], demo);

console.log('\n▸ Starting the local OpenID provider ("Sign in with Local IdP")');
const idpPort = process.env.LOCAL_IDP_PORT ?? "3300";
const idp = spawn(process.execPath, [`${root}apps/local-idp/cli.js`], {
  stdio: ["ignore", "inherit", "ignore"],
  env: { ...process.env, LOCAL_IDP_PORT: idpPort, LOCAL_IDP_APP_URL: `http://127.0.0.1:${port}` },
});

console.log("\n▸ Starting the demo");
const server = spawn(process.execPath, [nextBin, "start", "--hostname", "127.0.0.1", "--port", port], {
  cwd: demo,
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", LOCAL_IDP_ISSUER: `http://127.0.0.1:${idpPort}` },
});
let announced = false;
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Ready/i.test(String(chunk))) {
    announced = true;
    console.log(`
  ┌──────────────────────────────────────────────────────────┐
  │  Gatehouse demo: http://127.0.0.1:${port.padEnd(23)}│
  │                                                          │
  │  Sign in as ada@example.com   (admin)                    │
  │          or grace@example.com (member)                   │
  │  password   gatehouse-demo                               │
  │  or "Sign in with Local IdP" with any name (OAuth/OIDC)  │
  │  or an email link: any address, then open the mailbox    │
  │     http://127.0.0.1:${port}/api/auth/dev-mailbox${" ".repeat(Math.max(0, 15 - port.length))}│
  │                                                          │
  │  Ctrl+C to stop.                                         │
  └──────────────────────────────────────────────────────────┘`);
  }
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    idp.kill(signal);
    server.kill(signal);
  });
}
server.on("exit", (code) => {
  idp.kill();
  process.exit(code ?? 0);
});
