import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** The environment as the app reads it at start, with these variables. */
async function analyticsWith(vars: { POSTHOG_KEY?: string; POSTHOG_HOST?: string }) {
  vi.stubEnv("POSTHOG_KEY", vars.POSTHOG_KEY ?? "");
  vi.stubEnv("POSTHOG_HOST", vars.POSTHOG_HOST ?? "");
  vi.resetModules();
  const { env } = await import("@/server/env");
  const { posthogConfig } = await import("./posthog-config");
  const { analyticsFromEnv } = await import("./from-env");
  return { config: posthogConfig(env), sink: analyticsFromEnv(env) };
}

describe("PostHog from the environment", () => {
  it("without POSTHOG_KEY there is no PostHog at all", async () => {
    expect(await analyticsWith({})).toEqual({ config: null, sink: null });
  });

  it("POSTHOG_KEY alone sends to PostHog's US cloud", async () => {
    const { config, sink } = await analyticsWith({ POSTHOG_KEY: "phc_abc" });
    expect(config).toEqual({ key: "phc_abc", host: "https://us.i.posthog.com" });
    expect(sink).toBeTypeOf("function");
  });

  it("POSTHOG_HOST names another instance", async () => {
    const { config } = await analyticsWith({
      POSTHOG_KEY: "phc_abc",
      POSTHOG_HOST: "https://eu.i.posthog.com",
    });
    expect(config).toEqual({ key: "phc_abc", host: "https://eu.i.posthog.com" });
  });

  it("refuses POSTHOG_HOST without POSTHOG_KEY, and a host that is not a URL", async () => {
    await expect(analyticsWith({ POSTHOG_HOST: "https://eu.i.posthog.com" })).rejects.toThrow(
      "POSTHOG_KEY: is required when POSTHOG_HOST is set",
    );
    await expect(analyticsWith({ POSTHOG_KEY: "phc_abc", POSTHOG_HOST: "eu" })).rejects.toThrow(
      /POSTHOG_HOST/,
    );
  });
});
