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
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // The production build with the small seed answers in well under a second; a test that needs
  // longer is waiting for something that will not happen.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The README's run command (the production build in demo mode, built once when sources
    // changed), in a fresh data folder with the small seed, so it can run beside `npm run dev`.
    command: "rm -rf .data/e2e && bash scripts/run-demo.sh",
    url: `http://localhost:${PORT}/signin`,
    // Includes a cold `next build` on 2 cores.
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    env: {
      PORT: String(PORT),
      DATABASE_URL: "",
      PGLITE_DATA_DIR: ".data/e2e",
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      REKINDLE_DEMO_SEED: "small",
      // Reminders of a contact created by a test go out within a second.
      ENGINE_TICK_MS: "1000",
      // Every spec signs in from this one address: the default (20 a minute) would hold them back.
      RATE_LIMIT_SIGNIN_PER_IP: "1000",
    },
  },
});
