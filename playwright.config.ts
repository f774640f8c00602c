import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = 3100;
// Debian's chromium when present (Playwright cannot download its own browser here).
const systemChromium = "/usr/bin/chromium";
const launchOptions = fs.existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    }
  : {};

export default defineConfig({
  testDir: "./e2e",
  globalSetup: "./e2e/global-setup.ts",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // The first tests share 2 cores with the engine planning the whole demo backlog.
  timeout: 180_000,
  // A dev server compiling routes while the engine plans thousands of contacts, on 2 cores.
  expect: { timeout: 30_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The product as the README starts it (embedded PGlite, demo seed), in a fresh data folder
    // and its own build folder so it can run beside `npm run dev`.
    command: `rm -rf .data/e2e && next dev --port ${PORT}`,
    url: `http://localhost:${PORT}/signin`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    env: {
      DATABASE_URL: "",
      PGLITE_DATA_DIR: ".data/e2e",
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      NEXT_DIST_DIR: ".next-e2e",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
