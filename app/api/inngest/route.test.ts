import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const request = (method: string) =>
  new NextRequest("http://localhost:3000/api/inngest", {
    method,
    body: method === "GET" ? null : "{}",
  });

// The first import loads the whole engine and the Inngest SDK.
describe("/api/inngest", { timeout: 60_000 }, () => {
  it.each(["GET", "POST", "PUT"] as const)(
    "answers %s with 'not configured' while the engine is embedded",
    async (method) => {
      vi.stubEnv("WORKFLOW_ENGINE", "embedded");
      const route = await import("./route");
      const response = await route[method](request(method), {});
      expect(response.status).toBe(404);
      const body = await response.json();
      expect(body.error).toBe("not_configured");
      expect(body.message).toContain("WORKFLOW_ENGINE=inngest");
    },
  );

  it("serves the Inngest functions when Inngest runs the engine", async () => {
    vi.stubEnv("WORKFLOW_ENGINE", "inngest");
    vi.stubEnv("INNGEST_DEV", "1");
    const route = await import("./route");
    const response = await route.GET(request("GET"), {});
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ function_count: 7 });
  });
});
