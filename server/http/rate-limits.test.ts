import { describe, expect, it } from "vitest";
import { bucketOf, clientIp, createRateLimiter, rateLimitSettings } from "./rate-limits";

const defaults = rateLimitSettings.parse({});

describe("rate limits", () => {
  it.each([
    ["/api/v1/contacts", "api"],
    ["/api/v1/openapi.json", "api"],
    ["/api/mcp", "api"],
    ["/api/catalog/modules", "api"],
    ["/api/tenants/activate-module", "api"],
    ["/r/abcDEF12345", "links"],
    ["/p/abcDEF12345", "links"],
    ["/u/abcDEF12345", "links"],
    ["/api/push/subscribe", "links"],
    ["/api/auth/signin/email", "signin"],
    ["/api/auth/callback/demo", "signin"],
    ["/api/webhooks/resend", "webhooks"],
    ["/api/webhooks/sms/status", "webhooks"],
    ["/api/trpc/contacts.list", null],
    ["/api/auth/session", null],
    ["/api/inngest", null],
    ["/contacts", null],
  ])("puts %s in the %s bucket", (path, bucket) => {
    expect(bucketOf(path)).toBe(bucket);
  });

  it("has sane defaults: 100 API requests a minute per key", () => {
    expect(defaults).toMatchObject({
      RATE_LIMIT_WINDOW_SECONDS: 60,
      RATE_LIMIT_API_PER_KEY: 100,
      RATE_LIMIT_API_PER_IP: 300,
    });
  });

  it("refuses the 101st request of a key in a window, with the seconds to wait", async () => {
    const check = createRateLimiter(defaults);
    const client = (ip: string) => ({ ip, bearer: "rk_one" });
    for (let i = 0; i < 100; i++) {
      // Spread over addresses: the key's own limit is what stops it.
      expect((await check("api", client(`10.0.0.${i % 3}`))).allowed).toBe(true);
    }
    const refused = await check("api", client("10.0.0.9"));
    expect(refused).toMatchObject({ allowed: false, limit: 100 });
    if (!refused.allowed) {
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    // Another key from the same address is not held back by the first key's use.
    expect((await check("api", { ip: "10.0.0.9", bearer: "rk_two" })).allowed).toBe(true);
  });

  it("limits an address across keys, and counts a bucket apart from the others", async () => {
    const check = createRateLimiter({ ...defaults, RATE_LIMIT_LINKS_PER_IP: 3 });
    for (let i = 0; i < 3; i++)
      expect((await check("links", { ip: "a", bearer: null })).allowed).toBe(true);
    expect((await check("links", { ip: "a", bearer: null })).allowed).toBe(false);
    expect((await check("links", { ip: "b", bearer: null })).allowed).toBe(true);
    expect((await check("signin", { ip: "a", bearer: null })).allowed).toBe(true);
  });

  it("reports what is left of the tightest limit", async () => {
    const check = createRateLimiter({ ...defaults, RATE_LIMIT_API_PER_KEY: 5 });
    expect(await check("api", { ip: "c", bearer: "rk_three" })).toMatchObject({
      allowed: true,
      limit: 5,
      remaining: 4,
    });
  });

  it("reads the client from the first X-Forwarded-For address", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).toBe(
      "203.0.113.7",
    );
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIp(new Headers())).toBe("unknown");
  });

  it("refuses a limit that is not a positive whole number", () => {
    expect(() => rateLimitSettings.parse({ RATE_LIMIT_API_PER_KEY: "0" })).toThrow();
    expect(rateLimitSettings.parse({ RATE_LIMIT_API_PER_KEY: "250" }).RATE_LIMIT_API_PER_KEY).toBe(
      250,
    );
  });
});
