import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Test files share modules (isolate: false): an earlier file may have read the environment.
beforeEach(() => vi.resetModules());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

// Every route module of the app's API, by its file: a documented path must have one.
const routes = import.meta.glob<Record<string, unknown>>("/app/api/**/route.ts");

// The first import loads the endpoints' modules (database, engine).
describe("GET /api/v1/openapi.json", { timeout: 60_000 }, () => {
  it("answers the OpenAPI document as cacheable JSON, served from NEXTAUTH_URL", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://rekindle.example");
    const { GET } = await import("./route");
    const response = GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toContain("public");
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: "https://rekindle.example" }]);
    expect(document.paths["/api/v1/contacts"].post["x-required-scope"]).toBe("contacts");
  });

  it("documents only paths and methods that a route module serves", async () => {
    const { GET } = await import("./route");
    const document = await GET().json();
    for (const [path, item] of Object.entries<Record<string, unknown>>(document.paths)) {
      const load = routes[`/app${path}/route.ts`];
      expect(load, path).toBeDefined();
      const route = await load!();
      for (const method of Object.keys(item)) {
        expect(route[method.toUpperCase()], `${method} ${path}`).toBeTypeOf("function");
      }
    }
  });
});
