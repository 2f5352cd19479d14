import { defineConfig } from "@playwright/test";

const DEMO = "http://127.0.0.1:3210";
const PAGES = "http://127.0.0.1:3211";
const SWITCH_APP = "http://127.0.0.1:3212";

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
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
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
