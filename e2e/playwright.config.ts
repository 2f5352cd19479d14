import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { defineConfig } from "@playwright/test";
import { underCI } from "@gatehouse/adapter-test/under-ci";
import { V4_APPS } from "./tests/helpers.js";

const DEMO = "http://127.0.0.1:3210";

// The demo's SQLite file, fresh per run: set once here, in the runner, and inherited by the demo
// server and by the workers (whose own load of this file keeps it), so a test can look at rows.
process.env.E2E_DEMO_DATABASE ??= `${tmpdir()}/gatehouse-e2e-demo-${Date.now()}.db`;
const PAGES = "http://127.0.0.1:3211";
const DEMO_HTTPS = "https://localhost:3212";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// The HTTPS tests make their certificate with openssl. Without it they are skipped with one
// line — except under CI, where that is a failure, as for every other missing component.
const openssl = spawnSync("openssl", ["version"], { stdio: "ignore" }).status === 0;
if (!openssl) {
  const message = "HTTPS browser tests skipped: no openssl to make their certificate (apt-get install openssl).";
  if (underCI()) throw new Error(`${message} CI requires them.`);
  console.log(message);
}
const SWITCH_APP = "http://127.0.0.1:3214";
const V3_APP = "http://127.0.0.1:3215";

// Debian's Chromium (never `playwright install`, which downloads a browser and fails here).
export default defineConfig({
  testDir: "./tests",
  outputDir: "../test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "http", testIgnore: /https\.spec\.ts$/ },
    ...(openssl
      ? [
          {
            name: "https",
            testMatch: /https\.spec\.ts$/,
            use: {
              launchOptions: {
                executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
                // The certificate is made at test time and trusted by nobody.
                args: [...CHROMIUM_ARGS, "--ignore-certificate-errors"],
              },
            },
          },
        ]
      : []),
  ],
  webServer: [
    {
      command: "node servers/demo.js",
      url: `${DEMO}/api/auth/providers`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: "node servers/pages-app.js",
      url: `${PAGES}/api/auth/providers`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    // After servers/pages-app.js: it builds inside that install (no npm install of its own).
    {
      command: "node servers/v3-app.js",
      url: `${V3_APP}/api/auth/providers`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe" as const,
    },
    // After servers/demo.js: it reuses that build.
    ...(openssl
      ? [
          {
            command: "node servers/demo-https.js",
            url: `${DEMO_HTTPS}/api/auth/providers`,
            ignoreHTTPSErrors: true,
            timeout: 300_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
          },
        ]
      : []),
    // The v4 fixture, built and served on every Next major next-auth 4.24.15 accepts (12 to 16).
    ...V4_APPS.map(({ next, url }) => ({
      command: `node servers/v4-app.js ${next}`,
      url: `${url}/api/auth/providers`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe" as const,
    })),
    // The switching test needs PostgreSQL; e2e/run.js says when it cannot run (never under CI).
    ...(process.env.E2E_SWITCH_APP_SKIPPED === undefined
      ? [
          {
            command: "node servers/switch-app.js",
            url: `${SWITCH_APP}/api/auth/providers`,
            timeout: 900_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
          },
        ]
      : []),
  ],
});
