import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// A worker keeps the modules an earlier file imported (vitest.config.ts: `isolate: false`), so
// each test imports the switch afresh, under its own environment.
beforeEach(() => vi.resetModules());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("demo sign-in switch", () => {
  it("is off in a production server started without REKINDLE_DEMO, whatever else is set", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", "x".repeat(40));
    vi.stubEnv("NEXTAUTH_URL", "https://rekindle.example");
    vi.stubEnv("REKINDLE_DEMO_SEED", "true");
    const { demoSignInEnabled } = await import("./demo");
    expect(demoSignInEnabled).toBe(false);
  });

  it("is on in a production server in demo mode, which needs no secret or URL", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("REKINDLE_DEMO", "1");
    vi.stubEnv("PORT", "3456");
    const { demoSignInEnabled } = await import("./demo");
    const { env } = await import("@/server/env");
    expect(demoSignInEnabled).toBe(true);
    expect(env.NEXTAUTH_URL).toBe("http://localhost:3456");
    expect(env.REKINDLE_DEMO_SEED).toBe("full");
  });

  it("is on in development and tests", async () => {
    vi.stubEnv("NODE_ENV", "development");
    const { demoSignInEnabled, isDemoEmail } = await import("./demo");
    expect(demoSignInEnabled).toBe(true);
    expect(isDemoEmail("owner@lotus-english.example")).toBe(true);
    expect(isDemoEmail("ceo@lotus-english.example")).toBe(false);
  });
});
