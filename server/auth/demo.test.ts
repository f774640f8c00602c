import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("demo sign-in switch", () => {
  it("is off in a production build, whatever else is set", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", "x".repeat(40));
    const { demoSignInEnabled } = await import("./demo");
    expect(demoSignInEnabled).toBe(false);
  });

  it("is on in development and tests", async () => {
    vi.stubEnv("NODE_ENV", "development");
    const { demoSignInEnabled, isDemoEmail } = await import("./demo");
    expect(demoSignInEnabled).toBe(true);
    expect(isDemoEmail("owner@lotus-english.example")).toBe(true);
    expect(isDemoEmail("ceo@lotus-english.example")).toBe(false);
  });
});
